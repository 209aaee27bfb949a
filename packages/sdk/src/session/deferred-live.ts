/**
 * A LiveSession whose real one starts later: an answer's live tap on the HireNet's face analyser
 * starts once the face watches have let go of the worker (face-watch.ts, FaceShare), yet
 * `beginAnswer` needs the session at once. Same contract as the real one meanwhile.
 */
import { liveModeFor, type LiveAnalysis, type LiveOptions, type LiveSession } from '../video/live-tap.ts';

export function deferredLive(
  started: Promise<LiveSession>,
  done: Promise<LiveAnalysis>,
  mode: LiveOptions['mode'],
): LiveSession {
  let real: LiveSession | undefined;
  let abandoned: string | undefined;
  started.then(
    (s) => {
      real = s;
      if (abandoned !== undefined) s.abandon(abandoned);
    },
    () => undefined,
  );
  const predicted = liveModeFor(mode);
  return {
    get mode() {
      return real?.mode ?? predicted;
    },
    get rows() {
      return real?.rows ?? [];
    },
    done,
    stop: () => started.then((s) => s.stop()),
    abandon(reason) {
      if (real === undefined) abandoned = reason;
      else real.abandon(reason);
    },
  };
}
