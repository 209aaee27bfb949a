/**
 * The `live` section of `npm run bench`: the 1 + 5 room (live-room.ts) with a 20 s window; skipped in --quick
 * (six Chromium pages, ten video encoders and five face analysers for about a minute) and without ../shared.
 */
import { closeHarness, sharedMissing } from '../../test/browser/harness/index.ts';
import { cleanLiveMedia, LIVE_CLIP, LIVE_MODEL } from '../../test/browser/live-fixtures.ts';
import { runLiveRoom } from './live-room.ts';
import type { BenchResults } from './types.ts';

export async function benchLive(quick: boolean, log: (msg: string) => void): Promise<BenchResults['live']> {
  if (quick) return { skipped: 'a 1 + 5 room takes a minute; run `npm run bench -- --only live`' };
  const missing = sharedMissing(LIVE_CLIP, LIVE_MODEL);
  if (missing !== undefined) return { skipped: missing };
  log('live room, 1 + 5 …');
  try {
    return await runLiveRoom({ candidates: 5, windowS: 20, settleS: 5, log });
  } catch (e) {
    return { error: String(e).slice(0, 300) };
  } finally {
    await closeHarness();
    cleanLiveMedia();
  }
}
