// Posture cues from Chromium's fake camera (test/browser/live-pose.test.ts). Two commands:
// 'worker' drives the vision worker directly (its per-frame timings of face and pose at the
// interleave); 'cues' runs the candidate-side cue analysis and returns every message as sent.
import * as Comlink from 'comlink';
import { startCueAnalysis } from '../../../packages/sdk/src/live/cue-analysis.ts';
import { viteVisionWasm } from '../../../packages/sdk/src/video/mediapipe-urls.vite.ts';
import { resolveFaceOptions } from '../../../packages/sdk/src/video/options.ts';
import type { PoseFrame } from '../../../packages/sdk/src/video/pose-frame.ts';
import { defaultWorkerFactory, WorkerHandle } from '../../../packages/sdk/src/video/worker-handle.ts';
import { exposeRun } from '../harness/page.ts';

type Args =
  | { cmd: 'worker'; modelUrl: string; poseUrl: string | null; seconds: number; faceFps: number }
  | { cmd: 'cues'; modelUrl: string; poseUrl: string; seconds: number; poseSha256?: string };

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

exposeRun(async (a: Args) => {
  const stream = await navigator.mediaDevices.getUserMedia({ video: true });
  const track = stream.getVideoTracks()[0]!;
  const settings = track.getSettings();
  const sha = a.cmd === 'cues' ? (a.poseSha256 ?? null) : null;
  const pose = a.poseUrl === null ? undefined : { modelUrl: a.poseUrl, modelSha256: sha };
  try {
    if (a.cmd === 'cues') {
      const sent: string[] = [];
      const postureErrors: { code: string; message: string }[] = [];
      const analysis = await startCueAnalysis({
        stream,
        consent: { face: true, voice: false },
        face: { ...viteVisionWasm, modelUrl: a.modelUrl },
        ...(pose === undefined ? {} : { pose }),
        onCue: (_cue, text) => sent.push(text),
        onPostureError: (e) => postureErrors.push({ code: e.code, message: e.message }),
      });
      await sleep(a.seconds * 1000);
      await analysis.stop();
      return { sent, postureErrors, settings: { width: settings.width, height: settings.height } };
    }
    const h = new WorkerHandle(defaultWorkerFactory);
    const opts = resolveFaceOptions(
      { ...viteVisionWasm, modelUrl: a.modelUrl, ...(pose === undefined ? {} : { pose }) },
      location.href,
    );
    const init = await h.call(h.api.init(opts));
    const faces: number[] = [];
    const poses: PoseFrame[] = [];
    const processor = new MediaStreamTrackProcessor({ track, maxBufferSize: 1 });
    const readable = processor.readable;
    const run = h.call(
      h.api.analyzeStream(
        Comlink.transfer(readable, [readable as unknown as Transferable]),
        a.faceFps,
        Comlink.proxy((rows) => faces.push(...rows.map((r) => r.face))),
        0,
        pose === undefined ? undefined : Comlink.proxy((f: PoseFrame[]) => poses.push(...f)),
      ),
    );
    await sleep(a.seconds * 1000);
    await h.call(h.api.stopStream());
    const stats = await run;
    h.terminate();
    return {
      init,
      stats,
      faceFound: faces.filter((f) => f === 1).length,
      poseFound: poses.filter((p) => p.found === 1).length,
      settings: { width: settings.width, height: settings.height, frameRate: settings.frameRate },
    };
  } finally {
    track.stop();
  }
});
