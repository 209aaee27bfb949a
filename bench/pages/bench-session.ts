// Session benchmark (bench/lib/session.ts): the public session API on Chromium's fake camera and
// mic — HireNet.create → startInterview → consent → attach → beginAnswer → … → endAnswer → result.
// Times endAnswer() → result() after short answers and after one long answer, and records the
// main-thread long tasks (> 50 ms) of each phase. Assets come from the bench server by URL.
import { HireNet, requestInterviewMedia } from '@hirenet/sdk';
import { viteAudioWorklet } from '../../packages/sdk/src/audio/capture-urls.vite.ts';
import { viteVisionWasm } from '../../packages/sdk/src/video/mediapipe-urls.vite.ts';
import { exposeRun, recordLongTasks } from '../../test/browser/harness/page.ts';

export interface BenchSessionArgs {
  readonly assets: { modelUrl: string; vocabUrl: string; wasmPaths: string; faceModelUrl: string };
  readonly backend: 'wasm' | 'cpu' | 'auto';
  readonly shortAnswers: number;
  readonly shortSeconds: number;
  /** 0 skips the long answer. */
  readonly longSeconds: number;
}

/** One answer: seconds recorded, then endAnswer() and result() timed back to back. */
export interface BenchAnswer {
  readonly seconds: number;
  readonly beginAnswerMs: number;
  readonly endAnswerMs: number;
  readonly resultMs: number;
  /** endAnswer() called → result() resolved. */
  readonly endToResultMs: number;
  readonly audioWindows: number | null;
  readonly videoFrames: number | null;
  readonly videoSeconds: number | null;
  readonly warnings: string[];
  /** Long tasks while recording (beginAnswer called → endAnswer called), ms each. */
  readonly longTasksRecording: number[];
  /** Long tasks from endAnswer() to result() resolved, ms each. */
  readonly longTasksEndToResult: number[];
  readonly score: number | null;
}

export interface BenchSessionResult {
  readonly createMs: number;
  readonly backend: string;
  readonly modalities: string[];
  readonly loadWarnings: string[];
  readonly longTasksCreate: number[];
  readonly camera: { width?: number; height?: number; frameRate?: number };
  readonly short: BenchAnswer[];
  readonly long: BenchAnswer | null;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

exposeRun(async (a: BenchSessionArgs): Promise<BenchSessionResult | { error: string }> => {
  const create = recordLongTasks();
  const t0 = performance.now();
  let hn: HireNet | undefined;
  let stream: MediaStream | undefined;
  try {
    hn = await HireNet.create({
      assetsBaseUrl: '/unused/',
      ...a.assets,
      visionWasm: viteVisionWasm,
      audioWorkletUrl: viteAudioWorklet.workletUrl,
      backend: a.backend,
      modalities: ['audio', 'video'],
    });
    const createMs = performance.now() - t0;
    create.stop();
    const session = hn.startInterview({
      jobTitle: 'Software engineer',
      questions: ['Tell us about a project you are proud of.'],
    });
    await session.consent({ noticeVersion: '1.0.0', modalities: hn.modalities });
    stream = await requestInterviewMedia(hn.modalities);
    session.attach(stream);
    const answer = async (seconds: number): Promise<BenchAnswer> => {
      // Recording index 0 again replaces the answer, so every result() scores one fresh answer.
      const recording = recordLongTasks();
      const b0 = performance.now();
      await session.beginAnswer(0);
      const beginAnswerMs = performance.now() - b0;
      await sleep(seconds * 1000);
      recording.stop();
      const after = recordLongTasks();
      const e0 = performance.now();
      const rec = await session.endAnswer();
      const e1 = performance.now();
      const res = await session.result();
      const e2 = performance.now();
      // Entries are delivered asynchronously: let the observer catch up before stopping it.
      await sleep(100);
      after.stop();
      return {
        seconds,
        beginAnswerMs,
        endAnswerMs: e1 - e0,
        resultMs: e2 - e1,
        endToResultMs: e2 - e0,
        audioWindows: rec?.audio?.totalWindows ?? null,
        videoFrames: rec?.videoStats?.frames ?? null,
        videoSeconds: rec?.videoStats?.seconds ?? null,
        warnings: rec?.warnings.map((w) => w.code) ?? [],
        longTasksRecording: [...recording.durations],
        longTasksEndToResult: [...after.durations],
        score: res.score,
      };
    };
    const short: BenchAnswer[] = [];
    for (let i = 0; i < a.shortAnswers; i++) short.push(await answer(a.shortSeconds));
    const long = a.longSeconds > 0 ? await answer(a.longSeconds) : null;
    const s = stream.getVideoTracks()[0]?.getSettings();
    await hn.deleteAll();
    return {
      createMs,
      backend: hn.backend,
      modalities: [...hn.modalities],
      loadWarnings: hn.warnings.map((w) => w.code),
      longTasksCreate: [...create.durations],
      camera: { width: s?.width, height: s?.height, frameRate: s?.frameRate },
      short,
      long,
    };
  } catch (e) {
    return { error: `${(e as { code?: string }).code ?? (e as Error).name}: ${(e as Error).message}` };
  } finally {
    create.stop();
    for (const t of stream?.getTracks() ?? []) t.stop();
    await hn?.close();
  }
});
