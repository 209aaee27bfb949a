// Session API scenarios in Chromium (test/browser/session-*.test.ts): consent gate, storage and
// deletion, bad input. Assets come from the harness server by URL (args.assets).
import { HireNet } from '../../../../packages/sdk/src/session/hirenet.ts';
import { requestInterviewMedia } from '../../../../packages/sdk/src/session/media.ts';
import type { InterviewSession } from '../../../../packages/sdk/src/session/interview.ts';
import type { SessionModality } from '../../../../packages/sdk/src/session/types.ts';
import * as tf from '@tensorflow/tfjs-core';
import { crashFaceWorker } from '@hirenet/sdk/internal/util/test-seams';
import { exposeRun } from '../../harness/page.ts';
import { pageSessionOptions, type PageAssets } from './page-options.ts';

type Step =
  | { do: 'consent' }
  | { do: 'media' }
  | { do: 'answer'; index: number; seconds: number; endTrackAfter?: number; crashAfter?: number }
  | { do: 'result'; fresh?: boolean }
  | { do: 'resume' }
  | { do: 'storage' }
  | { do: 'withdraw' }
  | { do: 'deleteAll' }
  | { do: 'sessionDelete' }
  | { do: 'export'; label?: 0 | 1 }
  | { do: 'try'; what: 'attach' | 'begin' | 'result' | 'end' };
interface Args {
  assets: PageAssets;
  modalities?: SessionModality[];
  backend?: 'auto' | 'wasm' | 'cpu';
  questions?: number;
  steps: Step[];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const errorOf = (e: unknown): { code: string; message: string } => ({
  code: (e as { code?: string }).code ?? (e as Error).name,
  message: (e as Error).message,
});

async function storage(): Promise<{ databases: string[]; caches: string[]; localStorage: string[] }> {
  const dbs = await indexedDB.databases();
  return {
    databases: dbs.map((d) => d.name ?? ''),
    caches: await caches.keys(),
    localStorage: Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? ''),
  };
}

exposeRun(async (a: Args) => {
  const out: Record<string, unknown>[] = [];
  const events: { type: string; code?: string; answer?: number; present?: boolean }[] = [];
  let hn: HireNet | undefined;
  let s: InterviewSession | undefined;
  let stream: MediaStream | undefined;
  // tfjs-core is one engine per page; tensors alive before create must be all that is left after close.
  let tensorsBefore = 0;
  try {
    tensorsBefore = tf.memory().numTensors;
  } catch {
    // No backend yet (first run in this page): nothing allocated.
  }
  let tensorsAfterClose: number | null = null;
  try {
    hn = await HireNet.create(
      pageSessionOptions(a.assets, { backend: a.backend ?? 'wasm', modalities: a.modalities ?? ['audio', 'video'] }),
    );
    const listen = (x: InterviewSession): void => {
      x.addEventListener('warning', (e) => {
        const d = (e as CustomEvent<{ code: string; answer?: number }>).detail;
        events.push({ type: 'warning', code: d.code, ...(d.answer === undefined ? {} : { answer: d.answer }) });
      });
      x.addEventListener('face', (e) => {
        const d = (e as CustomEvent<{ answer: number; present: boolean }>).detail;
        events.push({ type: 'face', answer: d.answer, present: d.present });
      });
    };
    const questions = [
      'Tell us about a project you are proud of.',
      'How do you handle a deadline you cannot meet?',
      'Why this role?',
    ].slice(0, a.questions ?? 2);
    let session = hn.startInterview({ jobTitle: 'Software engineer', questions });
    s = session;
    listen(session);
    for (const step of a.steps) {
      switch (step.do) {
        case 'consent':
          await session.consent({ noticeVersion: '1.0.0', modalities: hn.modalities });
          out.push({ step: 'consent', modalities: hn.modalities });
          break;
        case 'media':
          try {
            stream = await requestInterviewMedia(hn.modalities);
            session.attach(stream);
            out.push({ step: 'media', tracks: stream.getTracks().map((t) => t.kind) });
          } catch (e) {
            out.push({ step: 'media', error: errorOf(e) });
          }
          break;
        case 'answer': {
          await session.beginAnswer(step.index);
          if (step.crashAfter !== undefined) {
            await sleep(step.crashAfter * 1000);
            crashFaceWorker(hn);
            await sleep((step.seconds - step.crashAfter) * 1000);
          } else if (step.endTrackAfter !== undefined) {
            await sleep(step.endTrackAfter * 1000);
            stream?.getVideoTracks()[0]?.stop();
            await sleep((step.seconds - step.endTrackAfter) * 1000);
          } else {
            await sleep(step.seconds * 1000);
          }
          const r = await session.endAnswer();
          out.push({
            step: 'answer',
            index: step.index,
            recorded: r !== null,
            audioRows: r?.audio?.rows.length ?? null,
            videoRows: r?.video?.rows.length ?? null,
            warnings: r?.warnings.map((w) => w.code) ?? [],
          });
          break;
        }
        case 'result':
          out.push({ step: 'result', result: await session.result({ fresh: step.fresh === true }) });
          break;
        case 'resume': {
          const resumed = await hn.resumeInterview();
          if (resumed === undefined) {
            out.push({ step: 'resume', found: false });
            break;
          }
          session = resumed;
          s = resumed;
          listen(session);
          out.push({
            step: 'resume',
            found: true,
            consent: session.consentGiven,
            recorded: session.recorded.map((r) =>
              r === null ? null : { audio: r.audio?.rows.length ?? null, video: r.video?.rows.length ?? null },
            ),
            logs: session.eventLogs().length,
          });
          break;
        }
        case 'withdraw':
          await session.withdrawConsent();
          out.push({ step: 'withdraw', recorded: session.recorded.filter((x) => x !== null).length });
          break;
        case 'storage':
          out.push({ step: 'storage', ...(await storage()) });
          break;
        case 'deleteAll':
          await hn.deleteAll();
          out.push({ step: 'deleteAll', ...(await storage()) });
          break;
        case 'sessionDelete':
          await session.delete();
          out.push({ step: 'sessionDelete', ...(await storage()), stored: (await hn.storedInterviews()).length });
          break;
        case 'export':
          out.push({ step: 'export', dataset: session.exportDataset({ label: step.label ?? 1 }) });
          break;
        case 'try': {
          const attempts: Record<string, () => unknown> = {
            attach: () => session.attach(new MediaStream()),
            begin: () => session.beginAnswer(0),
            result: () => session.result(),
            end: () => session.endAnswer(),
          };
          try {
            await attempts[step.what]!();
            out.push({ step: 'try', what: step.what, error: null });
          } catch (e) {
            out.push({ step: 'try', what: step.what, error: errorOf(e) });
          }
          break;
        }
      }
    }
    const result = {
      modalities: hn.modalities,
      backend: hn.backend,
      loadWarnings: hn.warnings.map((w) => w.code),
      out,
      events,
      eventLog: s?.eventLogs().at(-1)?.events ?? [],
    };
    for (const t of stream?.getTracks() ?? []) t.stop();
    await hn.close();
    tensorsAfterClose = tf.memory().numTensors;
    return { ...result, tensorsBefore, tensorsAfterClose };
  } catch (e) {
    return { fatal: errorOf(e), out, events };
  } finally {
    for (const t of stream?.getTracks() ?? []) t.stop();
    await hn?.close();
  }
});
