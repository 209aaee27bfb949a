/**
 * A live room in real Chromium: one interviewer and two candidates (three browser contexts, fake
 * camera and microphone playing a real recording), the development relay, native WebRTC on
 * loopback. Remote video both ways, cue messages equal to each candidate's mirror, pause/resume,
 * leave and rejoin, an ICE restart, and a request audit (only the page server, the relay and
 * peer-to-peer traffic; nothing analysed ever goes to a server).
 */
import { afterAll, describe, it } from 'vitest';
import { startRelay } from '../../packages/relay/src/server.ts';
import { closeHarness, withPage, type HarnessPage } from './harness/index.ts';
import { cleanLiveMedia, onTimeoutDescribe } from './live-fixtures.ts';
import { audit, media, missing, relayFrames, scenario, start } from './live-room-helpers.ts';

afterAll(async () => {
  await closeHarness();
  cleanLiveMedia();
});

describe.skipIf(missing !== undefined)('live room: 1 interviewer + 2 candidates', () => {
  it(
    'connects, streams both ways, relays only signaling, carries exactly the mirrored cues; pause, ' +
      'leave/rejoin, ICE restart',
    async () => {
      const relay = await startRelay({ dev: true, port: 0 });
      const opts = media();
      const audits: { who: string; h: HarnessPage; frames: string[] }[] = [];
      try {
        await withPage(
          'live-room.html',
          async (iv) => {
            audits.push({ who: 'interviewer', h: iv, frames: relayFrames(iv, relay) });
            await start(iv, relay, 'interviewer', 'Ines');
            await withPage(
              'live-room.html',
              async (ada) => {
                audits.push({ who: 'Ada', h: ada, frames: relayFrames(ada, relay) });
                const t0 = Date.now();
                await start(ada, relay, 'candidate', 'Ada');
                await withPage(
                  'live-room.html',
                  async (bo) => {
                    audits.push({ who: 'Bo', h: bo, frames: relayFrames(bo, relay) });
                    await start(bo, relay, 'candidate', 'Bo');
                    onTimeoutDescribe(async () =>
                      JSON.stringify(
                        await Promise.all(
                          [iv, ada, bo].map(async (p) => ({
                            status: await p.page.textContent('[data-testid="status"]').catch(() => null),
                            peers: await p.run({ cmd: 'debug' }).catch((e: unknown) => String(e)),
                          })),
                        ),
                      ),
                    );
                    await scenario(iv.page, ada.page, bo.page, iv, t0);
                  },
                  opts,
                );
              },
              opts,
            );
          },
          opts,
        );
      } finally {
        await relay.close();
      }
      audit(audits, relay);
    },
  );
});
