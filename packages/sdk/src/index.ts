/**
 * @hirenet/sdk — the session API a recording page embeds (docs/session-api.md), and nothing else.
 * Lower-level parts have their own entries: '@hirenet/sdk/features' (audio and face calculators,
 * schemas, windows), '@hirenet/sdk/model' (HireNetModel, model files, backends), '@hirenet/sdk/text'
 * (tokenizer, word vectors), '@hirenet/sdk/live' (live rooms). Every export is listed in docs/api.md.
 */

// Session: create, start an interview, consent, capture or upload answers, score, delete.
export { HireNet } from './session/hirenet.ts';
export { InterviewSession, type ConsentInput } from './session/interview.ts';
export { requestInterviewMedia } from './session/media.ts';
export {
  validateInterviewSpec,
  type HireNetOptions,
  type ResolvedOptions,
  type BackendChoice,
  type LoadProgress,
  type InterviewSpec,
} from './session/options.ts';
export { HOST_TEXT_LIMITS } from './session/host-text.ts';
export type { BackendName } from './backend/backends.ts';

// Events a session dispatches (typed details): progress, warning, face.
export type {
  SessionEventMap,
  SessionEventDetails,
  SessionEventType,
  SessionProgress,
  FacePresence,
} from './session/events.ts';
// Face in view before and between answers, on the instance's own analyser (hn.watchFace).
export type {
  FaceWatch,
  FaceWatchOptions,
  FaceWatchState,
  FaceWatchPresence,
  FaceWatchStateChange,
  FaceWatchEventDetails,
} from './session/face-watch.ts';

// What a session hands back: answers, result, warnings, consent, stored and exported data.
export type {
  InterviewResult,
  KeyMoment,
  Cue,
  CueCode,
  FeedbackItem,
  AnswerFeedback,
  AnswerRecord,
  ModalityRows,
  PostureRows,
  SessionWarning,
  SessionWarningCode,
  ConsentRecord,
  SessionModality,
} from './session/types.ts';
export type { ExportedDataset, ExportOptions } from './session/export.ts';
// Posture with a pose model (options `pose`): its options and the per-answer numbers.
export type { PoseOptions } from './video/pose-options.ts';
export type { PostureAnswerStats } from './video/posture-stats.ts';
export type { StoredSession } from './session/store.ts';

// The words (text channel): transcripts a host supplies, on-device transcribers, what the result says.
export {
  parseTranscript,
  type TranscriptInput,
  type TranscriptFormat,
} from './text/transcript-parse.ts';
export {
  TranscriptError,
  TRANSCRIPT_LIMITS,
  type Transcript,
  type TranscriptWord,
  type TranscriptSource,
} from './text/transcript.ts';
export { createLocalSpeechTranscriber, type LocalSpeechOptions } from './text/transcript-recognition.ts';
export { TranscriberError, type Transcriber, type TranscriberErrorCode } from './text/transcript-source.ts';
export type { AnswerText } from './session/text-channel.ts';
export type { KeyWord } from './text/lexical-keywords.ts';
export type { LexicalStats, Counted } from './text/lexical.ts';
export type { LexicalMetric } from './text/lexical-feedback.ts';

// Consent notice and the accountability log (proof of consent and deletion, codes only).
export {
  NOTICE_TEMPLATE_EN,
  NOTICE_PLACEHOLDERS,
  renderNotice,
  validateNoticeTemplate,
  type NoticeTemplate,
  type NoticeValues,
  type RenderedNotice,
} from './session/notice.ts';
export { parseEventLog } from './session/event-log.ts';
export { EVENT_LOG_FORMAT, type EventLogJson, type LoggedEvent } from './session/event-log-types.ts';

// Errors: every deliberate failure is a HireNetError whose `code` is in ERROR_CODES (docs/errors.md).
export { ERROR_CODES, isHireNetErrorCode, type HireNetErrorCode } from './util/error-codes.ts';
export { HireNetError, AssetError, ModelIntegrityError, type AssetErrorCode } from './util/errors.ts';
export { SessionError, type SessionErrorCode } from './session/errors.ts';
export { NoticeError } from './session/notice.ts';
export { EventLogError } from './session/event-log-validate.ts';
export { AudioInputError, type AudioErrorCode } from './audio/errors.ts';
export { VideoError, type VideoErrorCode } from './video/errors.ts';
export { BackendUnavailableError } from './backend/backends.ts';
export { SDK_VERSION } from './util/version.ts';
