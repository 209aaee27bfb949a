/**
 * The checks every public method of an InterviewSession starts with: the session is open, consent
 * is on record, the answer index exists, the attached stream carries a consented channel. Each
 * throws a typed SessionError before anything changes.
 */
import { SessionError } from './errors.ts';
import type { SessionState } from './state.ts';
import type { ConsentRecord, SessionModality, SessionWarning } from './types.ts';

export function assertOpen(state: SessionState): void {
  if (!state.live) throw new SessionError('invalid-state', `this interview session is ${state.phase}`);
}

export function assertConsent(state: SessionState, consent: ConsentRecord | null, what: string): void {
  assertOpen(state);
  if (consent === null)
    throw new SessionError(
      'consent-required',
      `cannot ${what} before session.consent({ noticeVersion, modalities }) is recorded`,
    );
}

export function assertIndex(index: number, questionCount: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= questionCount)
    throw new SessionError('invalid-options', `answer index must be 0…${questionCount - 1}, got ${index}`);
}

/**
 * attach(): throws `no-media` when the stream has no track of a consented, usable channel, and
 * returns the warnings for a usable channel whose track is missing (that channel is then skipped).
 */
export function streamWarnings(
  stream: MediaStream,
  uses: (m: SessionModality) => boolean,
  consented: readonly SessionModality[],
): SessionWarning[] {
  if (!(stream instanceof MediaStream)) throw new SessionError('invalid-options', 'attach() needs a MediaStream');
  const hasAudio = uses('audio') && stream.getAudioTracks().length > 0;
  const hasVideo = uses('video') && stream.getVideoTracks().length > 0;
  if (!hasAudio && !hasVideo)
    throw new SessionError('no-media', `the stream has no track of a consented channel (${consented.join(', ')})`);
  const warnings: SessionWarning[] = [];
  if (uses('video') && !hasVideo)
    warnings.push({ code: 'no-camera', message: 'the stream has no video track: answers are scored from audio only' });
  if (uses('audio') && !hasAudio)
    warnings.push({
      code: 'no-microphone',
      message: 'the stream has no audio track: answers are scored from video only',
    });
  return warnings;
}
