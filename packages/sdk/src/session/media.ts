import { SessionError } from './errors.ts';
import type { SessionModality } from './types.ts';

/**
 * getUserMedia for the channels in use, with the browser's refusals turned into typed errors
 * (`permission-denied`, `no-media`), so a host can tell "the candidate said no" from "no camera".
 * Optional: a host may pass any MediaStream it already has to `session.attach`.
 */
/**
 * The voice as spoken: echo cancellation, noise suppression and automatic gain control change
 * exactly what prosody measures (loudness and its range, spectral balance). With them on, live
 * rows of a clip sat 0.15–0.44 file SDs above the same clip uploaded (mfcc1_std up to +5 SDs);
 * with them off, 0.03–0.06 (docs/same-media.md). A host that needs them for a call attaches its
 * own stream; the analysis then reads the processed voice.
 */
export const RAW_AUDIO: MediaTrackConstraints = Object.freeze({
  echoCancellation: false,
  noiseSuppression: false,
  autoGainControl: false,
});

export async function requestInterviewMedia(modalities: readonly SessionModality[]): Promise<MediaStream> {
  const md = globalThis.navigator?.mediaDevices;
  if (md?.getUserMedia === undefined)
    throw new SessionError('no-media', 'this browser (or an insecure http page) offers no getUserMedia');
  try {
    return await md.getUserMedia({
      audio: modalities.includes('audio') ? RAW_AUDIO : false,
      video: modalities.includes('video') ? { width: 640, height: 480 } : false,
    });
  } catch (e) {
    const name = (e as DOMException).name;
    if (name === 'NotAllowedError' || name === 'SecurityError')
      throw new SessionError('permission-denied', `camera/microphone access was refused (${name})`, { cause: e });
    throw new SessionError('no-media', `no usable camera/microphone (${name}: ${(e as Error).message})`, { cause: e });
  }
}
