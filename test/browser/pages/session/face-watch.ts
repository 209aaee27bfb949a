// hn.watchFace (test/browser/session-face-watch.test.ts): typed refusals, presence on the fake camera's
// face, paused while an answer records on the same worker and resumed after, stop() and hn.close().
import { viteAudioWorklet } from '../../../../packages/sdk/src/audio/capture-urls.vite.ts';
import type { FaceWatch, FaceWatchStateChange } from '../../../../packages/sdk/src/session/face-watch.ts';
import { HireNet } from '../../../../packages/sdk/src/session/hirenet.ts';
import { viteVisionWasm } from '../../../../packages/sdk/src/video/mediapipe-urls.vite.ts';
import { exposeRun } from '../../harness/page.ts';

interface Args {
  assets: Record<string, string | null>;
}
const codeOf = (e: unknown): string => (e as { code?: string }).code ?? `untyped: ${String(e)}`;
const refusal = (f: () => unknown): string => {
  try {
    f();
    return 'accepted';
  } catch (e) {
    return codeOf(e);
  }
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits until `ok()` or `ms` pass; returns whether it held. */
async function until(ok: () => boolean, ms: number): Promise<boolean> {
  const end = performance.now() + ms;
  while (!ok() && performance.now() < end) await sleep(100);
  return ok();
}

function record(w: FaceWatch) {
  const presence: { present: boolean; seconds: number; at: number }[] = [];
  const states: FaceWatchStateChange[] = [];
  const errors: string[] = [];
  w.on('presence', (p) => presence.push({ ...p, at: performance.now() }));
  w.on('state', (s) => states.push(s));
  w.on('error', (e) => errors.push(e.code));
  return { presence, states, errors };
}

const create = (a: Args, modalities: ('audio' | 'video')[]) =>
  HireNet.create({
    assetsBaseUrl: '/unused/',
    ...a.assets,
    visionWasm: viteVisionWasm,
    audioWorkletUrl: viteAudioWorklet.workletUrl,
    backend: 'wasm',
    modalities,
  } as Parameters<typeof HireNet.create>[0]);

exposeRun(async (a: Args) => {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  const out: Record<string, unknown> = {};
  const audioOnly = await create(a, ['audio']);
  out['audioOnlyHireNet'] = refusal(() => audioOnly.watchFace(stream));
  await audioOnly.close();

  const hn = await create(a, ['audio', 'video']);
  const ended = stream.getVideoTracks()[0]!.clone();
  ended.stop();
  out['refusals'] = {
    audioTrack: refusal(() => hn.watchFace(stream.getAudioTracks()[0]!)),
    noVideo: refusal(() => hn.watchFace(new MediaStream(stream.getAudioTracks()))),
    endedTrack: refusal(() => hn.watchFace(ended)),
    fpsZero: refusal(() => hn.watchFace(stream, { fps: 0 })),
    fpsNaN: refusal(() => hn.watchFace(stream, { fps: Number.NaN })),
  };

  const w = hn.watchFace(stream, { fps: 4 });
  const seen = record(w);
  out['initialState'] = w.state;
  out['faceBeforeAnswer'] = await until(() => seen.presence.some((p) => p.present), 30_000);

  const s = hn.startInterview({ jobTitle: 'Software engineer', questions: ['Tell us about a project.'] });
  await s.consent({ noticeVersion: '1.0.0', modalities: hn.modalities });
  s.attach(stream);
  const answerFaces: boolean[] = [];
  let firstFace: number | undefined;
  s.on('face', (d) => {
    firstFace ??= performance.now();
    answerFaces.push(d.present);
  });
  const asked = performance.now();
  await s.beginAnswer(0);
  out['stateInAnswer'] = w.state;
  const begun = performance.now();
  // A watch asked for while the answer records starts paused.
  const late = hn.watchFace(stream);
  out['lateState'] = late.state;
  await sleep(3000);
  out['presenceDuringAnswer'] = seen.presence.filter((p) => p.at > begun + 200).length;
  out['answerFaces'] = answerFaces.filter(Boolean).length;
  // beginAnswer → the answer's first analysed frame, the watch's job ended first (same worker).
  out['firstAnswerFaceMs'] = firstFace === undefined ? null : Math.round(firstFace - asked);
  const rec = await s.endAnswer();
  out['answerVideoWindows'] = rec?.video?.rows.length ?? 0;
  const ended2 = performance.now();
  out['faceAfterAnswer'] = await until(() => seen.presence.some((p) => p.present && p.at > ended2), 20_000);
  out['lateAfterAnswer'] = late.state;
  await late.stop();
  out['lateStopped'] = late.state;

  await w.stop();
  out['stoppedState'] = w.state;
  const count = seen.presence.length;
  await sleep(1000);
  out['presenceAfterStop'] = seen.presence.length - count;
  out['states'] = seen.states;
  out['errors'] = seen.errors;

  const open = hn.watchFace(stream, { fps: 2 });
  const openSeen = record(open);
  await hn.close();
  out['closedByHn'] = { state: open.state, states: openSeen.states };
  out['afterClose'] = refusal(() => hn.watchFace(stream));
  out['trackLive'] = stream.getVideoTracks()[0]!.readyState;
  for (const t of stream.getTracks()) t.stop();
  return out;
});
