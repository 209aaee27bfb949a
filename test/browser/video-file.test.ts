import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAME_COLUMNS } from '../../packages/sdk/src/video/schema.ts';
import { mirrorReport, type Row } from '../node/video/mirror-stats.ts';
import { closeHarness, sharedMissing, sharedPath, sharedUrl, withPage, type HarnessPage } from './harness/index.ts';

const MODEL = 'models/face_landmarker.task';
const CLIPS = ['vrt_face_1.mp4', 'vrt_face_2.mp4', 'vrt_face_3.mp4', 'vrt_face_4.mp4', 'vrt_face_5.mp4', 'talk_f1.mp4', 'talk_f2.mp4'];
const missing = sharedMissing(MODEL, ...CLIPS.map((c) => `fixtures/video/${c}`));
if (missing) console.warn(`[video-file] ${missing}`);

interface FileResult {
  url: string;
  stats?: { duration: number; frames: number; analysed: number; faceRatio: number; speed: number; wallMs: number; detectMsMedian: number; restarts: number; codec: string };
  values?: Row[];
  error?: { code: string | null; name: string; message: string };
}
interface PageResult {
  initMs: number;
  files: FileResult[];
  initError?: { code: string | null; message: string };
}

let tmp = '';
/** Files made at test time (flipped clips, black and corrupt videos), served under /video-tmp/. */
function serveTmp(h: HarnessPage): Promise<void> {
  return h.page.route('**/video-tmp/**', (route) => route.fulfill({ path: join(tmp, new URL(route.request().url()).pathname.split('/').pop()!) }));
}

function ffmpeg(...args: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
}

const face = FRAME_COLUMNS.indexOf('face');

describe.skipIf(missing !== undefined)('video file analysis (MediaPipe in the vision worker)', () => {
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'hirenet-video-'));
  });
  afterAll(async () => {
    await closeHarness();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('finds a face in ≥ 95 % of frames of every real talking-head clip, faster than real time', async () => {
    const res = await withPage('video/file.html', (h) =>
      h.run<PageResult>({ modelUrl: sharedUrl(MODEL), files: CLIPS.map((c) => sharedUrl(`fixtures/video/${c}`)) }),
    );
    expect(res.initError).toBeUndefined();
    console.log(`[video-file] worker init ${res.initMs.toFixed(0)} ms`);
    for (const f of res.files) {
      expect(f.error, f.url).toBeUndefined();
      const s = f.stats!;
      console.log(`[video-file] ${f.url.split('/').pop()}: ${s.codec} ${s.duration.toFixed(2)} s, ${s.analysed}/${s.frames} frames, face ${(100 * s.faceRatio).toFixed(1)} %, detect median ${s.detectMsMedian.toFixed(1)} ms/frame, ${s.speed.toFixed(2)}× real time`);
      expect(s.analysed).toBe(s.frames);
      expect(s.frames).toBe(Math.ceil(s.duration * 15 - 1e-9));
      expect(f.values!.every((r, k) => Math.abs((r[0] as number) - k / 15) < 1e-9)).toBe(true);
      expect(s.faceRatio).toBeGreaterThanOrEqual(0.95);
    }
  });
});
