import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAME_COLUMNS } from '../../packages/sdk/src/video/schema.ts';
import { mirrorReport, type Row } from '../node/video/mirror-stats.ts';
import { closeHarness, sharedMissing, sharedPath, sharedUrl, withPage } from './harness/index.ts';
import { runFfmpeg as ffmpeg } from './harness/tools.ts';

const MODEL = 'models/face_landmarker.task';
const CLIPS = [
  'vrt_face_1.mp4',
  'vrt_face_2.mp4',
  'vrt_face_3.mp4',
  'vrt_face_4.mp4',
  'vrt_face_5.mp4',
  'talk_f1.mp4',
  'talk_f2.mp4',
];
const MIRROR_CLIPS = ['vrt_face_1.mp4', 'vrt_face_4.mp4', 'talk_f1.mp4'];
const missing = sharedMissing(MODEL, ...CLIPS.map((c) => `fixtures/video/${c}`));
if (missing) console.warn(`[video-file] ${missing}`);

interface Stats {
  duration: number;
  frames: number;
  analysed: number;
  faceRatio: number;
  speed: number;
  wallMs: number;
  detectMsMedian: number;
  restarts: number;
  codec: string;
  resetMs: number;
  decodeWaitMs: number;
  detectMs: number;
  workers: number;
}
interface FileResult {
  url: string;
  stats?: Stats;
  values?: Row[];
  beforeCrash?: Row[];
  windows?: { start: number; masked: boolean; faceRatio: number; frames: number }[];
  error?: { code: string | null; name: string; message: string };
}
interface PageResult {
  initMs: number;
  files: FileResult[];
  initError?: { code: string | null; message: string };
}
interface RunArgs {
  files: string[];
  fileWorkers?: number;
  pool?: boolean;
  modelSha256?: string | null;
  crashAfterRows?: number;
}

let tmp = '';
const TMP_PREFIX = '/video-tmp/';

/** Run the file page; files under TMP_PREFIX are served from the temp dir (made at test time). */
function analyse(args: RunArgs): Promise<PageResult> {
  return withPage('video/file.html', async (h) => {
    await h.page.route(`**${TMP_PREFIX}**`, (route) =>
      route.fulfill({
        body: readFileSync(join(tmp, new URL(route.request().url()).pathname.slice(TMP_PREFIX.length))),
        contentType: 'application/octet-stream',
      }),
    );
    const res = await h.run<PageResult>({ modelUrl: sharedUrl(MODEL), ...args });
    // Nothing leaves the machine: MediaPipe's usage logger is blocked in the worker. (Vite's
    // own HMR socket to 127.0.0.1, which its client opens in workers, is harness plumbing.)
    expect(h.externalRequests().filter((q) => new URL(q.url).hostname !== '127.0.0.1')).toEqual([]);
    return res;
  });
}

function describeStats(f: FileResult): string {
  const s = f.stats!;
  return [
    `${f.url.split('/').pop()}: ${s.workers} worker(s), ${s.codec} ${s.duration.toFixed(2)} s,`,
    `${s.analysed}/${s.frames} frames, face ${(100 * s.faceRatio).toFixed(1)} %, detect median`,
    `${s.detectMsMedian.toFixed(1)} ms/frame, ${s.speed.toFixed(2)}× real time (wall`,
    `${s.wallMs.toFixed(0)} ms = reset ${s.resetMs.toFixed(0)} + decode wait`,
    `${s.decodeWaitMs.toFixed(0)} + detect ${s.detectMs.toFixed(0)})`,
  ].join(' ');
}

const FACE = FRAME_COLUMNS.indexOf('face');

describe.skipIf(missing !== undefined)('video file analysis (MediaPipe in the vision worker)', () => {
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'hirenet-video-'));
  });
  afterAll(async () => {
    await closeHarness();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('finds a face in ≥ 95 % of frames of every real talking-head clip, one row per k / 15 s', async () => {
    const res = await analyse({ files: CLIPS.map((c) => sharedUrl(`fixtures/video/${c}`)) });
    expect(res.initError).toBeUndefined();
    console.log(`[video-file] worker init ${res.initMs.toFixed(0)} ms`);
    for (const f of res.files) {
      expect(f.error, f.url).toBeUndefined();
      const s = f.stats!;
      console.log(`[video-file] ${describeStats(f)}`);
      expect(s.analysed).toBe(s.frames);
      expect(s.frames).toBe(Math.ceil(s.duration * 15 - 1e-9));
      expect(f.values!.every((r, k) => Math.abs((r[0] as number) - k / 15) < 1e-9)).toBe(true);
      expect(s.faceRatio).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('a clip, another, then the first again on one worker: the same rows to the byte', async () => {
    const [a, b] = ['vrt_face_4.mp4', 'talk_f1.mp4'].map((c) => sharedUrl(`fixtures/video/${c}`));
    const res = await analyse({ files: [a!, b!, a!], fileWorkers: 1 });
    expect(res.initError).toBeUndefined();
    const [first, other, again] = res.files;
    for (const f of res.files) expect(f.error, f.url).toBeUndefined();
    expect(first!.stats!.faceRatio).toBeGreaterThanOrEqual(0.95);
    expect(other!.values!.length).not.toBe(first!.values!.length);
    // The second and third files start on a rebuilt graph (face-engine.ts reset), the first on a new landmarker.
    expect(again!.values).toEqual(first!.values);
    const resets = res.files.map((f) => f.stats!.resetMs.toFixed(0)).join(', ');
    console.log(`[video-file] waited for a fresh graph before each file: ${resets} ms`);
  });

  it('mirror test: an hflipped clip swaps left/right blendshapes, negates yaw and roll, keeps pitch', async () => {
    const files: string[] = [];
    for (const c of MIRROR_CLIPS) {
      const flipped = `flip_${c}`;
      ffmpeg(
        '-i',
        sharedPath(`fixtures/video/${c}`),
        '-vf',
        'hflip',
        '-an',
        '-c:v',
        'libx264',
        '-crf',
        '16',
        '-preset',
        'veryfast',
        '-pix_fmt',
        'yuv420p',
        join(tmp, flipped),
      );
      files.push(sharedUrl(`fixtures/video/${c}`), `${TMP_PREFIX}${flipped}`);
    }
    const res = await analyse({ files });
    expect(res.initError).toBeUndefined();
    for (let i = 0; i < MIRROR_CLIPS.length; i++) {
      const [o, m] = [res.files[2 * i]!, res.files[2 * i + 1]!];
      expect(o.error ?? m.error).toBeUndefined();
      const r = mirrorReport(o.values!, m.values!);
      const moving = r.pairs.filter((p) => p.moves);
      console.log(
        [
          `[video-file] mirror ${MIRROR_CLIPS[i]}: ${r.frames} frames, median r ${r.medianR.toFixed(3)}`,
          `over ${moving.length} moving pairs (min`,
          `${Math.min(...moving.map((p) => (p.rLR + p.rRL) / 2)).toFixed(2)}), eyeLookIn r`,
          `${r.eyeLookIn.toFixed(3)}, eyeLookOut r ${r.eyeLookOut.toFixed(3)}, |yaw+yaw'|`,
          `${r.yawSumMean.toFixed(3)}°, |roll+roll'| ${r.rollSumMean.toFixed(3)}°, |pitch-pitch'|`,
          `${r.pitchDiffMean.toFixed(3)}°, |gazeX+gazeX'| ${r.gazeXSumMean.toFixed(3)}`,
        ].join(' '),
      );
      expect(r.medianR).toBeGreaterThanOrEqual(0.6);
      expect(r.eyeLookIn).toBeGreaterThanOrEqual(0.3);
      expect(r.eyeLookOut).toBeGreaterThanOrEqual(0.3);
      expect(r.yawSumMean).toBeLessThanOrEqual(1.5);
      expect(r.rollSumMean).toBeLessThanOrEqual(1.0);
      expect(r.pitchDiffMean).toBeLessThanOrEqual(1.5);
    }
  });

  it(
    'webm (VP8) decodes too; a black video yields rows with no face and no measurements; a corrupt ' +
      'file fails with video-decode',
    async () => {
      ffmpeg(
        '-i',
        sharedPath('fixtures/video/vrt_face_3.mp4'),
        '-an',
        '-c:v',
        'libvpx',
        '-b:v',
        '2M',
        join(tmp, 'face3.webm'),
      );
      ffmpeg(
        '-f',
        'lavfi',
        '-i',
        'color=c=black:s=640x480:r=25',
        '-t',
        '3',
        '-c:v',
        'libx264',
        '-pix_fmt',
        'yuv420p',
        join(tmp, 'black.mp4'),
      );
      ffmpeg('-f', 'lavfi', '-i', 'color=c=black:s=320x240:r=30', '-t', '2', '-c:v', 'libvpx', join(tmp, 'black.webm'));
      writeFileSync(
        join(tmp, 'random.mp4'),
        Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919 + 13) % 251)),
      );
      const real = readFileSync(sharedPath('fixtures/video/vrt_face_1.mp4'));
      writeFileSync(join(tmp, 'truncated.mp4'), real.subarray(0, 4096));
      const res = await analyse({
        files: ['face3.webm', 'black.mp4', 'black.webm', 'random.mp4', 'truncated.mp4'].map((f) => `${TMP_PREFIX}${f}`),
      });
      const [webm, black, blackWebm, random, truncated] = res.files;
      expect(webm!.error).toBeUndefined();
      console.log(`[video-file] ${describeStats(webm!)}`);
      expect(webm!.stats!.faceRatio).toBeGreaterThanOrEqual(0.95);
      for (const b of [black!, blackWebm!]) {
        expect(b.error).toBeUndefined();
        expect(b.stats!.analysed).toBe(b.stats!.frames);
        expect(b.stats!.faceRatio).toBe(0);
        expect(b.values!.every((row) => row[FACE] === 0 && row.slice(2).every((v) => v === null))).toBe(true);
      }
      expect(black!.stats!.frames).toBe(45);
      for (const bad of [random!, truncated!]) {
        console.log(`[video-file] ${bad.url}: ${bad.error?.message}`);
        expect(bad.error?.code).toBe('video-decode');
      }
    },
  );

  it('a face that leaves the frame: no-face rows and masked windows exactly where the picture is black', async () => {
    ffmpeg(
      '-i',
      sharedPath('fixtures/video/talk_f1.mp4'),
      '-f',
      'lavfi',
      '-i',
      'color=c=black:s=512x512:r=25:d=2',
      '-filter_complex',
      '[0:v]trim=0:2,setpts=PTS-STARTPTS,format=yuv420p[a];[1:v]format=yuv420p[b];[a][b]concat=n=2:v=1:a=0[v]',
      '-map',
      '[v]',
      '-c:v',
      'libx264',
      join(tmp, 'leaves.mp4'),
    );
    const res = await analyse({ files: [`${TMP_PREFIX}leaves.mp4`], pool: true });
    const f = res.files[0]!;
    expect(f.error).toBeUndefined();
    const faceAt = f.values!.map((r) => [r[0] as number, r[FACE] as number] as const);
    expect(faceAt.filter(([t]) => t < 1.9).every(([, face]) => face === 1)).toBe(true);
    expect(faceAt.filter(([t]) => t >= 2.0).every(([, face]) => face === 0)).toBe(true);
    const w = f.windows!;
    expect(w).toHaveLength(15); // (4 − 0.5) / 0.25 + 1
    expect(w.filter((x) => x.start + 0.5 <= 1.9).every((x) => !x.masked && x.faceRatio === 1)).toBe(true);
    expect(w.filter((x) => x.start >= 2.0).every((x) => x.masked && x.faceRatio === 0)).toBe(true);
    console.log(
      [
        '[video-file] leaves.mp4 windows (start:faceRatio)',
        `${w.map((x) => `${x.start}:${x.faceRatio.toFixed(2)}`).join(' ')}`,
      ].join(' '),
    );
  });

  it('a model with the wrong sha256 is refused with video-model', async () => {
    const res = await analyse({ files: [], modelSha256: '0'.repeat(64) });
    expect(res.initError?.code).toBe('video-model');
    expect(res.initError?.message).toContain('sha256');
  });

  it('a worker crash mid-file restarts the worker and keeps every row already extracted', async () => {
    const url = sharedUrl('fixtures/video/talk_f1.mp4');
    const res = await analyse({ files: [url, url], crashAfterRows: 40 });
    const [crashed, clean] = res.files;
    expect(crashed!.error).toBeUndefined();
    expect(crashed!.stats!.restarts).toBe(1);
    // Same analysis times as an undisturbed run: nothing lost, nothing doubled.
    expect(crashed!.values!.map((r) => r[0])).toEqual(clean!.values!.map((r) => r[0]));
    // Rows received before the crash are kept verbatim (after it, a fresh tracker may differ slightly).
    const byTime = new Map(crashed!.values!.map((r) => [r[0], r]));
    expect(crashed!.beforeCrash!.length).toBeGreaterThanOrEqual(40);
    for (const r of crashed!.beforeCrash!) expect(byTime.get(r[0])).toEqual(r);
  });
});
