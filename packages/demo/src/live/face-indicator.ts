/**
 * "Face in view". Before and between answers nothing else analyses the camera, so this runs the
 * SDK's public face analyser (createFaceAnalyzer, same self-hosted MediaPipe files and model)
 * on a clone of the camera track at 2 frames per second. While an answer records, the session
 * already analyses every frame at 15 fps: follow() stops the preview's own analysis and shows
 * the session's `face` events instead, so one face analyser runs at a time.
 */
import type { HireNet, InterviewSession } from '@hirenet/sdk';
import { createFaceAnalyzer, type FaceAnalyzer, type LiveSession } from '@hirenet/sdk/features';
import { h } from '../dom.ts';

export interface FaceIndicator {
  readonly el: HTMLElement;
  /**
   * While an answer records: show the session's `face` events; the returned function resumes the preview's own check.
   */
  follow(session: InterviewSession): () => void;
  close(): void;
}

const FPS = 2;
/** A face missing for this long is reported; single missed frames are not worth a flicker. */
const MISS_SECONDS = 1.5;

export function faceIndicator(hn: HireNet, stream: MediaStream): FaceIndicator {
  const dot = h('span', { class: 'dot', 'aria-hidden': 'true' });
  const label = h('span', { class: 'live-value' }, 'checking…');
  const el = h(
    'div',
    { class: 'live-indicator face', 'data-testid': 'face', 'data-face': 'checking', role: 'status' },
    dot,
    h('span', { class: 'live-name' }, 'Face'),
    label,
  );
  const set = (state: 'yes' | 'no' | 'unknown' | 'off', text: string): void => {
    // A live region re-announces on every text write: only write on a change of state.
    if (el.dataset['face'] === state) return;
    el.dataset['face'] = state;
    label.textContent = text;
  };
  const video = stream.getVideoTracks()[0];
  if (!hn.modalities.includes('video') || hn.options.faceModelUrl === null) {
    set('off', 'not analysed (audio-only)');
    return { el, follow: () => () => undefined, close: () => undefined };
  }
  if (video === undefined) {
    set('off', 'no camera');
    return { el, follow: () => () => undefined, close: () => undefined };
  }
  const track = video.clone();
  let faces: FaceAnalyzer | undefined;
  let live: LiveSession | undefined;
  let closed = false;
  let lastFace = -Infinity;
  // Times are seconds since the current analysis started (the preview's, or the answer's).
  const observe = (face: boolean, time: number): void => {
    if (face) lastFace = time;
    if (time - lastFace < MISS_SECONDS) set('yes', 'in view');
    else set('no', 'not found — face the camera, with light in front of you');
  };
  const startOwn = (): void => {
    if (faces === undefined || closed) return;
    live = faces.startLive(track, { fps: FPS, onRows: (rows) => rows.forEach((r) => observe(r.face === 1, r.time)) });
    live.done.catch(() => (closed ? undefined : set('unknown', 'check unavailable')));
  };
  const stopOwn = (): void => {
    void live?.stop().catch(() => undefined);
    live = undefined;
  };
  el.dataset['source'] = 'preview';
  try {
    faces = createFaceAnalyzer({
      ...hn.options.visionWasm,
      modelUrl: hn.options.faceModelUrl,
      fps: FPS,
      fileWorkers: 1,
    });
    startOwn();
  } catch {
    set('unknown', 'check unavailable');
  }
  return {
    el,
    follow(session) {
      stopOwn();
      el.dataset['source'] = 'answer';
      // A new time base: keep the state shown until the answer's frames say otherwise.
      lastFace = 0;
      const offFace = session.on('face', (d) => observe(d.present, d.seconds));
      return () => {
        offFace();
        el.dataset['source'] = 'preview';
        lastFace = 0;
        startOwn();
      };
    },
    close() {
      if (closed) return;
      closed = true;
      stopOwn();
      track.stop();
      faces?.close();
    },
  };
}
