/**
 * Session warnings and file failures → event-log codes. The log holds codes only (no message,
 * no file name), so it can be kept as a record without becoming personal content.
 */
import { SessionError } from './errors.ts';
import { WARNING_CODES, type WarningCode } from './event-log-types.ts';
import type { SessionWarningCode } from './types.ts';

export const LOG_CODE: Record<SessionWarningCode, WarningCode> = {
  'no-face': 'no-face',
  'low-face-coverage': 'low-face-coverage',
  'low-light': 'low-light',
  silence: 'no-speech',
  'track-ended': 'video-track-ended',
  'worker-crashed': 'video-worker',
  'answer-empty': 'answer-missing',
  'no-camera': 'other',
  'no-microphone': 'other',
  'face-model-missing': 'video-model',
  'pose-model-missing': 'video-model',
  'backend-fallback': 'backend-fallback',
  'windows-dropped': 'windows-dropped',
  'storage-failed': 'storage-failed',
  'take-kept': 'answer-missing',
  'vision-worker-failed': 'video-worker',
  'audio-worker-crashed': 'other',
  'microphone-ended': 'other',
  'analysis-gap': 'other',
  'transcript-failed': 'other',
  'text-attention-untrained': 'other',
};

/**
 * The code to log when an uploaded file could not be used: the extractor's own code
 * (`video-decode`, `not-audio`, `unsupported-format`…) when it is one the log knows.
 */
export function fileErrorLogCode(e: unknown): WarningCode | undefined {
  if (!(e instanceof SessionError) || (e.code !== 'unreadable-file' && e.code !== 'no-media')) return undefined;
  const cause = (e.cause as { code?: unknown } | undefined)?.code;
  return typeof cause === 'string' && (WARNING_CODES as readonly string[]).includes(cause)
    ? (cause as WarningCode)
    : 'other';
}
