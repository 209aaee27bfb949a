// The low-light warning: the vision worker measures each analysed frame's mean luma; an answer
// whose mean is below LOW_LIGHT gets `low-light`. Checked on a real talking-face clip, as
// recorded and darkened with ffmpeg (eq=brightness=-0.45), through the live camera path (fake
// camera) and through uploaded files.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageStep } from './page-steps.ts';
import { LOW_LIGHT } from '../../packages/sdk/src/session/answer-record.ts';
import {
  closeHarness,
  repoRoot,
  sharedMissing,
  sharedPath,
  sharedUrl,
  withPage,
  type PageOptions,
} from './harness/index.ts';
import { consentAndAnswer, foreign } from './session-api-run.ts';
import {
  cleanWorkDir,
  CLIP,
  FACE_MODEL,
  fakeMedia,
  workDir,
  sessionAssets,
  type SessionAssetUrls,
} from './session-fixtures.ts';
import { runFfmpeg } from './harness/tools.ts';

const missing = sharedMissing(CLIP, FACE_MODEL);
if (missing) console.warn(`[session-lowlight] ${missing}`);
const DARKEN = 'eq=brightness=-0.45';

type Out = PageStep;

/**
 * The clip darkened, as a fake-camera .y4m (temp dir) and as an uploadable .mp4 (under
 * node_modules/.cache, inside the repo, so the harness server may serve it); made at test
 * time, never committed.
 */
function darkClip(kind: 'y4m' | 'mp4'): string {
  const out =
    kind === 'y4m' ? join(workDir(), 'dark.y4m') : join(repoRoot, 'node_modules/.cache/hirenet-session-test/dark.mp4');
  if (!existsSync(out)) {
    mkdirSync(dirname(out), { recursive: true });
    const codec =
      kind === 'y4m'
        ? ['-vf', `scale=640:480,${DARKEN}`, '-pix_fmt', 'yuv420p']
        : ['-vf', DARKEN, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'copy'];
    runFfmpeg('-i', sharedPath(CLIP), ...codec, out);
  }
  return out;
}

let assets: SessionAssetUrls;

async function liveAnswer(
  camera: PageOptions,
): Promise<{ warnings: string[]; videoRows: number | null; log: string[] }> {
  return withPage(
    'session/session.html',
    async (h) => {
      const r = await h.run<{ fatal?: unknown; out: Out[]; eventLog: { type: string; code?: string }[] }>({
        assets,
        steps: consentAndAnswer([{ index: 0, seconds: 3 }]),
      });
      expect(r.fatal).toBeUndefined();
      expect(foreign(h)).toEqual([]);
      const a = r.out.find((o) => o.step === 'answer')!;
      return {
        warnings: a.warnings,
        videoRows: a.videoRows,
        log: r.eventLog.filter((e) => e.type === 'warning').map((e) => e.code ?? ''),
      };
    },
    camera,
  );
}

describe.skipIf(missing !== undefined)('session: low-light warning', () => {
  beforeAll(() => {
    assets = sessionAssets();
  });
  afterAll(async () => {
    await closeHarness();
    cleanWorkDir();
  });

  it('live camera: the darkened clip raises low-light (logged as a code), the clip as recorded does not', async () => {
    const normal = fakeMedia();
    const bright = await liveAnswer({ fakeMedia: normal });
    const dark = await liveAnswer({ fakeMedia: { video: darkClip('y4m'), audio: normal.audio } });
    console.log(
      [
        `[session-lowlight] live: recorded → ${JSON.stringify(bright.warnings)}, darkened →`,
        `${JSON.stringify(dark.warnings)} (${dark.videoRows} video windows kept)`,
      ].join(' '),
    );
    expect(bright.warnings).not.toContain('low-light');
    expect(dark.warnings).toContain('low-light');
    expect(dark.log).toContain('low-light');
    expect(bright.log).not.toContain('low-light');
  });

  it(
    'uploaded files: mean luma of the darkened clip is below LOW_LIGHT and warned; the clip as ' +
      'recorded is well above it',
    async () => {
      const r = await withPage('session/upload.html', async (h) =>
        h.run<{ out: Out[] }>({
          assets,
          steps: [
            { do: 'file', index: 0, file: { url: sharedUrl(CLIP) } },
            { do: 'file', index: 1, file: { url: `/@fs${darkClip('mp4')}` } },
          ],
        }),
      );
      const [bright, dark] = r.out.filter((o) => o.step === 'file');
      console.log(
        [
          `[session-lowlight] uploaded: mean luma as recorded ${bright!.meanLuma.toFixed(1)}, darkened`,
          `(${DARKEN}) ${dark!.meanLuma.toFixed(1)}; threshold ${LOW_LIGHT}; darkened video windows kept:`,
          `${dark!.videoRows}`,
        ].join(' '),
      );
      expect(bright!.meanLuma).toBeGreaterThan(2 * LOW_LIGHT);
      expect(bright!.warnings).not.toContain('low-light');
      expect(dark!.meanLuma).toBeLessThan(LOW_LIGHT);
      expect(dark!.warnings).toContain('low-light');
    },
  );
});
