// The face watch's give-up path (test/browser/session-face-watch-giveup.test.ts): the watch's vision worker is
// kept busy (its thread in a loop, as a long GC or a stalled wasm call would; the SDK's opt-in debug registry
// reaches it) when an answer begins, so the watch's job cannot end within its 3-s deadline. The worker is then
// given up, the answer gets a fresh one, and the watch resumes on that worker after the answer.
import { viteAudioWorklet } from '../../../../packages/sdk/src/audio/capture-urls.vite.ts';
import type { FaceWatchStateChange } from '../../../../packages/sdk/src/session/face-watch.ts';
import { HireNet } from '../../../../packages/sdk/src/session/hirenet.ts';
import type { SessionWarning } from '../../../../packages/sdk/src/session/types.ts';
import { WORKER_DEBUG, type GuardedWorkerInfo } from '../../../../packages/sdk/src/util/worker-guard.ts';
import { viteVisionWasm } from '../../../../packages/sdk/src/video/mediapipe-urls.vite.ts';
import { exposeRun } from '../../harness/page.ts';

interface Args {
  assets: Record<string, string | null>;
  /** How long the worker's thread stays busy: above the watch's 3-s deadline, below the 10-s heartbeat. */
  blockMs: number;
  /** Seconds the answer records after its first analysed frame. */
  answerSeconds: number;
}

declare global {
  interface Window {
    /** Exposed by the test: the Node side counts the page's open workers at `label`. */
    snapshot?: (label: string) => Promise<void>;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const codeOf = (e: unknown): string => (e as { code?: string }).code ?? `untyped: ${String(e)}`;

/** Waits until `ok()` or `ms` pass; returns whether it held. */
async function until(ok: () => boolean, ms: number): Promise<boolean> {
  const end = performance.now() + ms;
  while (!ok() && performance.now() < end) await sleep(50);
  return ok();
}

/** `f()`'s milliseconds and error code; a call pending after `limitMs` reports code `hang` (never a stuck test). */
async function timed<T>(f: () => Promise<T>, limitMs = 20_000): Promise<{ ms: number; value?: T; error?: string }> {
  const t0 = performance.now();
  const hang = sleep(limitMs).then(() => Promise.reject(Object.assign(new Error('pending'), { code: 'hang' })));
  hang.catch(() => undefined);
  try {
    const value = await Promise.race([f(), hang]);
    return { ms: Math.round(performance.now() - t0), value };
  } catch (e) {
    return { ms: Math.round(performance.now() - t0), error: codeOf(e) };
  }
}

const warningOf = (w: SessionWarning) => ({
  code: w.code,
  secondsLost: w.secondsLost ?? null,
  modality: w.modality ?? null,
});

exposeRun(async (a: Args) => {
  const registry: GuardedWorkerInfo[] = [];
  (globalThis as { [WORKER_DEBUG]?: unknown })[WORKER_DEBUG] = registry;
  const vision = (): GuardedWorkerInfo[] => registry.filter((w) => w.kind === 'vision');
  const out: Record<string, unknown> = {};
  const hn = await HireNet.create({
    assetsBaseUrl: '/unused/',
    ...a.assets,
    visionWasm: viteVisionWasm,
    audioWorkletUrl: viteAudioWorklet.workletUrl,
    backend: 'wasm',
    persist: false,
  } as Parameters<typeof HireNet.create>[0]);
  out['modalities'] = hn.modalities;
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  const s = hn.startInterview({ jobTitle: 'Software engineer', questions: ['Tell us about a project you led.'] });
  await s.consent({ noticeVersion: '1.0.0', modalities: hn.modalities });
  s.attach(stream);
  const warnings: string[] = [];
  s.on('warning', (w) => warnings.push(w.code));
  const answerFaces: number[] = [];
  s.on('face', (d) => answerFaces.push(d.present ? 1 : 0));

  const w = hn.watchFace(stream, { fps: 4 });
  const presence: { present: boolean; at: number }[] = [];
  const states: (FaceWatchStateChange & { at: number })[] = [];
  const errors: string[] = [];
  w.on('presence', (p) => presence.push({ present: p.present, at: performance.now() }));
  w.on('state', (c) => states.push({ ...c, at: performance.now() }));
  w.on('error', (e) => errors.push(e.code));
  out['faceBeforeAnswer'] = await until(() => presence.some((p) => p.present), 30_000);
  out['visionWorkersBefore'] = vision().length;
  await window.snapshot?.('before');

  // The watch's worker is busy from here for blockMs: it cannot answer the watch's stop.
  const victim = vision()[0];
  if (victim?.probe['block'] === undefined) throw new Error('no vision worker with a block probe in the registry');
  await victim.probe['block'](a.blockMs);
  const asked = performance.now();
  const since = (t: number | undefined): number | null => (t === undefined ? null : Math.round(t - asked));
  const begin = await timed(() => s.beginAnswer(0));
  out['begin'] = { ms: begin.ms, error: begin.error ?? null };
  out['stateInAnswer'] = w.state;
  const presenceAfterBegin = (): number => presence.filter((p) => p.at > asked + begin.ms + 200).length;
  // The fresh worker appears once the watch's job is given up (deadline 3 s).
  await until(() => vision().length > 1, 15_000);
  out['freshWorkerMs'] = since(vision().length > 1 ? performance.now() : undefined);
  await until(() => answerFaces.length > 0, 20_000);
  out['firstAnswerFrameMs'] = since(answerFaces.length > 0 ? performance.now() : undefined);
  await sleep(a.answerSeconds * 1000);
  out['presenceDuringAnswer'] = presenceAfterBegin();
  out['answerFaces'] = answerFaces.reduce((n, x) => n + x, 0);
  out['stateBeforeEnd'] = w.state;
  await window.snapshot?.('in-answer');
  const end = await timed(() => s.endAnswer());
  const rec = end.value ?? null;
  out['end'] = {
    ms: end.ms,
    error: end.error ?? null,
    audioRows: rec?.audio?.rows.length ?? null,
    videoRows: rec?.video?.rows.length ?? null,
    warnings: (rec?.warnings ?? []).map(warningOf),
  };
  out['sessionWarnings'] = warnings;
  const scored = await timed(() => s.result(), 60_000);
  out['result'] =
    scored.value === undefined
      ? { error: scored.error ?? null }
      : {
          score: scored.value.score,
          scores: scored.value.scores,
          answerAttention: scored.value.answerAttention[0] ?? [],
        };

  // After the answer the watch resumes by itself, on the fresh worker.
  const ended = performance.now();
  out['faceAfterAnswer'] = await until(() => presence.some((p) => p.present && p.at > ended), 30_000);
  out['stateAfterAnswer'] = w.state;
  out['visionWorkersAfter'] = vision().length;
  await window.snapshot?.('after-answer');
  const stopped = await timed(() => w.stop());
  out['stop'] = { ms: stopped.ms, error: stopped.error ?? null, state: w.state };
  out['states'] = states.map((c) => ({ state: c.state, reason: c.reason }));
  out['errors'] = errors;
  const closed = await timed(() => hn.close());
  out['close'] = { ms: closed.ms, error: closed.error ?? null };
  for (const t of stream.getTracks()) t.stop();
  await sleep(500);
  await window.snapshot?.('closed');
  return out;
});
