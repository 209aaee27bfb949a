// Worker and track faults through the session API (test/browser/session-faults.test.ts): workers
// that cannot load (bad URL, failed import, a URL that stops working after create), workers
// killed mid-answer through the SDK's opt-in debug registry, tracks stopped mid-answer, and two
// sessions recording at once. Each timed call reports its milliseconds.
import audioWorkerUrl from '../../../../packages/sdk/src/audio/audio-worker.ts?worker&url';
import { HireNet } from '../../../../packages/sdk/src/session/hirenet.ts';
import type { InterviewSession } from '../../../../packages/sdk/src/session/interview.ts';
import { requestInterviewMedia } from '../../../../packages/sdk/src/session/media.ts';
import type { AnswerRecord, SessionWarning } from '../../../../packages/sdk/src/session/types.ts';
import { WORKER_DEBUG, type GuardedWorkerInfo } from '../../../../packages/sdk/src/util/worker-guard.ts';
import { exposeRun } from '../../harness/page.ts';
import { pageSessionOptions, type PageAssets } from './page-options.ts';

/** `blob`: a module worker that imports the real one (revocable); `bad-import`: one whose import 404s. */
type WorkerSpec = 'bad-url' | 'bad-import' | 'blob';
interface Args {
  assets: PageAssets;
  audioWorker?: WorkerSpec;
  visionWorker?: 'bad-url';
  /** After create: revoke the blob worker URL and kill the kept worker, then try an answer and a file. */
  revoke?: { fileUrl: string };
  answer?: {
    seconds: number;
    kill?: { kind: 'audio' | 'vision'; at: number };
    stopTrack?: { kind: 'audio' | 'video'; at: number };
    /** Keeps the vision worker's thread busy for `ms` once a second of frames has arrived. */
    block?: { at: number; ms: number };
  };
  twoSessions?: { seconds: number };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** Polls `ok` every 100 ms; gives up after `limitMs` (the assertions then say what is missing). */
async function until(ok: () => boolean, limitMs = 30_000): Promise<void> {
  const t0 = performance.now();
  while (!ok() && performance.now() - t0 < limitMs) await sleep(100);
}
const errorOf = (e: unknown): { code: string; message: string } => ({
  code: (e as { code?: string }).code ?? (e as Error).name,
  message: (e as Error).message,
});
const warningOf = (w: SessionWarning): Record<string, unknown> => ({
  code: w.code,
  message: w.message,
  secondsLost: w.secondsLost ?? null,
  modality: w.modality ?? null,
});
const recordOf = (r: AnswerRecord | null): Record<string, unknown> => ({
  recorded: r !== null,
  audioRows: r?.audio?.rows.length ?? null,
  videoRows: r?.video?.rows.length ?? null,
  warnings: (r?.warnings ?? []).map(warningOf),
});

function workerUrl(spec: WorkerSpec): string {
  const real = new URL(audioWorkerUrl, location.href).href;
  if (spec === 'bad-url') return '/no-such-dir/audio-worker.js';
  const src =
    spec === 'bad-import'
      ? `import '${location.origin}/no-such-dir/meyda.js';\nimport '${real}';\n`
      : `import '${real}';\n`;
  return URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
}

/** `f()` with its milliseconds; a call still pending after `limitMs` is reported as code `hang`. */
async function timed<T>(
  f: () => Promise<T>,
  limitMs = 20_000,
): Promise<{ ms: number; value?: T; error?: { code: string; message: string } }> {
  const t0 = performance.now();
  try {
    const hang = sleep(limitMs).then(() =>
      Promise.reject(Object.assign(new Error(`still pending after ${limitMs} ms`), { code: 'hang' })),
    );
    hang.catch(() => undefined);
    const value = await Promise.race([f(), hang]);
    return { ms: performance.now() - t0, value };
  } catch (e) {
    return { ms: performance.now() - t0, error: errorOf(e) };
  }
}

async function interview(hn: HireNet, stream: MediaStream): Promise<InterviewSession> {
  const s = hn.startInterview({
    jobTitle: 'Software engineer',
    questions: ['Tell us about a project you are proud of.', 'Why this role?'],
  });
  await s.consent({ noticeVersion: '1.0.0', modalities: hn.modalities });
  s.attach(stream);
  return s;
}

const resultOf = async (s: InterviewSession): Promise<Record<string, unknown>> => {
  const r = await s.result();
  return {
    score: r.score,
    scores: r.scores,
    questionAttention: r.questionAttention,
    answerAttention: r.answerAttention,
  };
};

exposeRun(async (a: Args) => {
  const registry: GuardedWorkerInfo[] = [];
  (globalThis as { [WORKER_DEBUG]?: unknown })[WORKER_DEBUG] = registry;
  const audioUrl = a.audioWorker === undefined ? undefined : workerUrl(a.audioWorker);
  const out: Record<string, unknown> = { audioUrl: audioUrl ?? null };
  const created = await timed(() =>
    HireNet.create(
      pageSessionOptions(a.assets, {
        persist: false,
        ...(audioUrl === undefined ? {} : { audioWorkerUrl: audioUrl }),
        ...(a.visionWorker === undefined ? {} : { visionWorkerUrl: '/no-such-dir/vision-worker.js' }),
      }),
    ),
  );
  out['create'] = { ms: created.ms, error: created.error ?? null };
  const hn = created.value;
  if (hn === undefined) return out;
  let streams: MediaStream[] = [];
  try {
    out['modalities'] = hn.modalities;
    out['loadWarnings'] = hn.warnings.map(warningOf);
    const stream = await requestInterviewMedia(hn.modalities);
    streams = [stream];
    if (a.revoke !== undefined) {
      URL.revokeObjectURL(audioUrl!);
      // The worker started at create is kept and reused: kill it, so the next answer must start one.
      for (const w of registry) if (w.kind === 'audio') w.kill();
      const s = await interview(hn, stream);
      out['begin'] = await timed(() => s.beginAnswer(0));
      const file = await (await fetch(a.revoke.fileUrl)).blob();
      out['file'] = await timed(() => s.addAnswerFile(1, file).then(() => null));
    }
    if (a.answer !== undefined) {
      const s = await interview(hn, stream);
      const events: string[] = [];
      s.addEventListener('warning', (e) => events.push((e as CustomEvent<SessionWarning>).detail.code));
      let frames = 0;
      s.addEventListener('face', () => frames++);
      await s.beginAnswer(0);
      const began = performance.now();
      const since = (): number => (performance.now() - began) / 1000;
      const { kill, stopTrack, block } = a.answer;
      const at = Math.min(kill?.at ?? Infinity, stopTrack?.at ?? Infinity, block?.at ?? Infinity);
      if (Number.isFinite(at)) await sleep(at * 1000);
      if (kill !== undefined) {
        const victim = registry.filter((w) => w.kind === kill.kind).at(-1);
        if (victim === undefined) throw new Error(`no ${kill.kind} worker in the debug registry`);
        // On a loaded machine the audio worker may lag: kill it only once it has analysed 1.5 s
        // and the session has had time to collect that (it reads the worker every second).
        // Likewise the vision worker: kill it once the session has received a second of frames.
        const progress = victim.probe['progress'];
        if (progress !== undefined) {
          while (((await progress()) as { frames: number }).frames < 150) await sleep(100);
          await sleep(1500);
        } else {
          await until(() => frames >= 15);
        }
        victim.kill();
        out['killed'] = victim.url;
      }
      if (block !== undefined) {
        const victim = registry.filter((w) => w.kind === 'vision').at(-1);
        if (victim?.probe['block'] === undefined)
          throw new Error('no vision worker with a block probe in the debug registry');
        await until(() => frames >= 15);
        await victim.probe['block'](block.ms);
      }
      if (stopTrack !== undefined)
        (stopTrack.kind === 'audio' ? stream.getAudioTracks() : stream.getVideoTracks())[0]?.stop();
      out['faultAt'] = since();
      // At least 2 s between the fault (a block: its end) and endAnswer, however long the waits above took.
      const after = Number.isFinite(at) ? 2 + (block?.ms ?? 0) / 1000 : 0;
      await sleep(Math.max(after, a.answer.seconds - since()) * 1000);
      out['endAt'] = since();
      const ended = await timed(() => s.endAnswer());
      out['end'] = { ms: ended.ms, error: ended.error ?? null, ...recordOf(ended.value ?? null) };
      out['events'] = events;
      out['result'] = await resultOf(s);
    }
    if (a.twoSessions !== undefined) {
      const second = stream.clone();
      streams.push(second);
      const [s1, s2] = [await interview(hn, stream), await interview(hn, second)];
      // Seconds of the answer at which each session's analysis delivered frames (first, last).
      const spans = [s1, s2].map((s) => {
        const span: number[] = [];
        s.addEventListener('face', (e) => {
          const t = (e as CustomEvent<{ seconds: number }>).detail.seconds;
          span[0] ??= t;
          span[1] = t;
        });
        return span;
      });
      out['faceSpans'] = spans;
      await s1.beginAnswer(0);
      await s2.beginAnswer(0);
      // The second answer's vision worker starts with it (seconds on a loaded machine): record on
      // until both have frames, then `seconds` more.
      await until(() => spans.every((x) => x.length > 0));
      await sleep(a.twoSessions.seconds * 1000);
      const e1 = await timed(() => s1.endAnswer());
      const e2 = await timed(() => s2.endAnswer());
      out['sessions'] = [e1, e2].map((e) => ({ ms: e.ms, error: e.error ?? null, ...recordOf(e.value ?? null) }));
      out['results'] = [await resultOf(s1), await resultOf(s2)];
    }
    return out;
  } catch (e) {
    return { ...out, fatal: errorOf(e) };
  } finally {
    for (const st of streams) for (const t of st.getTracks()) t.stop();
    await Promise.race([hn.close(), sleep(5000)]);
  }
});
