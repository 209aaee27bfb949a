/**
 * A session as `hirenet-dataset/1` (docs/dataset-format.md): the manifest plus one
 * interviews.jsonl line, derived window features only. There is no field a frame or a sample
 * could go into, so a pilot can pool these files, add labels and train without media.
 */
import { HireNetError } from '../util/errors.ts';
import { DATASET_FORMAT, type DatasetInterview, type DatasetManifest, type GroupFields } from '../dataset/format.ts';
import type { AnswerRecord, SessionModality } from './types.ts';

export interface ExportOptions {
  /** The outcome a pilot attaches (1 = hired/advanced). Required: the format has no "unlabelled". */
  readonly label: 0 | 1;
  /** Interview id in the dataset. Default: the session id. */
  readonly id?: string;
  /** Optional self-reported group fields for `hirenet audit`. */
  readonly group?: GroupFields;
}

export interface ExportedDataset {
  readonly manifest: DatasetManifest;
  readonly interview: DatasetInterview;
  /** The interview as one interviews.jsonl line (with its newline). */
  readonly line: string;
}

export function exportDataset(
  sessionId: string,
  spec: { jobTitle: string; questions: readonly string[] },
  answers: readonly (AnswerRecord | null)[],
  names: Partial<Record<SessionModality, readonly string[]>>,
  o: ExportOptions,
): ExportedDataset {
  if (o.label !== 0 && o.label !== 1) throw new HireNetError('invalid-options', 'exportDataset needs label 0 or 1');
  const modalities = Object.fromEntries(
    Object.entries(names).map(([m, n]) => [m, [...(n ?? [])]]),
  ) as DatasetManifest['modalities'];
  const manifest: DatasetManifest = {
    format: DATASET_FORMAT,
    windowSeconds: 0.5,
    hopSeconds: 0.25,
    modalities,
    generator: '@hirenet/sdk session',
  };
  const pick = (a: AnswerRecord | null | undefined, m: SessionModality): number[][] | null => {
    const r = a?.[m];
    return r === null || r === undefined ? null : r.rows.map((row) => [...row]);
  };
  const interview: DatasetInterview = {
    id: o.id ?? sessionId,
    label: o.label,
    jobTitle: spec.jobTitle,
    questions: [...spec.questions],
    answers: spec.questions.map((_, i) =>
      Object.fromEntries(Object.keys(modalities).map((m) => [m, pick(answers[i], m as SessionModality)])),
    ),
    ...(o.group === undefined ? {} : { group: o.group }),
  };
  return { manifest, interview, line: `${JSON.stringify(interview)}\n` };
}
