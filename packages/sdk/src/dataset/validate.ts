import { DatasetError } from './errors.ts';
import {
  type AnswerTranscript,
  DATASET_FORMAT,
  type DatasetInterview,
  type DatasetManifest,
  type DescriptorModality,
  type Modality,
} from './format.ts';
import { parseTranscript } from './transcript.ts';

const DESCRIPTORS: readonly DescriptorModality[] = ['audio', 'video'];
const MODALITIES: readonly Modality[] = [...DESCRIPTORS, 'text'];
/** The paper's pooling, assumed by a text-only manifest that names none (its rows are words, not windows). */
const TEXT_ONLY_WINDOW = { windowSeconds: 0.5, hopSeconds: 0.25 } as const;

export function validateManifest(raw: unknown): DatasetManifest {
  const m = raw as Partial<DatasetManifest> | null;
  if (m === null || typeof m !== 'object') throw new DatasetError('manifest.json is not a JSON object');
  if (m.format !== DATASET_FORMAT)
    throw new DatasetError(`manifest.json format is ${String(m.format)}, expected ${DATASET_FORMAT}`);
  if (m.modalities === null || typeof m.modalities !== 'object')
    throw new DatasetError('manifest.json needs "modalities"');
  const textOnly = Object.keys(m.modalities).every((k) => k === 'text');
  for (const key of ['windowSeconds', 'hopSeconds'] as const) {
    if (m[key] === undefined && textOnly) continue;
    if (typeof m[key] !== 'number' || !((m[key] as number) > 0))
      throw new DatasetError(`manifest.json ${key} must be a positive number`);
  }
  for (const [name, features] of Object.entries(m.modalities)) {
    if (!MODALITIES.includes(name as Modality))
      throw new DatasetError(`manifest.json names an unknown modality "${name}"`);
    if (!Array.isArray(features) || features.length === 0 || !features.every((f) => typeof f === 'string')) {
      throw new DatasetError(`manifest.json modalities.${name} must be a non-empty list of feature names`);
    }
  }
  return textOnly ? ({ ...TEXT_ONLY_WINDOW, ...m } as DatasetManifest) : (m as DatasetManifest);
}

/** Rows → one flat Float32Array (row-major), checking width and finiteness. */
function flattenRows(rows: unknown, width: number, where: string, line: number): Float32Array | null {
  if (rows === null || rows === undefined) return null;
  if (!Array.isArray(rows)) throw new DatasetError(`${where} must be a list of rows or null`, line);
  const out = new Float32Array(rows.length * width);
  rows.forEach((row: unknown, r) => {
    if (!Array.isArray(row) || row.length !== width) {
      throw new DatasetError(
        `${where}[${r}] has ${Array.isArray(row) ? row.length : 'no'} features, the manifest lists ${width}`,
        line,
      );
    }
    for (let c = 0; c < width; c++) {
      const v = row[c] as unknown;
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new DatasetError(`${where}[${r}][${c}] is not a finite number`, line);
      out[r * width + c] = v;
    }
  });
  return out;
}

/** One answer: descriptor rows as flat typed arrays (rows × features), and the transcript. */
export type ParsedAnswer = Partial<Record<DescriptorModality, Float32Array | null>> & {
  readonly text?: AnswerTranscript | null;
};

/** An interview with answers parsed per modality. */
export interface ParsedInterview {
  readonly id: string;
  readonly label: 0 | 1;
  readonly jobTitle: string;
  readonly questions: readonly string[];
  readonly answers: readonly ParsedAnswer[];
  readonly group?: DatasetInterview['group'];
  readonly extra: Readonly<Record<string, unknown>>;
}

const KNOWN = new Set(['id', 'label', 'jobTitle', 'questions', 'answers', 'group']);

/** Parses and checks one JSONL line against the manifest; errors name the line. */
export function parseInterviewLine(text: string, line: number, manifest: DatasetManifest): ParsedInterview {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new DatasetError(`not valid JSON (${err instanceof Error ? err.message : String(err)})`, line);
  }
  const iv = raw as Partial<DatasetInterview> | null;
  if (iv === null || typeof iv !== 'object' || Array.isArray(iv)) throw new DatasetError('not a JSON object', line);
  if (typeof iv.id !== 'string' || iv.id === '') throw new DatasetError('"id" must be a non-empty string', line);
  if (iv.label !== 0 && iv.label !== 1)
    throw new DatasetError(`"label" must be 0 or 1, got ${JSON.stringify(iv.label)}`, line);
  if (typeof iv.jobTitle !== 'string') throw new DatasetError('"jobTitle" must be a string', line);
  if (!Array.isArray(iv.questions) || !iv.questions.every((q) => typeof q === 'string'))
    throw new DatasetError('"questions" must be a list of strings', line);
  if (!Array.isArray(iv.answers)) throw new DatasetError('"answers" must be a list', line);
  if (iv.answers.length === 0)
    throw new DatasetError('"answers" is empty: an interview needs at least one answer', line);
  if (iv.answers.length !== iv.questions.length)
    throw new DatasetError(`${iv.answers.length} answers for ${iv.questions.length} questions`, line);
  const answers = iv.answers.map((a, i) => {
    if (a === null || typeof a !== 'object') throw new DatasetError(`answers[${i}] must be an object`, line);
    const parsed: Partial<Record<DescriptorModality, Float32Array | null>> & { text?: AnswerTranscript | null } = {};
    if (manifest.modalities.text !== undefined) parsed.text = parseTranscript(a, `answers[${i}]`, line);
    else if (hasValue(a, 'text') || hasValue(a, 'words'))
      throw new DatasetError(`answers[${i}] has a transcript but the manifest has no text modality`, line);
    for (const modality of DESCRIPTORS) {
      const names = manifest.modalities[modality];
      const rows = (a as Record<string, unknown>)[modality];
      if (names === undefined) {
        if (rows !== undefined && rows !== null)
          throw new DatasetError(
            `answers[${i}].${modality} is present but the manifest has no ${modality} features`,
            line,
          );
        continue;
      }
      parsed[modality] = flattenRows(rows, names.length, `answers[${i}].${modality}`, line);
    }
    return parsed;
  });
  const extra = Object.fromEntries(Object.entries(iv).filter(([k]) => !KNOWN.has(k)));
  return {
    id: iv.id,
    label: iv.label,
    jobTitle: iv.jobTitle,
    questions: iv.questions,
    answers,
    group: iv.group,
    extra,
  };
}

function hasValue(o: object, key: string): boolean {
  const v = (o as Record<string, unknown>)[key];
  return v !== undefined && v !== null;
}
