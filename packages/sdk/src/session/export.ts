/**
 * A session as `hirenet-dataset/1` (docs/dataset-format.md): the manifest plus one
 * interviews.jsonl line, derived window features only. There is no field a frame or a sample
 * could go into, so a pilot can pool these files, add labels and train without media.
 */
import { HireNetError } from '../util/errors.ts';
import { DATASET_FORMAT, type DatasetInterview, type DatasetManifest, type GroupFields } from '../dataset/format.ts';
import type { Transcript } from '../text/transcript.ts';
import { POSTURE_COLUMNS } from '../video/posture-windows.ts';
import type { AnswerRecord, DescriptorSessionModality, SessionModality } from './types.ts';

export interface ExportOptions {
  /** The outcome a pilot attaches (1 = hired/advanced). Required: the format has no "unlabelled". */
  readonly label: 0 | 1;
  /** Interview id in the dataset. Default: the session id. */
  readonly id?: string;
  /** Optional self-reported group fields for `hirenet audit`. */
  readonly group?: GroupFields;
  /**
   * Append the posture columns (a session with a pose model) to the video rows, for a pilot that
   * trains with them. Only windows with both a face and every posture measure are exported then
   * (an unmeasured posture cell has no value to write); answers without posture export no video.
   * Default false: the video rows are the model's columns, as without a pose model.
   */
  readonly posture?: boolean;
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
  /** Per answer, with the text channel consented: the transcript, exported as `words` (or `text` without times). */
  transcripts: readonly (Transcript | null)[] = [],
): ExportedDataset {
  if (o.label !== 0 && o.label !== 1) throw new HireNetError('invalid-options', 'exportDataset needs label 0 or 1');
  const modalities = Object.fromEntries(
    Object.entries(names).map(([m, n]) => [m, [...(n ?? [])]]),
  ) as DatasetManifest['modalities'];
  const withPosture = o.posture === true && modalities.video !== undefined;
  if (withPosture)
    modalities.video = [...modalities.video!, ...POSTURE_COLUMNS.filter((c) => !names.video!.includes(c))];
  const hasText = transcripts.some((t) => t !== null);
  if (hasText) modalities.text = ['words'];
  const manifest: DatasetManifest = {
    format: DATASET_FORMAT,
    windowSeconds: 0.5,
    hopSeconds: 0.25,
    modalities,
    generator: '@hirenet/sdk session',
  };
  const pick = (a: AnswerRecord | null | undefined, m: DescriptorSessionModality): number[][] | null => {
    if (m === 'video' && withPosture) return a == null ? null : videoWithPosture(a, names.video!);
    const r = a?.[m];
    return r === null || r === undefined ? null : r.rows.map((row) => [...row]);
  };
  const interview: DatasetInterview = {
    id: o.id ?? sessionId,
    label: o.label,
    jobTitle: spec.jobTitle,
    questions: [...spec.questions],
    answers: spec.questions.map((_, i) => {
      const rows = Object.keys(modalities).filter((m) => m !== 'text');
      const out = Object.fromEntries(rows.map((m) => [m, pick(answers[i], m as DescriptorSessionModality)]));
      if (!hasText) return out;
      const t = transcripts[i] ?? null;
      // The dataset's two transcript forms (docs/text.md): timed words, or the plain text.
      if (t === null) return { ...out, words: null };
      return t.timed
        ? { ...out, words: t.words.map((w) => ({ ...w })) }
        : { ...out, text: t.words.map((w) => w.word).join(' ') };
    }),
    ...(o.group === undefined ? {} : { group: o.group }),
  };
  return { manifest, interview, line: `${JSON.stringify(interview)}\n` };
}

/** The answer's video rows with its posture columns appended, window by window; null when none has both. */
function videoWithPosture(a: AnswerRecord, videoNames: readonly string[]): number[][] | null {
  const v = a.video;
  const p = a.posture;
  if (v === null || p == null) return null;
  const byWindow = new Map(p.windowIndex.map((w, k) => [w, p.rows[k]!]));
  const add = POSTURE_COLUMNS.filter((c) => !videoNames.includes(c)).map((c) => p.names.indexOf(c));
  const out: number[][] = [];
  v.rows.forEach((row, k) => {
    const q = byWindow.get(v.windowIndex[k]!);
    if (q === undefined) return;
    const extra = add.map((i) => q[i] ?? null);
    if (extra.every((x): x is number => x !== null && Number.isFinite(x))) out.push([...row, ...extra]);
  });
  return out.length === 0 ? null : out;
}
