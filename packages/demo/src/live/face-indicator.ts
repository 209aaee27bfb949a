/**
 * "Face in view" for the preview. The session does not expose its per-frame face flag while
 * an answer runs, so this runs the SDK's public face analyser (createFaceAnalyzer, same
 * self-hosted MediaPipe files and model) on a clone of the camera track at 2 frames per
 * second: enough for a live hint, cheap next to the 15 fps analysis of an answer.
 */
import { createFaceAnalyzer, type FaceAnalyzer, type HireNet, type LiveSession } from '@hirenet/sdk';
import { h } from '../dom.ts';

export interface FaceIndicator {
  readonly el: HTMLElement;
  close(): void;
}

const FPS = 2;
/** A face missing for this long is reported; single missed frames are not worth a flicker. */
const MISS_SECONDS = 1.5;

export function faceIndicator(hn: HireNet, stream: MediaStream): FaceIndicator {
  const dot = h('span', { class: 'dot', 'aria-hidden': 'true' });
  const label = h('span', { class: 'live-value' }, 'checking…');
  const el = h('div', { class: 'live-indicator face', 'data-testid': 'face', 'data-face': 'checking', role: 'status' }, dot, h('span', { class: 'live-name' }, 'Face'), label);
  const set = (state: 'yes' | 'no' | 'unknown' | 'off', text: string): void => {
    // A live region re-announces on every text write: only write on a change of state.
    if (el.dataset['face'] === state) return;
    el.dataset['face'] = state;
    label.textContent = text;
  };
  const video = stream.getVideoTracks()[0];
  if (!hn.modalities.includes('video') || hn.options.faceModelUrl === null) {
    set('off', 'not analysed (audio-only)');
    return { el, close: () => undefined };
  }
  if (video === undefined) {
    set('off', 'no camera');
    return { el, close: () => undefined };
  }
  const track = video.clone();
  let faces: FaceAnalyzer | undefined;
  let live: LiveSession | undefined;
  let closed = false;
  let lastFace = -Infinity;
  try {
    faces = createFaceAnalyzer({ ...hn.options.visionWasm, modelUrl: hn.options.faceModelUrl, fps: FPS, fileWorkers: 1 });
    live = faces.startLive(track, {
      fps: FPS,
      onRows: (rows) => {
        for (const r of rows) {
          if (r.face === 1) lastFace = r.time;
          const seen = r.time - lastFace < MISS_SECONDS;
          if (seen) set('yes', 'in view');
          else set('no', 'not found — face the camera, with light in front of you');
        }
      },
    });
    live.done.catch(() => (closed ? undefined : set('unknown', 'check unavailable')));
  } catch {
    set('unknown', 'check unavailable');
  }
  return {
    el,
    close() {
      if (closed) return;
      closed = true;
      void live?.stop().catch(() => undefined);
      track.stop();
      faces?.close();
    },
  };
}
