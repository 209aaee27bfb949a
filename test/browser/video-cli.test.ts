import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { POSTURE_COLUMNS } from '../../packages/sdk/src/video/posture-windows.ts';
import { FRAME_COLUMNS, WINDOW_COLUMNS } from '../../packages/sdk/src/video/schema.ts';
import { repoRoot, sharedMissing, sharedPath } from './harness/index.ts';

const run = promisify(execFile);
const CLIP = 'fixtures/video/vrt_face_5.mp4';
const missing = sharedMissing('models/face_landmarker.task', CLIP);
if (missing) console.warn(`[video-cli] ${missing}`);
const bin = resolve(repoRoot, 'packages/cli/bin/hirenet.js');

describe.skipIf(missing !== undefined)('hirenet features video (headless Chromium)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'hirenet-video-cli-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes one CSV row per k / 15 s with the documented header, and pooled windows', async () => {
    const csv = join(tmp, 'out.csv');
    const win = join(tmp, 'win.csv');
    const { stderr } = await run(
      'node',
      [bin, 'features', 'video', sharedPath(CLIP), '--csv', csv, '--windows-csv', win],
      { cwd: repoRoot, timeout: 240_000 },
    );
    console.log(`[video-cli] ${stderr.trim()}`);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(FRAME_COLUMNS.join(','));
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(74); // 4.88 s at 15 fps
    rows.forEach((r, k) => {
      expect(Number(r[0])).toBeCloseTo(k / 15, 5);
      expect(r).toHaveLength(FRAME_COLUMNS.length);
    });
    expect(rows.filter((r) => r[1] === '1').length / rows.length).toBeGreaterThanOrEqual(0.95);
    const w = readFileSync(win, 'utf8').trim().split('\n');
    expect(w[0]).toBe(['start', 'faceRatio', 'masked', ...WINDOW_COLUMNS].join(','));
    expect(w).toHaveLength(1 + 18); // (4.88 − 0.5) / 0.25 + 1 full windows
  });

  it('--pose appends the six posture columns to the windows CSV: measured with shoulders in frame', async (ctx) => {
    // vrt_face_1 shows head and shoulders (vrt_face_5 is a close-up: out of frame 1, the rest empty).
    const pose = 'models/pose_landmarker_lite.task';
    const body = 'fixtures/video/vrt_face_1.mp4';
    const absent = sharedMissing(pose, body);
    if (absent !== undefined) {
      if (process.env['CI'] === 'true') throw new Error(`[video-cli] CI must not skip: ${absent}`);
      ctx.skip();
    }
    const win = join(tmp, 'win-pose.csv');
    const args = ['features', 'video', sharedPath(body), '--windows-csv', win, '--csv', join(tmp, 'p.csv')];
    const { stderr } = await run('node', [bin, ...args, '--pose', sharedPath(pose)], {
      cwd: repoRoot,
      timeout: 240_000,
    });
    console.log(`[video-cli] --pose: ${stderr.trim()}`);
    const w = readFileSync(win, 'utf8').trim().split('\n');
    expect(w[0]).toBe(['start', 'faceRatio', 'masked', ...WINDOW_COLUMNS, ...POSTURE_COLUMNS].join(','));
    const cells = w.slice(1).map((l) => l.split(',').slice(-POSTURE_COLUMNS.length));
    expect(cells).toHaveLength(23); // (6.1 − 0.5) / 0.25 + 1
    // outOfFrame 0 and a measured shoulder tilt in every window (empty would mean not measured).
    for (const c of cells) {
      expect(Number(c[0])).toBe(0);
      expect(c[1]).not.toBe('');
      expect(Number.isFinite(Number(c[1]))).toBe(true);
    }
  });

  it('a corrupt file exits non-zero with a video-decode message', async () => {
    const bad = join(tmp, 'bad.mp4');
    await run('sh', ['-c', `head -c 20000 /dev/urandom > ${bad}`]);
    const err = await run('node', [bin, 'features', 'video', bad, '--csv', join(tmp, 'bad.csv')], {
      cwd: repoRoot,
      timeout: 240_000,
    }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).not.toBe(0);
    expect((err as { stderr: string }).stderr).toContain('not a readable video file');
  });
});
