import { HireNetError } from '../util/errors.ts';

/** Why an input could not be analysed. Stable strings: callers switch on them. */
export type AudioErrorCode =
  | 'empty-input'
  | 'not-audio'
  | 'unsupported-format'
  | 'truncated'
  | 'decoder-missing'
  | 'decoder-failed'
  | 'invalid-options'
  /** The analysis worker could not load (bad URL, failed import, CSP) or died; the message names its URL. */
  | 'audio-worker-failed';

/** Audio that cannot be analysed (or analysis options that cannot work), with a stable `code`. */
export class AudioInputError extends HireNetError {
  declare readonly code: AudioErrorCode;

  constructor(code: AudioErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
