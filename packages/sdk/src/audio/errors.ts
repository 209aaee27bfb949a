/** Why an input could not be analysed. Stable strings: callers switch on them. */
export type AudioErrorCode =
  | 'EMPTY_INPUT'
  | 'NOT_AUDIO'
  | 'UNSUPPORTED_FORMAT'
  | 'TRUNCATED'
  | 'DECODER_MISSING'
  | 'DECODER_FAILED'
  | 'INVALID_OPTIONS';

export class AudioInputError extends Error {
  readonly code: AudioErrorCode;

  constructor(code: AudioErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AudioInputError';
    this.code = code;
  }
}
