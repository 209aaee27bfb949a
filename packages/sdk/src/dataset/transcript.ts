import { DatasetError } from './errors.ts';
import type { AnswerTranscript, TranscriptWord } from './format.ts';

function time(v: unknown, where: string, line: number): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new DatasetError(`${where} must be a number of seconds ≥ 0`, line);
  return v;
}

/**
 * An answer's transcript from its `words` (preferred: they may carry times) or `text` field;
 * null when it has neither (the answer counts, the text modality is missing for it).
 */
export function parseTranscript(answer: object, where: string, line: number): AnswerTranscript | null {
  const { text, words } = answer as { text?: unknown; words?: unknown };
  if (words !== undefined && words !== null) {
    if (!Array.isArray(words)) throw new DatasetError(`${where}.words must be a list of {word, start, end}`, line);
    return words.map((w: unknown, k): TranscriptWord => {
      const at = `${where}.words[${k}]`;
      if (w === null || typeof w !== 'object' || typeof (w as { word?: unknown }).word !== 'string')
        throw new DatasetError(`${at} must be an object with a string "word"`, line);
      const { word, start, end } = w as { word: string; start?: unknown; end?: unknown };
      const s = time(start, `${at}.start`, line);
      const e = time(end, `${at}.end`, line);
      if (s !== undefined && e !== undefined && e < s) throw new DatasetError(`${at} ends before it starts`, line);
      return { word, ...(s === undefined ? {} : { start: s }), ...(e === undefined ? {} : { end: e }) };
    });
  }
  if (text === undefined || text === null) return null;
  if (typeof text !== 'string') throw new DatasetError(`${where}.text must be a string`, line);
  return text;
}
