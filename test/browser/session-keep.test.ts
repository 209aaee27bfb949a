/**
 * Bad input loses nothing already captured (issue 13): an upload of 8 s of silence with no face
 * does not replace a usable take of the same answer, and a save refused for quota keeps the
 * answer and the result in the page, with a `storage-failed` warning. Shipped model, real clip.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeHarness, repoRoot, sharedMissing, sharedUrl, withPage } from './harness/index.ts';
import { CLIP, demoModel, FACE_MODEL, sessionAssets } from './session-fixtures.ts';
import { runFfmpeg } from './harness/tools.ts';

const missing = sharedMissing(CLIP, FACE_MODEL);
if (missing !== undefined) {
  if (process.env['CI'] === 'true') throw new Error(`[session-keep] CI must not skip: ${missing}`);
  console.warn(`[session-keep] skipped: ${missing}`);
}
afterAll(closeHarness);

/** 8 s of colour bars and digital silence (no face, no speech), H.264 + AAC, made once. */
function emptyClip(): string {
  const dir = join(repoRoot, 'node_modules/.cache/hirenet-keep');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'bars-silence.mp4');
  if (!existsSync(out)) {
    const bars = ['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25'];
    const silence = ['-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=mono'];
    runFfmpeg(...bars, ...silence, '-t', '8', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', out);
  }
  return out;
}

describe.skipIf(missing !== undefined)('nothing captured is lost', () => {
  it('an empty upload keeps the earlier take; a quota failure keeps answer and result with a warning', async () => {
    const assets = sessionAssets(demoModel());
    const r = (await withPage('session/keep.html', (p) =>
      p.run({ assets, goodUrl: sharedUrl(CLIP), emptyUrl: `/@fs${emptyClip()}` }),
    )) as {
      emptyTake: { returned: boolean; keptRows: number; goodRows: number; warnings: string[] };
      quota: { answerKept?: boolean; score?: number; warnings?: string[]; error?: string };
    };
    expect(r.emptyTake.returned).toBe(true);
    expect(r.emptyTake.goodRows).toBeGreaterThan(20);
    expect(r.emptyTake.keptRows).toBe(r.emptyTake.goodRows);
    expect(r.emptyTake.warnings).toEqual(expect.arrayContaining(['silence', 'no-face', 'take-kept']));
    expect(r.quota.error).toBeUndefined();
    expect(r.quota.answerKept).toBe(true);
    expect(r.quota.score).toBeGreaterThan(0);
    expect(r.quota.warnings).toContain('storage-failed');
  });
});
