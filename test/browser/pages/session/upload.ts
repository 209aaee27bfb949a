// Uploaded recordings through the session API (test/browser/session-upload.test.ts): each step
// analyses one file as an answer with session.addAnswerFile(i, blob); files come from the
// harness server by URL, or are made here (random bytes, a truncated copy).
import { HireNet } from '../../../../packages/sdk/src/session/hirenet.ts';
import type { SessionModality } from '../../../../packages/sdk/src/session/types.ts';
import * as tf from '@tensorflow/tfjs-core';
import { exposeRun } from '../../harness/page.ts';
import { pageSessionOptions, type PageAssets } from './page-options.ts';

/** `url`: a served file; `random`: bytes that are no media file; `truncate`: the first half of `url`. */
type FileSpec = { url: string; truncate?: boolean; type?: string } | { random: number };
type Step = { do: 'file'; index: number; file: FileSpec } | { do: 'result'; fresh?: boolean };
interface Args {
  assets: PageAssets;
  modalities?: SessionModality[];
  steps: Step[];
}

const errorOf = (e: unknown): { code: string; message: string; cause: string | null } => ({
  code: (e as { code?: string }).code ?? (e as Error).name,
  message: (e as Error).message,
  cause: (e as { cause?: { code?: string } }).cause?.code ?? null,
});

async function blobOf(f: FileSpec): Promise<Blob> {
  if ('random' in f) return new Blob([crypto.getRandomValues(new Uint8Array(f.random))], { type: 'video/mp4' });
  const b = await (await fetch(f.url)).blob();
  return f.truncate === true ? b.slice(0, Math.floor(b.size / 2), b.type) : b;
}

const tensors = (): number => {
  try {
    return tf.memory().numTensors;
  } catch {
    return 0;
  }
};

exposeRun(async (a: Args) => {
  const out: Record<string, unknown>[] = [];
  const tensorsBefore = tensors();
  const hn = await HireNet.create(
    pageSessionOptions(a.assets, { modalities: a.modalities ?? ['audio', 'video'], persist: true }),
  );
  try {
    const s = hn.startInterview({
      jobTitle: 'Software engineer',
      questions: [
        'Tell us about a project you are proud of.',
        'How do you handle a deadline you cannot meet?',
        'Why this role?',
      ],
    });
    const warnings: { code: string; answer?: number }[] = [];
    s.addEventListener('warning', (e) => {
      const d = (e as CustomEvent<{ code: string; answer?: number }>).detail;
      warnings.push({ code: d.code, ...(d.answer === undefined ? {} : { answer: d.answer }) });
    });
    await s.consent({ noticeVersion: '1.0.0', modalities: hn.modalities });
    for (const step of a.steps) {
      if (step.do === 'file') {
        const t0 = performance.now();
        try {
          const r = await s.addAnswerFile(step.index, await blobOf(step.file));
          out.push({
            step: 'file',
            index: step.index,
            ms: performance.now() - t0,
            recorded: r !== null,
            seconds: r?.durationSeconds ?? null,
            audioRows: r?.audio?.rows.length ?? null,
            videoRows: r?.video?.rows.length ?? null,
            meanLuma: r?.videoStats?.meanLuma ?? null,
            warnings: r?.warnings.map((w) => w.code) ?? [],
          });
        } catch (e) {
          out.push({ step: 'file', index: step.index, ms: performance.now() - t0, error: errorOf(e) });
        }
        out.push({
          step: 'recorded',
          answers: s.recorded.map((r) =>
            r === null ? null : { audio: r.audio?.rows.length ?? null, video: r.video?.rows.length ?? null },
          ),
        });
      } else {
        const result = await s.result({ fresh: step.fresh === true });
        out.push({ step: 'result', result, tensors: tensors() });
      }
    }
    const stored = (await hn.storedInterviews()).find((x) => x.id === s.id);
    const logWarnings =
      s
        .eventLogs()
        .at(-1)
        ?.events.filter((e) => e.type === 'warning')
        .map((e) => ({ code: (e as { code: string }).code, answer: (e as { answer?: number }).answer })) ?? [];
    await hn.deleteAll();
    const res = {
      modalities: hn.modalities,
      out,
      warnings,
      logWarnings,
      storedAnswers: stored?.answers.map((x) => x !== null) ?? null,
      tensorsBefore,
    };
    await hn.close();
    return { ...res, tensorsAfterClose: tensors() };
  } finally {
    await hn.close();
  }
});
