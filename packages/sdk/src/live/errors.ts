import { HireNetError } from '../util/errors.ts';

/**
 * Why the relay or a room member refused something. Stable strings, sent on the wire by the relay
 * (`{ type: 'error', code }`) and thrown by the validators, so both ends branch on the same codes.
 */
export const LIVE_ERROR_CODES = [
  'bad-token',
  'expired-token',
  'wrong-room',
  'room-full',
  'role-taken',
  'not-allowed',
  'unknown-peer',
  'malformed',
  'unknown-type',
  'not-joined',
  'rate-limited',
  'too-large',
  'bad-cue',
] as const;

export type LiveErrorCode = (typeof LIVE_ERROR_CODES)[number];

export class LiveError extends HireNetError {
  constructor(
    override readonly code: LiveErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

export function isLiveErrorCode(v: unknown): v is LiveErrorCode {
  return typeof v === 'string' && (LIVE_ERROR_CODES as readonly string[]).includes(v);
}
