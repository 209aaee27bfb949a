// The vision worker's stopStream() on a track that delivers no frame (a muted or frozen camera: here a canvas
// track never painted), while the stream is read and while it is still attaching (test/browser/video-stream-stop
// .test.ts): either way the job must end, not be left to its caller's deadline.
import * as Comlink from 'comlink';
import { viteVisionWasm } from '../../../../packages/sdk/src/video/mediapipe-urls.vite.ts';
import { resolveFaceOptions } from '../../../../packages/sdk/src/video/options.ts';
import { defaultWorkerFactory, WorkerHandle } from '../../../../packages/sdk/src/video/worker-handle.ts';
import { exposeRun } from '../../harness/page.ts';

interface Args {
  modelUrl: string;
  rounds: number;
  /** How long a job may take to end after its stop before it counts as hung. */
  limitMs: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A live video track that delivers no frame: a canvas captured at frameRate 0 and never asked for one. */
function stalledTrack(): MediaStreamTrack {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 240;
  return canvas.captureStream(0).getVideoTracks()[0]!;
}

exposeRun(async (a: Args) => {
  const h = new WorkerHandle(defaultWorkerFactory);
  const tracks: MediaStreamTrack[] = [];
  const stream = (): ReadableStream<VideoFrame> => {
    const track = stalledTrack();
    tracks.push(track);
    return new MediaStreamTrackProcessor({ track, maxBufferSize: 1 }).readable;
  };
  const analyse = (readable: ReadableStream<VideoFrame>) =>
    h.call(
      h.api.analyzeStream(
        Comlink.transfer(readable, [readable as unknown as Transferable]),
        4,
        Comlink.proxy(() => undefined),
      ),
    );
  /** Milliseconds from the stop to the job's end, or null when it did not end within limitMs. */
  const ended = async (job: Promise<unknown>, stopped: number): Promise<number | null> => {
    const late = sleep(a.limitMs).then(() => 'late' as const);
    return (await Promise.race([job, late])) === 'late' ? null : Math.round(performance.now() - stopped);
  };
  try {
    await h.call(h.api.init(resolveFaceOptions({ ...viteVisionWasm, modelUrl: a.modelUrl }, location.href)));
    // A stop once the stream is being read: the reader is cancelled.
    const first = analyse(stream());
    await sleep(500);
    let t = performance.now();
    await h.call(h.api.stopStream());
    const whileReading = await ended(first, t);
    // Each job's end starts a fresh landmarker in the background: the next job waits for it before it reads,
    // and this stop arrives meanwhile (sent right behind the job's own message).
    const whileAttaching: (number | null)[] = [];
    for (let i = 0; i < a.rounds; i++) {
      const job = analyse(stream());
      t = performance.now();
      await h.call(h.api.stopStream());
      const ms = await ended(job, t);
      whileAttaching.push(ms);
      if (ms === null) break;
    }
    return { whileReading, whileAttaching, alive: h.alive };
  } finally {
    h.terminate();
    for (const track of tracks) track.stop();
  }
});
