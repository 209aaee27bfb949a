/**
 * "Face in view". Before and between answers it watches the camera through the HireNet's own face
 * analyser (`hn.watchFace`, 2 frames per second): the same vision worker, MediaPipe module and face
 * model the answers use, so the page fetches and compiles each once. While an answer records, the SDK
 * pauses the watch (the answer's analysis has the worker, at 15 fps) and follow() shows the session's
 * own `face` events instead; the watch resumes by itself when the answer ends.
 */
import type { FaceWatch, HireNet, InterviewSession } from '@hirenet/sdk';
import { h } from '../dom.ts';

export interface FaceIndicator {
  readonly el: HTMLElement;
  /** While an answer records: show the session's `face` events; the returned function goes back to the watch. */
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
  let watch: FaceWatch | undefined;
  let following = false;
  let rebase = false;
  let lastFace = -Infinity;
  // Times are seconds since the current source started (the watch's, or the answer's).
  const observe = (face: boolean, time: number): void => {
    if (face) lastFace = time;
    if (time - lastFace < MISS_SECONDS) set('yes', 'in view');
    else set('no', 'not found — face the camera, with light in front of you');
  };
  el.dataset['source'] = 'preview';
  try {
    const w = hn.watchFace(video, { fps: FPS });
    watch = w;
    w.on('presence', (p) => {
      if (following) return;
      // Back from an answer: the watch's clock went on meanwhile; keep the state shown for now.
      if (rebase) lastFace = p.seconds;
      rebase = false;
      observe(p.present, p.seconds);
    });
    w.on('state', (s) => {
      if (s.state === 'stopped' && s.reason !== 'stopped') set('unknown', 'check unavailable');
    });
  } catch {
    set('unknown', 'check unavailable');
  }
  return {
    el,
    follow(session) {
      following = true;
      el.dataset['source'] = 'answer';
      // A new time base: keep the state shown until the answer's frames say otherwise.
      lastFace = 0;
      const offFace = session.on('face', (d) => observe(d.present, d.seconds));
      return () => {
        offFace();
        following = false;
        el.dataset['source'] = 'preview';
        rebase = true;
      };
    },
    close() {
      void watch?.stop();
      watch = undefined;
    },
  };
}
