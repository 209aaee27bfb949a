/**
 * Plain-data types of the interview session: what is stored in IndexedDB, exported, and handed
 * to the host page. Nothing here can hold media; rows are pooled window descriptors.
 */
import type { LexicalMetric } from '../text/lexical-feedback.ts';
import type { AnswerText } from './text-channel.ts';
import type { LogModality } from './event-log-types.ts';
import type { PostureAnswerStats } from '../video/posture-stats.ts';

export type SessionModality = LogModality;
/** The channels measured in 0.25 s windows (text is measured in words). */
export type DescriptorSessionModality = Exclude<SessionModality, 'text'>;

/** Kept (unmasked) windows of one modality in one answer, raw (not standardised). */
export interface ModalityRows {
  /** Window column names, the model's `standardizer.names`. */
  readonly names: readonly string[];
  /** One row per kept window, in `names` order. */
  readonly rows: readonly (readonly number[])[];
  /** For each kept row, its window number in the answer's 0.25 s grid (masked windows are absent). */
  readonly windowIndex: readonly number[];
  /** Windows in the answer's grid, kept or not. */
  readonly totalWindows: number;
}

/**
 * Posture columns of one answer's video windows (video/posture-windows.ts), on the same 0.25 s
 * grid as the other rows. Windows without any pose frame are absent; a cell is null where the
 * window's frames did not allow the measure (nobody in frame, no wrist seen twice in a row).
 */
export interface PostureRows {
  readonly names: readonly string[];
  readonly rows: readonly (readonly (number | null)[])[];
  readonly windowIndex: readonly number[];
  readonly totalWindows: number;
}

/** Per-answer numbers behind the descriptive feedback (audio summary of the answer). */
export interface AudioAnswerStats {
  readonly durationSeconds: number;
  /** Syllable nuclei per second of recording. */
  readonly speechRate: number;
  readonly pauseCount: number;
  readonly meanPauseSeconds: number;
  readonly longestPauseSeconds: number;
  /** Standard deviation of F0 over voiced frames, semitones. */
  readonly pitchVariabilitySemitones: number;
  /** Mean loudness (Zwicker sone-like scale of the audio schema) over windows. */
  readonly meanLoudness: number;
  readonly voicedFraction: number;
  /** Mean of the per-window speech fraction. */
  readonly speechFraction: number;
}

export interface VideoAnswerStats {
  readonly seconds: number;
  readonly frames: number;
  readonly faceFrames: number;
  /** Face frames whose gaze points away from the camera (|gazeX| or |gazeY| above a threshold), over face frames. */
  readonly gazeAwayFraction: number;
  /** Blinks (AU45 onsets) per minute of analysed video. */
  readonly blinksPerMinute: number;
  /** Face frames with AU12 (lip-corner puller) present, over face frames. */
  readonly smileFraction: number;
  /**
   * Mean luma (Rec. 601, 0–255) of the analysed frames, measured by the vision worker on each
   * frame it sees; absent when no frame carried a measurement (records from older versions).
   */
  readonly meanLuma?: number;
}

export type SessionWarningCode =
  | 'no-face'
  | 'low-face-coverage'
  | 'low-light'
  | 'silence'
  | 'track-ended'
  | 'worker-crashed'
  | 'answer-empty'
  | 'no-camera'
  | 'no-microphone'
  | 'face-model-missing'
  /** The host's pose model (options `pose`) could not be loaded: video windows carry no posture columns. */
  | 'pose-model-missing'
  | 'backend-fallback'
  | 'windows-dropped'
  | 'storage-failed'
  | 'take-kept'
  /** The vision worker could not load or start (not the face model): the face channel is off. */
  | 'vision-worker-failed'
  /** The audio worker died or stopped answering during an answer; windows received before are kept. */
  | 'audio-worker-crashed'
  /** The microphone track ended during an answer; what followed is not speech or pauses. */
  | 'microphone-ended'
  /** A channel delivered nothing for a stretch (a blocked worker, a late start). */
  | 'analysis-gap'
  /** The transcriber failed or gave nothing usable for an answer; the answer is kept without words. */
  | 'transcript-failed'
  /**
   * The text model kept its length start (metadata `training.bestEpoch` 0), so its word and question
   * attention were not trained: its score counts, key words are empty and text places no key moment.
   */
  | 'text-attention-untrained';

export interface SessionWarning {
  readonly code: SessionWarningCode;
  /** 0-based answer index, when the warning concerns one answer. */
  readonly answer?: number;
  readonly message: string;
  /** Seconds of the answer the channel did not analyse (gaps, ended tracks, dead workers). */
  readonly secondsLost?: number;
  /** The channel a gap or worker warning concerns. */
  readonly modality?: SessionModality;
}

/** Everything derived from one recorded answer. `null` modality = missing for this answer. */
export interface AnswerRecord {
  readonly index: number;
  readonly durationSeconds: number;
  readonly audio: ModalityRows | null;
  readonly video: ModalityRows | null;
  readonly audioStats: AudioAnswerStats | null;
  readonly videoStats: VideoAnswerStats | null;
  /** With a pose model (options `pose`): posture per window and for the answer; absent or null otherwise. */
  readonly posture?: PostureRows | null;
  readonly postureStats?: PostureAnswerStats | null;
  readonly warnings: readonly SessionWarning[];
}

export interface ConsentRecord {
  readonly noticeVersion: string;
  readonly modalities: readonly SessionModality[];
  readonly noticeLocale?: string;
  /** ISO 8601 UTC, to the second. */
  readonly at: string;
}

export type CueCode =
  | 'pause'
  | 'filled pause'
  | 'pitch flat'
  | 'pitch varied'
  | 'louder'
  | 'quieter'
  | 'eyes closed longer'
  | 'lips pressed'
  | 'lips stretched'
  | 'jaw still'
  | 'smile'
  | 'brows raised'
  | 'brows lowered'
  | 'gaze away'
  | 'head turned'
  | 'head still'
  /** Posture cues, with a pose model. */
  | 'hand near face'
  | 'shoulders tilted'
  | 'leaning toward camera'
  | 'leaning away'
  | 'hands moving'
  | 'out of frame';

/** An observable difference between a key moment and the rest of its answer. */
export interface Cue {
  readonly code: CueCode;
  readonly modality: SessionModality;
  /** Window column compared. */
  readonly feature: string;
  /** Mean of the column inside the moment, and over the rest of the answer. */
  readonly moment: number;
  readonly rest: number;
  /** (moment − rest) ÷ spread of the rest: how far it stands out. */
  readonly effect: number;
}

export interface KeyMoment {
  readonly answer: number;
  readonly startSeconds: number;
  readonly endSeconds: number;
  /** Share of the interview's attention in this moment: question attention × answer attention summed over it. */
  readonly weight: number;
  readonly cues: readonly Cue[];
  /** What was being said in the moment, when the answer's transcript has word times (at most 40 words). */
  readonly said?: string;
}

export interface FeedbackItem {
  readonly metric:
    | 'speaking rate'
    | 'pauses'
    | 'longest pause'
    | 'pitch variability'
    | 'loudness'
    | 'gaze away'
    | 'blink rate'
    | 'smile time'
    /** With a pose model (session options `pose`). */
    | 'out of frame'
    | 'hand near face'
    | 'shoulders tilted'
    | 'leaning'
    | 'hand movement'
    | LexicalMetric;
  readonly value: number;
  readonly unit: string;
  /** Descriptive sentence, no judgement of the person. */
  readonly text: string;
}

export interface AnswerFeedback {
  readonly answer: number;
  readonly items: readonly FeedbackItem[];
}

export interface AnswerWindows {
  readonly windows: number;
  readonly scored: { readonly audio?: number; readonly video?: number; readonly text?: number };
}

export interface InterviewResult {
  /** Mean of the modality scores the interview has; null when no answer had a usable modality. */
  readonly score: number | null;
  readonly scores: { readonly audio?: number; readonly video?: number; readonly text?: number };
  readonly questionAttention: number[];
  /** Per answer, per 0.25 s window of the answer (0 on windows the model could not read). */
  readonly answerAttention: number[][];
  /**
   * Per answer: its length in 0.25 s windows and how many of them each modality's model read
   * (windows without a face, without frames or with non-finite values are not read; a
   * `windows-dropped` warning says why). 0 windows = the answer was not recorded.
   */
  readonly answerWindows: readonly AnswerWindows[];
  readonly keyMoments: KeyMoment[];
  readonly feedback: { readonly overall: readonly FeedbackItem[]; readonly answers: readonly AnswerFeedback[] };
  /**
   * Per question, with the text channel on: the answer's transcript, its key words (from the text
   * model's word attention, when one is loaded) and lexical descriptors; null where no transcript.
   */
  readonly transcripts?: readonly (AnswerText | null)[];
  readonly warnings: SessionWarning[];
  readonly modelCard: {
    readonly notice: 'experimental model estimate';
    readonly modelVersion: string;
    readonly modalities: readonly SessionModality[];
    readonly backend: string;
  };
}
