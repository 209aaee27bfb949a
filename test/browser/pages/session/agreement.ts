// Same media, same rows (test/browser/session-agreement.test.ts, bench "agreement"): live takes of
// a clip played by the fake camera/mic, the same clip uploaded twice, adjacent segments of it, and
// one stored interview re-scored on every backend — all with the shipped model, via the session API.
import { HireNet } from '../../../../packages/sdk/src/session/hirenet.ts';
import type { InterviewSession } from '../../../../packages/sdk/src/session/interview.ts';
import { requestInterviewMedia } from '../../../../packages/sdk/src/session/media.ts';
import type { AnswerRecord, InterviewResult, ModalityRows } from '../../../../packages/sdk/src/session/types.ts';
import * as tf from '@tensorflow/tfjs-core';
import { exposeRun } from '../../harness/page.ts';
import { pageSessionOptions, type PageAssets } from './page-options.ts';

interface Args {
  assets: PageAssets;
  /** The clip the fake camera plays, served. */
  clipUrl: string;
  /** Live takes, each its own one-question interview, each `seconds` long. */
  takes: number;
  seconds: number;
  /** Files scored one per one-question interview (e.g. adjacent segments). */
  segmentUrls: string[];
  /** Backends to re-score the stored two-answer file interview on. */
  backends: ('wasm' | 'cpu' | 'webgl' | 'webgpu')[];
  /**
   * Optional (bench agreement): capture the mic with the browser's echo cancellation, noise
   * suppression and gain control off, instead of requestInterviewMedia's defaults (all on).
   */
  rawAudio?: boolean;
}

const QUESTION = 'Tell us about a project you are proud of.';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const rowsOf = (m: ModalityRows | null): Pick<ModalityRows, 'rows' | 'windowIndex'> | null =>
  m === null ? null : { rows: m.rows, windowIndex: m.windowIndex };
const answerOf = (r: AnswerRecord | null): unknown =>
  r === null
    ? null
    : {
        seconds: r.durationSeconds,
        audio: rowsOf(r.audio),
        video: rowsOf(r.video),
        warnings: r.warnings.map((w) => w.code),
      };
const scoresOf = (r: InterviewResult): unknown => ({
  score: r.score,
  scores: r.scores,
  answerWindows: r.answerWindows,
  answerAttention: r.answerAttention,
});

async function create(a: Args, backend: Args['backends'][number]): Promise<HireNet> {
  return HireNet.create(pageSessionOptions(a.assets, { backend, modalities: ['audio', 'video'], persist: true }));
}

async function oneQuestion(hn: HireNet, questions = 1): Promise<InterviewSession> {
  const s = hn.startInterview({
    jobTitle: 'Software engineer',
    questions: Array.from({ length: questions }, () => QUESTION),
  });
  await s.consent({ noticeVersion: '1.0.0', modalities: hn.modalities });
  return s;
}

exposeRun(async (a: Args) => {
  const clip = await (await fetch(a.clipUrl)).blob();
  let hn = await create(a, 'wasm');
  const live: unknown[] = [];
  const stream =
    a.rawAudio === true
      ? await navigator.mediaDevices.getUserMedia({
          audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
          video: { width: 640, height: 480 },
        })
      : await requestInterviewMedia(hn.modalities);
  try {
    for (let k = 0; k < a.takes; k++) {
      const s = await oneQuestion(hn);
      s.attach(stream);
      await s.beginAnswer(0);
      await sleep(a.seconds * 1000);
      const rec = await s.endAnswer();
      live.push({ answer: answerOf(rec), result: scoresOf(await s.result()) });
      await s.delete();
    }
  } finally {
    for (const t of stream.getTracks()) t.stop();
  }
  const files: unknown[] = [];
  for (let k = 0; k < 2; k++) {
    const s = await oneQuestion(hn);
    files.push({ answer: answerOf(await s.addAnswerFile(0, clip)), result: scoresOf(await s.result()) });
    await s.delete();
  }
  const segments: unknown[] = [];
  for (const url of a.segmentUrls) {
    const s = await oneQuestion(hn);
    segments.push({
      url,
      answer: answerOf(await s.addAnswerFile(0, await (await fetch(url)).blob())),
      result: scoresOf(await s.result()),
    });
    await s.delete();
  }
  // One stored interview (two uploaded answers), then re-scored from storage on each backend.
  const stored = await oneQuestion(hn, 2);
  await stored.addAnswerFile(0, clip);
  await stored.addAnswerFile(1, a.segmentUrls.length > 0 ? await (await fetch(a.segmentUrls[0]!)).blob() : clip);
  await stored.result();
  const id = stored.id;
  const rescored: Record<string, unknown> = {};
  for (const b of a.backends) {
    await hn.close();
    const tensors = tf.memory().numTensors;
    hn = await create(a, b);
    const s = await hn.resumeInterview(id);
    if (s === undefined) throw new Error(`stored interview ${id} not found on ${b}`);
    rescored[b] = {
      backend: hn.backend,
      ...(scoresOf(await s.result({ fresh: true })) as object),
      tensorsBeforeCreate: tensors,
    };
  }
  await hn.deleteAll();
  await hn.close();
  return { live, files, segments, rescored, tensorsAfterClose: tf.memory().numTensors };
});
