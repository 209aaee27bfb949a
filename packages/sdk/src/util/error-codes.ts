/**
 * The one catalogue of HireNetError codes, for the SDK, @hirenet/research, @hirenet/cli and
 * @hirenet/relay. A code is a stable string hosts branch on; its meaning is the line beside it.
 * docs/errors.md says where each arises and what a host should do.
 *
 * Naming: kebab-case, one flat namespace, never prefixed by the module that throws it (the same
 * failure has the same code wherever it happens: `invalid-options` is refused options in the session,
 * the audio capture and the relay alike). The words `audio-` / `video-` lead a code only when the
 * failure belongs to one channel's own part (its worker, model, decoder or track); the video codes
 * also name event-log entries (hirenet-event-log/1), so they keep their names.
 */
export const ERROR_CODES = {
  // Input and options: the caller passed something wrong.
  'invalid-input': 'a value handed to a function has the wrong shape, range or non-finite numbers',
  'invalid-options': 'an options object or argument is wrong (session, capture, face analyser, relay)',
  'invalid-config': 'a model configuration (sizes, variant) or a SimInterview configuration is wrong',
  'invalid-event': 'the event log refused an event (unknown type or field, bad version or locale)',
  'invalid-transcript': 'a transcript that is malformed, out of order, over a limit or not text',
  'invalid-notice': 'a consent-notice template lacks its version, a section or has an unknown placeholder',
  usage: 'a command-line flag or argument is malformed (the CLI exits with code 2)',
  disposed: 'an object was used after dispose()/close()',
  // Assets, models and backends.
  'asset-missing': 'a self-hosted file could not be fetched (HTTP error, network failure, not in the manifest)',
  'asset-invalid': 'a self-hosted file is malformed (truncated JSON, an HTML page where a file was expected)',
  'asset-integrity': "a file's bytes differ from the manifest, or the manifest differs from the host's pin",
  'model-integrity': 'a model file is malformed, incomplete or fails its recorded checksums',
  'model-metadata': 'a model lacks the feature metadata training records (not trained by `hirenet train`)',
  'feature-mismatch': 'the features the SDK produces differ from the ones the model reads',
  'schema-mismatch': 'feature rows follow another schema version than this SDK',
  'vocab-mismatch': 'the word vectors differ from the ones the model was trained with',
  'backend-unavailable': 'a tfjs backend cannot be imported or initialised here (no WebGPU, no WebGL2, …)',
  'worker-timeout': 'a worker did not answer a call within its deadline while it was still alive',
  // The interview session.
  'consent-required': 'capture or analysis was asked for before session.consent(…)',
  'invalid-state': 'a call that does not fit the session state (no answer running, already closed, busy)',
  'permission-denied': 'the user or the browser refused camera/microphone access',
  'no-media': 'the stream or file has no track of any consented channel',
  'unreadable-file': "an uploaded recording cannot be decoded (cause: the extractor's error)",
  'no-answers': 'result() with no recorded answer that any model can read',
  storage: 'IndexedDB failed (quota, private mode, a deletion blocked by another tab)',
  cancelled: 'withdrawConsent(), close() or delete() interrupted the call; nothing of it was kept',
  // Audio channel.
  'empty-input': 'an audio buffer or file with no samples',
  'not-audio': 'the bytes are not an audio (or audio-bearing) file',
  'unsupported-format': 'an audio encoding this SDK does not read (e.g. a WAV sample format)',
  truncated: 'the audio file ends before its header says it should',
  'decoder-missing': 'no audio decoder is available in this context (no WebCodecs / AudioContext)',
  'decoder-failed': "the browser's decoder rejected the audio",
  'audio-worker-failed': 'the audio worker could not load or died before answering; the message names its URL',
  // Video channel.
  'video-decode': 'the file is not a decodable video (corrupt, unsupported container or codec)',
  'video-model': 'the face model or the MediaPipe wasm could not be loaded or failed its sha256',
  'video-track-ended': 'the camera track ended before analysis was stopped (frames so far are kept)',
  'video-worker': 'the vision worker could not load, or died and could not be restarted',
  // Text channel (on-device speech recognition).
  'recognition-unavailable': 'this browser cannot recognise speech on the device for the language',
  'recognition-failed': 'speech recognition started but stopped with an error (the browser code is in `reason`)',
  // Live rooms (also sent on the wire by the relay as `{ type: 'error', code }`).
  'bad-token': 'the join token is not valid for this relay',
  'expired-token': 'the join token has expired',
  'wrong-room': 'the join token is for another room',
  'room-full': 'the room already has its maximum of candidates',
  'role-taken': 'the room already has an interviewer',
  'not-allowed': 'this role may not send that message',
  'unknown-peer': 'a message names a member not in the room',
  malformed: 'a frame, URL or message that does not parse or fails its schema',
  'unknown-type': 'a message type the relay does not know',
  'not-joined': 'a message sent before joining a room',
  'rate-limited': 'too many messages; the relay dropped some',
  'too-large': 'a frame over the size limit',
  'bad-cue': 'a cue message fails its schema (never shown)',
  // Research and command line (Node).
  'invalid-dataset': 'a dataset that does not follow hirenet-dataset/1',
  'invalid-scores': 'a scores file that is not `hirenet predict` output',
  'audit-id-mismatch': 'the scores file and the dataset disagree on who was scored',
  'line-too-long': 'a line of a JSONL file is over the 64 MiB bound',
  'file-exists': 'an output path already exists (pass --force to overwrite)',
  'chromium-missing': 'no Chromium to run the browser SDK in (`hirenet analyze`, `features video`)',
  'chromium-failed': 'the headless Chromium run failed',
  'report-not-self-contained': 'the written HTML report would load something from outside the file',
} as const;

export type HireNetErrorCode = keyof typeof ERROR_CODES;

export function isHireNetErrorCode(v: unknown): v is HireNetErrorCode {
  return typeof v === 'string' && Object.hasOwn(ERROR_CODES, v);
}

/** `v` when it is a catalogued code (e.g. read back from a worker or a page), else `fallback`. */
export function errorCodeOr(v: unknown, fallback: HireNetErrorCode): HireNetErrorCode {
  return isHireNetErrorCode(v) ? v : fallback;
}
