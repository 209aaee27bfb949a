import type { HireNetErrorCode } from '../util/error-codes.ts';
import { HireNetError } from '../util/errors.ts';

/** Why an input could not be analysed. Stable strings from the catalogue (docs/errors.md): callers switch on them. */
export const AUDIO_ERROR_CODES = [
  'empty-input',
  'not-audio',
  'unsupported-format',
  'truncated',
  'decoder-missing',
  'decoder-failed',
  'invalid-options',
  // The analysis worker could not load (bad URL, failed import, CSP) or died; the message names its URL.
  'audio-worker-failed',
] as const satisfies readonly HireNetErrorCode[];

export type AudioErrorCode = (typeof AUDIO_ERROR_CODES)[number];

/** Audio that cannot be analysed (or analysis options that cannot work), with a stable `code`. */
export class AudioInputError extends HireNetError {
  declare readonly code: AudioErrorCode;

  constructor(code: AudioErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

export function isAudioErrorCode(v: unknown): v is AudioErrorCode {
  return typeof v === 'string' && (AUDIO_ERROR_CODES as readonly string[]).includes(v);
}
