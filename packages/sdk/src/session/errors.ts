import { HireNetError } from '../util/errors.ts';

/**
 * Typed failures of the session API; hosts branch on `code`:
 * - `consent-required`: capture or analysis asked for before `session.consent(…)`;
 * - `invalid-state`: e.g. `endAnswer()` with no answer running, or use after `close()`;
 * - `invalid-options`: a `HireNet.create` / `startInterview` / `consent` argument is wrong;
 * - `permission-denied`: the user or the browser refused camera/microphone access;
 * - `no-media`: the stream (or an uploaded file) has no track of any consented modality;
 * - `unreadable-file`: an uploaded recording is corrupt, not a media file, or in a codec this
 *   browser cannot decode (`cause` holds the extractor's AudioInputError / VideoError);
 * - `no-answers`: `result()` with no recorded answer that any model can read;
 * - `storage`: IndexedDB failed (private mode quotas, blocked deletion);
 * - `audio-worker-failed`: the audio analysis worker could not load or died before answering
 *   (bad `audioWorkerUrl`, a failed import, a CSP without `worker-src`); the message names its URL;
 * - `cancelled`: withdrawConsent(), close() or delete() interrupted this call; nothing of it was
 *   kept (no capture left running, nothing stored).
 */
export type SessionErrorCode =
  | 'consent-required'
  | 'invalid-state'
  | 'invalid-options'
  | 'permission-denied'
  | 'no-media'
  | 'unreadable-file'
  | 'no-answers'
  | 'storage'
  | 'audio-worker-failed'
  | 'cancelled';

export class SessionError extends HireNetError {
  constructor(
    override readonly code: SessionErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}
