import { SessionError } from './errors.ts';
import type { SessionModality } from './types.ts';

/**
 * getUserMedia for the channels in use, with the browser's refusals turned into typed errors
 * (`permission-denied`, `no-media`), so a host can tell "the candidate said no" from "no camera".
 * Optional: a host may pass any MediaStream it already has to `session.attach`.
 */
export async function requestInterviewMedia(modalities: readonly SessionModality[]): Promise<MediaStream> {
  const md = globalThis.navigator?.mediaDevices;
  if (md?.getUserMedia === undefined) throw new SessionError('no-media', 'this browser (or an insecure http page) offers no getUserMedia');
  try {
    return await md.getUserMedia({ audio: modalities.includes('audio'), video: modalities.includes('video') ? { width: 640, height: 480 } : false });
  } catch (e) {
    const name = (e as DOMException).name;
    if (name === 'NotAllowedError' || name === 'SecurityError') throw new SessionError('permission-denied', `camera/microphone access was refused (${name})`, { cause: e });
    throw new SessionError('no-media', `no usable camera/microphone (${name}: ${(e as Error).message})`, { cause: e });
  }
}
