/**
 * Where the words of an answer come from when the host does not type them: a `Transcriber` that
 * listens while the answer is recorded. The SDK ships one (on-device Web Speech,
 * transcript-recognition.ts); a host can implement this interface with its own on-device model
 * (a Whisper build in a worker, say). A transcriber must not send audio off the device: the
 * session cannot check that for a host's implementation, so that duty is the host's.
 */
import { HireNetError } from '../util/errors.ts';
import type { TranscriptWord } from './transcript.ts';

export interface Transcriber {
  /** Names it in warnings ("on-device speech recognition", "whisper-tiny in a worker"). */
  readonly label: string;
  /** How the result names the transcript's origin. Default 'transcriber'; the Web Speech one says 'recognition'. */
  readonly source?: 'recognition' | 'transcriber';
  /**
   * Starts listening to the answer being recorded. `track` is the stream's microphone track (null
   * when the stream has none: a transcriber that can only use the track then refuses). Resolves
   * once listening, rejects when it cannot start.
   */
  begin(track: MediaStreamTrack | null): Promise<void>;
  /** Stops and returns the words heard since `begin`: plain text, or words with times in seconds from `begin`. */
  end(): Promise<string | readonly TranscriptWord[]>;
  /** Stops without a result (withdrawal, close); must not throw. */
  abort(): void;
  /** Optional: the words of an uploaded recording (`addAnswerFile`). */
  transcribeFile?(file: Blob): Promise<string | readonly TranscriptWord[]>;
}

/**
 * Codes: `recognition-unavailable` — this browser cannot recognise speech on the device for the
 * language (no Web Speech API, no on-device mode, or the language pack is not installed: the
 * message gives the browser's own answer); `recognition-failed` — recognition started but
 * stopped with an error (the browser's error code is in the message and `reason`).
 */
export type TranscriberErrorCode = 'recognition-unavailable' | 'recognition-failed';

export class TranscriberError extends HireNetError {
  constructor(
    override readonly code: TranscriberErrorCode,
    message: string,
    /** The browser's availability status or error code ('downloadable', 'language-not-supported', …). */
    readonly reason: string,
  ) {
    super(code, message);
  }
}
