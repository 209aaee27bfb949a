import { HireNetError } from '../util/errors.ts';

/**
 * Typed failures of the video channel. Codes are stable strings so hosts branch on `err.code`:
 * - `video-decode`: the file is not a decodable video (corrupt, unsupported container or codec);
 * - `video-model`: the face model or the MediaPipe wasm could not be loaded or failed its sha256;
 * - `video-track-ended`: the camera track ended before the host stopped analysis (frames so far
 *   are kept and returned with the error);
 * - `video-worker`: the vision worker died and could not be restarted.
 */
export type VideoErrorCode = 'video-decode' | 'video-model' | 'video-track-ended' | 'video-worker';

export class VideoError extends HireNetError {
  constructor(
    override readonly code: VideoErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

export function isVideoError(e: unknown): e is VideoError {
  return e instanceof HireNetError && typeof e.code === 'string' && e.code.startsWith('video-');
}
