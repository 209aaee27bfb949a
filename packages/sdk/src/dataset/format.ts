/**
 * `hirenet-dataset/1`: derived features only (docs/dataset-format.md). There is deliberately no
 * field for raw media: a dataset can be shared for training and audits without exposing faces
 * or voices.
 */
export const DATASET_FORMAT = 'hirenet-dataset/1';

/** Channels whose rows are numeric descriptors per window. */
export type DescriptorModality = 'audio' | 'video';
/** Every channel a model can read; `text` rows are word vectors (packages/sdk/src/text/answer-text.ts). */
export type Modality = DescriptorModality | 'text';

/** One transcribed word; times in seconds from the answer's start, when known. */
export interface TranscriptWord {
  readonly word: string;
  readonly start?: number;
  readonly end?: number;
}

/** What an answer says: a plain transcript, or words with optional times. */
export type AnswerTranscript = string | readonly TranscriptWord[];

export interface DatasetManifest {
  readonly format: typeof DATASET_FORMAT;
  /** Pooling window and hop of the rows in `answers` (the paper: 0.5 s and 0.25 s). */
  readonly windowSeconds: number;
  readonly hopSeconds: number;
  /** Ordered feature names of each modality's rows; a modality may be absent. */
  readonly modalities: Partial<Record<Modality, string[]>>;
  /** Free-form provenance (generator, seed, schema versions…). */
  readonly [extra: string]: unknown;
}

/** Optional demographic fields, used only by `hirenet audit`. */
export interface GroupFields {
  readonly sex?: string;
  readonly race?: string;
}

export interface DatasetAnswer {
  /** One row per window, features in manifest order; null when extraction failed. */
  readonly audio?: number[][] | null;
  readonly video?: number[][] | null;
  /** The transcript (text modality); `words` wins when both are given. */
  readonly text?: string | null;
  readonly words?: TranscriptWord[] | null;
}

/** One line of interviews.jsonl. */
export interface DatasetInterview {
  readonly id: string;
  readonly label: 0 | 1;
  readonly jobTitle: string;
  readonly questions: string[];
  readonly answers: DatasetAnswer[];
  readonly group?: GroupFields;
  /** Extra fields (e.g. SimInterview's planted events) pass through untouched. */
  readonly [extra: string]: unknown;
}
