/**
 * The pose landmarker made fresh between jobs by rebuilding its graph (pose-engine.ts reset: setOptions in its
 * own wasm instance, not a second landmarker): a clip with a body in frame, another, then the first again on one
 * vision worker give the first clip's pose frames (and face rows) to the byte. The second and third files start
 * on a rebuilt graph, the first on a new landmarker, so any tracking or smoothing state carried over would show.
 * Logs the time spent making the landmarkers fresh before each file and the pose's own time.
 */
import { loadavg } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import type { PoseFrame } from '../../packages/sdk/src/video/pose-frame.ts';
import { closeHarness, sharedMissing, sharedUrl, withPage } from './harness/index.ts';

const FACE = 'models/face_landmarker.task';
const POSE = 'models/pose_landmarker_lite.task';
// Shoulders in frame in both (session-posture.test.ts uses A); B is longer, so its last state differs from A's.
const A = 'fixtures/video/vrt_face_1.mp4';
const B = 'fixtures/video/talk_f1.mp4';
const missing = sharedMissing(FACE, POSE, A, B);
if (missing !== undefined) {
  if (process.env['CI'] === 'true') throw new Error(`[video-pose-refresh] CI must not skip: ${missing}`);
  console.warn(`[video-pose-refresh] skipped: ${missing}`);
}

interface FileOut {
  url: string;
  resetMs: number;
  poseMs: number;
  poseAnalysed: number;
  restarts: number;
  wallMs: number;
  faces: (number | null)[][];
  poses: PoseFrame[] | null;
  poseUnavailable: string | null;
}
interface Out {
  initMs: number;
  poseError: string | null;
  files: FileOut[];
}

describe.skipIf(missing !== undefined)('video: the pose landmarker is made fresh between files', () => {
  afterAll(closeHarness);

  it('a clip with a body, another, then the first again on one worker: the same pose frames to the byte', async () => {
    const out = await withPage('video/pose-refresh.html', (h) =>
      h.run<Out>({
        modelUrl: sharedUrl(FACE),
        pose: { modelUrl: sharedUrl(POSE), modelSha256: null },
        files: [A, B, A].map((f) => sharedUrl(f)),
      }),
    );
    expect(out.poseError).toBeNull();
    const [first, other, again] = out.files;
    for (const f of out.files) {
      expect(f.poseUnavailable, f.url).toBeNull();
      // A graph that rejects the next job's frames would show as a worker restart, not as an error.
      expect(f.restarts, f.url).toBe(0);
      expect(f.poses?.length, f.url).toBe(f.poseAnalysed);
      const found = f.poses!.filter((p) => p.found === 1).length;
      console.log(
        `[video-pose-refresh] ${f.url.split('/').pop()}: ${found}/${f.poseAnalysed} pose frames with a body,` +
          ` reset ${f.resetMs.toFixed(0)} ms, pose ${f.poseMs.toFixed(0)} ms, wall ${f.wallMs.toFixed(0)} ms`,
      );
    }
    // A body in (nearly) every pose frame of both clips: the tracker has state to carry over.
    expect(first!.poses!.filter((p) => p.found === 1).length).toBeGreaterThanOrEqual(0.9 * first!.poseAnalysed);
    expect(other!.poses!.filter((p) => p.found === 1).length).toBeGreaterThanOrEqual(0.9 * other!.poseAnalysed);
    expect(other!.poseAnalysed).not.toBe(first!.poseAnalysed);
    expect(again!.poses).toEqual(first!.poses);
    expect(again!.faces).toEqual(first!.faces);
    console.log(`[video-pose-refresh] load average ${loadavg()[0]!.toFixed(2)}`);
  });
});
