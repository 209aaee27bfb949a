/**
 * Posture columns in the asynchronous session with the real pose model (../shared/models/
 * pose_landmarker_lite.task) on a real clip with shoulders in frame (vrt_face_1): an uploaded
 * file and a live answer from a fake camera carry finite posture for windows with a body, a clip
 * with nobody in it carries `outOfFrame` 1 and nulls, a pose model that fails to load is the
 * typed warning `pose-model-missing`, and the face columns are the same with or without the pose.
 * Logs the file analysis' real-time factor with and without the pose, and the load average.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeHarness, repoRoot, sharedMissing, sharedPath, sharedUrl, withPage } from './harness/index.ts';
import { runFfmpeg } from './harness/tools.ts';
import { cleanWorkDir, FACE_MODEL, fakeMedia, sessionAssets, type SessionAssetUrls } from './session-fixtures.ts';

const POSE = 'models/pose_landmarker_lite.task';
const CLIP = 'fixtures/video/vrt_face_1.mp4';
const missing = sharedMissing(FACE_MODEL, POSE, CLIP);
if (missing !== undefined) {
  if (process.env['CI'] === 'true') throw new Error(`[session-posture] CI must not skip: ${missing}`);
  console.warn(`[session-posture] skipped: ${missing}`);
}
const log = (s: string): void => console.log(`[session-posture] ${s}`);

interface Rows {
  names: string[];
  rows: (number | null)[][];
  windowIndex: number[];
  totalWindows: number;
}
interface Answer {
  ms: number;
  seconds: number | null;
  video: Rows | null;
  posture?: Rows | null;
  postureStats?: Record<string, number | null> | null;
  warnings: string[];
}
interface Out {
  loadWarnings: { code: string; message: string }[];
  answers: Answer[];
  feedback: { overall: { metric: string; text: string }[] };
  cues: string[];
}

let assets: SessionAssetUrls;
/** A 3 s H.264 clip of ffmpeg's test pattern: nobody in it. Made at test time under node_modules/.cache. */
function nobodyClip(): string {
  const dir = join(repoRoot, 'node_modules/.cache/hirenet-posture-test');
  const file = join(dir, 'testsrc.mp4');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const pattern = ['-f', 'lavfi', '-i', 'testsrc=size=640x480:rate=30'];
    runFfmpeg(...pattern, '-t', '3', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', file);
  }
  return `/@fs${file}`;
}

const pose = (sha: string | null = null) => ({ modelUrl: sharedUrl(POSE), modelSha256: sha });
const run = (args: Record<string, unknown>, camera = false): Promise<Out> =>
  withPage(
    'session/posture.html',
    (h) => h.run<Out>({ assets, liveSeconds: 0, ...args }),
    camera ? { fakeMedia: fakeMedia({ clip: CLIP, scale: '480:480' }) } : {},
  );

/** Every posture cell finite, except hand movement (hands may be out of the picture) and lean (needs a start). */
function expectBody(p: Rows): void {
  const must = ['posture_outOfFrame', 'posture_shoulderTilt', 'posture_headOffset', 'posture_handNearFace'];
  for (const row of p.rows) {
    for (const name of must) expect(Number.isFinite(row[p.names.indexOf(name)]), name).toBe(true);
    for (const v of row) expect(v === null || Number.isFinite(v)).toBe(true);
  }
}

describe.skipIf(missing !== undefined)('session: posture columns (pose model)', () => {
  beforeAll(() => {
    assets = sessionAssets();
  });
  afterAll(async () => {
    await closeHarness();
    cleanWorkDir();
  });

  it('an uploaded file: posture per window, face columns unchanged, masked without a body', async () => {
    const sha = (await import('node:crypto'))
      .createHash('sha256')
      .update(readFileSync(sharedPath(POSE)))
      .digest('hex');
    const before = loadavg()[0]!;
    const plain = await run({ files: [sharedUrl(CLIP)] });
    const withPose = await run({ files: [sharedUrl(CLIP), nobodyClip()], pose: pose(sha) });
    const after = loadavg()[0]!;
    expect(withPose.loadWarnings).toEqual([]);
    const [a0] = plain.answers;
    const [b0, nobody] = withPose.answers;
    expect(a0!.posture).toBeUndefined();
    // The face columns (what the model reads) are the same rows with or without the pose.
    expect(b0!.video).toEqual(a0!.video);
    const p = b0!.posture!;
    expect(p.names).toHaveLength(6);
    // Head and shoulders in every frame of vrt_face_1: every window has pose frames and a body.
    expect(p.rows.length).toBe(p.totalWindows);
    expectBody(p);
    expect(b0!.postureStats!['outOfFrameFraction']).toBeLessThan(0.05);
    // Nobody in the test pattern: posture measured (pose frames exist) but out of frame, the rest null.
    expect(nobody!.warnings).toContain('no-face');
    expect(nobody!.posture!.rows.length).toBeGreaterThan(0);
    for (const row of nobody!.posture!.rows) expect(row).toEqual([1, null, null, null, null, null]);
    // Feedback names positions in plain units, never a feeling or a trait.
    const texts = withPose.feedback.overall.map((f) => f.text).join(' ');
    expect(withPose.feedback.overall.map((f) => f.metric)).toEqual(
      expect.arrayContaining(['out of frame', 'hand near face', 'shoulders tilted']),
    );
    expect(texts).not.toMatch(/nervous|fidget|confiden|anx|stress|emotion|happy|sad/i);
    const secs = b0!.seconds!;
    // Wall time of addAnswerFile ÷ the clip's length (> 1: slower than real time).
    const rtf = (ms: number): string => `${(ms / 1000).toFixed(2)} s (RTF ${(ms / 1000 / secs).toFixed(2)})`;
    log(
      `file ${secs.toFixed(1)} s: ${rtf(a0!.ms)} without pose, ${rtf(b0!.ms)} with; load ${before.toFixed(2)}` +
        ` → ${after.toFixed(2)}; stats ${JSON.stringify(b0!.postureStats)}`,
    );
  });

  it('file analysis cost with and without the pose (same clip); a worker crash repeats no pose frame', async () => {
    interface FileOut {
      stats: { duration: number; wallMs: number; detectMs: number; poseMs: number; poseAnalysed: number };
      poseTimes: number[] | null;
      poseFound: number | null;
      values: unknown[];
    }
    const args = { modelUrl: sharedUrl(FACE_MODEL), files: [sharedUrl(CLIP)], fileWorkers: 1 };
    const load: number[] = [];
    const [plain, withPose, crashed] = await withPage('video/file.html', async (h) => {
      const go = async (extra: Record<string, unknown>): Promise<FileOut> => {
        load.push(loadavg()[0]!);
        return (await h.run<{ files: FileOut[] }>({ ...args, ...extra })).files[0]!;
      };
      return [await go({}), await go({ pose: pose() }), await go({ pose: pose(), crashAfterRows: 40 })];
    });
    load.push(loadavg()[0]!);
    expect(plain!.poseTimes).toBeNull();
    const t = withPose!.poseTimes!;
    // 5 pose frames per second of the clip, a person in each (head and shoulders throughout).
    expect(t.length).toBe(withPose!.stats.poseAnalysed);
    expect(Math.abs(t.length - 5 * withPose!.stats.duration)).toBeLessThanOrEqual(1);
    expect(withPose!.poseFound).toBe(t.length);
    // After a crash the restarted worker analyses the pose again from the resume point, on the same
    // grid: no time twice, none more.
    expect(new Set(crashed!.poseTimes).size).toBe(crashed!.poseTimes!.length);
    expect(crashed!.poseTimes!.length).toBe(t.length);
    const d = withPose!.stats.duration;
    const f = (o: FileOut): string =>
      `wall ${(o.stats.wallMs / 1000).toFixed(2)} s (RTF ${(o.stats.wallMs / 1000 / d).toFixed(2)}), ` +
      `face detect ${(o.stats.detectMs / 1000).toFixed(2)} s, ` +
      `pose ${(o.stats.poseMs / 1000).toFixed(2)} s / ${o.stats.poseAnalysed}`;
    log(`vrt_face_1 ${d.toFixed(1)} s, 15 face fps: without pose ${f(plain!)}; with ${f(withPose!)}`);
    log(`load average (1 min) before each run and after: ${load.map((x) => x.toFixed(2)).join(' → ')}`);
  });

  it('a live answer from the fake camera carries posture; a pose model that fails is a typed warning', async () => {
    // minFaceCoverage 0: the pose keeps its slots whatever the load (by default it gives them up
    // while the face falls behind: 2 of 23 windows had posture at load 22-25).
    const live = await run({ files: [], liveSeconds: 6, pose: { ...pose(), minFaceCoverage: 0 } }, true);
    expect(live.loadWarnings).toEqual([]);
    const [a] = live.answers;
    expect(a!.video).not.toBeNull();
    const p = a!.posture!;
    // The pose takes turns with the face (5 pose frames/s): most windows have one; a slow start misses a few.
    expect(p.rows.length).toBeGreaterThan(0.5 * p.totalWindows);
    expectBody(p);
    log(`live 6 s: ${p.rows.length} of ${p.totalWindows} windows with posture; ${JSON.stringify(a!.postureStats)}`);

    const bad = await run({ files: [sharedUrl(CLIP)], pose: pose('0'.repeat(64)) });
    expect(bad.loadWarnings.map((w) => w.code)).toEqual(['pose-model-missing']);
    expect(bad.answers[0]!.video!.rows.length).toBeGreaterThan(0);
    expect(bad.answers[0]!.posture).toBeUndefined();
  });
});
