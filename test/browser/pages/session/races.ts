// Races through the session API (test/browser/session-races.test.ts): delete, deleteAll, withdrawal
// and close fired while beginAnswer, endAnswer and result are in flight, in loops. Every
// AudioContext and Worker the page creates is tracked, so "no capture runs afterwards" is checked
// on the browser's own objects, not on SDK internals.
import { HireNet } from '../../../../packages/sdk/src/session/hirenet.ts';
import type { InterviewSession } from '../../../../packages/sdk/src/session/interview.ts';
import { requestInterviewMedia } from '../../../../packages/sdk/src/session/media.ts';
import { listSessions, CURRENT_KEY } from '../../../../packages/sdk/src/session/store.ts';
import { exposeRun } from '../../harness/page.ts';
import { pageSessionOptions, type PageAssets } from './page-options.ts';

const contexts: AudioContext[] = [];
const Native = window.AudioContext;
window.AudioContext = class extends Native {
  constructor(o?: AudioContextOptions) {
    super(o);
    contexts.push(this);
  }
};
const workers: { url: string; terminated: boolean }[] = [];
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  private readonly entry: { url: string; terminated: boolean };
  constructor(url: string | URL, o?: WorkerOptions) {
    super(url, o);
    this.entry = { url: String(url), terminated: false };
    workers.push(this.entry);
  }
  override terminate(): void {
    this.entry.terminated = true;
    super.terminate();
  }
};

type Race =
  | 'delete-end'
  | 'deleteAll-result'
  | 'withdraw-begin'
  | 'withdraw-end'
  | 'double-begin'
  | 'close-begin'
  | 'delete-begin';
interface Args {
  assets: PageAssets;
  races: Race[];
  loops: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const settle = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? 'error',
  );

async function storage(): Promise<{ databases: string[]; records: number; current: string | null }> {
  const databases = (await indexedDB.databases()).map((d) => d.name ?? '');
  return {
    databases,
    records: databases.includes('hirenet') ? (await listSessions()).length : 0,
    current: localStorage.getItem(CURRENT_KEY),
  };
}

/** After a race: what still runs, a second later (face events, AudioContexts, audio workers). */
async function leftovers(faces: {
  n: number;
}): Promise<{ faceEventsAfter: number; runningContexts: number; liveAudioWorkers: number }> {
  const before = faces.n;
  await sleep(1000);
  return {
    faceEventsAfter: faces.n - before,
    runningContexts: contexts.filter((c) => c.state !== 'closed').length,
    liveAudioWorkers: workers.filter((w) => /audio-worker/.test(w.url) && !w.terminated).length,
  };
}

exposeRun(async (a: Args) => {
  const hn = await HireNet.create(pageSessionOptions(a.assets, { modalities: ['audio', 'video'] }));
  const stream = await requestInterviewMedia(hn.modalities);
  const out: Record<string, unknown>[] = [];
  try {
    for (const race of a.races) {
      for (let loop = 0; loop < a.loops; loop++) {
        const faces = { n: 0 };
        const s: InterviewSession = hn.startInterview({
          jobTitle: 'Software engineer',
          questions: ['Tell us about a project you are proud of.', 'Why this role?'],
        });
        s.addEventListener('face', () => faces.n++);
        await s.consent({ noticeVersion: '1.0.0', modalities: hn.modalities });
        s.attach(stream);
        const row: Record<string, unknown> = { race, loop };
        if (race === 'delete-end' || race === 'withdraw-end' || race === 'deleteAll-result') {
          await s.beginAnswer(0);
          await sleep(1200);
          if (race === 'deleteAll-result') {
            await s.endAnswer();
            const r = settle(s.result({ fresh: true }));
            await hn.deleteAll();
            row['op'] = await r;
          } else {
            const end = settle(s.endAnswer());
            await (race === 'delete-end' ? s.delete() : s.withdrawConsent());
            row['op'] = await end;
          }
        } else if (race === 'double-begin') {
          const first = settle(s.beginAnswer(0));
          row['second'] = await settle(s.beginAnswer(0));
          row['op'] = await first;
          await sleep(800);
          row['end'] = await settle(s.endAnswer());
          await s.close();
        } else {
          const begin = settle(s.beginAnswer(0));
          await (race === 'close-begin' ? s.close() : race === 'delete-begin' ? s.delete() : s.withdrawConsent());
          row['op'] = await begin;
          if (race === 'withdraw-begin') await s.close();
        }
        const stored = (await storage()).records > 0 ? (await listSessions()).find((x) => x.id === s.id) : undefined;
        row['stored'] =
          stored === undefined
            ? null
            : { consent: stored.consent !== null, answers: stored.answers.filter((x) => x !== null).length };
        Object.assign(row, await storage(), await leftovers(faces));
        out.push(row);
        if (race !== 'withdraw-begin' && race !== 'withdraw-end' && race !== 'double-begin' && race !== 'close-begin')
          continue;
        await s.delete();
      }
    }
  } finally {
    for (const t of stream.getTracks()) t.stop();
    await hn.deleteAll();
    await hn.close();
  }
  // HireNet.close() ends the audio worker it kept between answers.
  const liveAudioWorkers = workers.filter((w) => /audio-worker/.test(w.url) && !w.terminated).length;
  return { out, after: { ...(await storage()), liveAudioWorkers } };
});
