import * as Comlink from 'comlink';
import { AudioInputError, isAudioErrorCode } from '../audio/errors.ts';
import { isHireNetErrorCode } from '../util/error-codes.ts';
import { HireNetError } from '../util/errors.ts';
import { VideoError, type VideoErrorCode } from './errors.ts';

interface WireError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly stack?: string;
}

/**
 * Comlink sends a thrown Error across as name/message/stack only, which loses the stable `code`
 * hosts branch on. Registering this handler in both the page and a worker (vision and audio) keeps
 * every HireNetError typed end to end: `video-*` codes come back as VideoError, audio codes as
 * AudioInputError, any other catalogued code as HireNetError (name and stack kept). Idempotent.
 */
export function installErrorTransfer(): void {
  const base = Comlink.transferHandlers.get('throw');
  if (!base || (base as { hirenet?: true }).hirenet) return;
  const handler = {
    hirenet: true as const,
    canHandle: base.canHandle,
    serialize(thrown: { value: unknown }): [unknown, Transferable[]] {
      const v = thrown.value;
      if (v instanceof Error) {
        const wire: WireError = {
          name: v.name,
          message: v.message,
          code: v instanceof HireNetError ? v.code : undefined,
          stack: v.stack,
        };
        return [{ isError: true, value: wire }, []];
      }
      return [{ isError: false, value: v }, []];
    },
    deserialize(s: unknown): never {
      const { isError, value } = s as { isError: boolean; value: WireError };
      if (!isError) throw value;
      const e = revive(value);
      e.name = value.name;
      if (value.stack) e.stack = value.stack;
      throw e;
    },
  };
  Comlink.transferHandlers.set('throw', handler as unknown as Comlink.TransferHandler<unknown, unknown>);
}

function revive(value: WireError): Error {
  const { code, message } = value;
  if (code?.startsWith('video-') && isHireNetErrorCode(code)) return new VideoError(code as VideoErrorCode, message);
  if (isAudioErrorCode(code)) return new AudioInputError(code, message);
  if (isHireNetErrorCode(code)) return new HireNetError(code, message);
  return new Error(message);
}
