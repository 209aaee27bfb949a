/**
 * One entry point for a host's transcript of an answer: plain text, the JSON form or WebVTT, as a
 * string (a pasted text, a file's contents) or as words already in memory.
 */
import {
  checkWords,
  type Transcript,
  TranscriptError,
  type TranscriptWord,
  transcriptFromJson,
  transcriptFromText,
} from './transcript.ts';
import { transcriptFromVtt } from './transcript-vtt.ts';

export type TranscriptFormat = 'auto' | 'text' | 'json' | 'vtt';

/** What a host may hand the session for one answer. */
export type TranscriptInput =
  | string
  | readonly TranscriptWord[]
  | { readonly text: string; readonly format?: TranscriptFormat };

/**
 * 'auto' reads "WEBVTT" at the start as WebVTT and `{` or `[{` / `[]` as JSON; anything else is
 * plain text (so "[laughs] well…" stays text). Name the format to get its errors instead.
 */
export function detectTranscriptFormat(text: string): Exclude<TranscriptFormat, 'auto'> {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (/^WEBVTT(?:\s|$)/.test(head)) return 'vtt';
  if (head.startsWith('{') || /^\[\s*[{\]]/.test(head)) return 'json';
  return 'text';
}

/** Parses `input` into a transcript, or throws `TranscriptError` (`invalid-transcript`). */
export function parseTranscript(input: TranscriptInput, format: TranscriptFormat = 'auto'): Transcript {
  if (Array.isArray(input)) return checkWords(input, 'json');
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const o = input as { text?: unknown; format?: unknown };
    return parseTranscript(o.text as string, (o.format ?? format) as TranscriptFormat);
  }
  if (typeof input !== 'string')
    throw new TranscriptError('a transcript is a string, an array of words or { text, format }');
  const kind = format === 'auto' ? detectTranscriptFormat(input) : format;
  switch (kind) {
    case 'vtt':
      return transcriptFromVtt(input);
    case 'json':
      return transcriptFromJson(input);
    case 'text':
      return transcriptFromText(input);
    default:
      throw new TranscriptError(`format must be auto, text, json or vtt, got ${JSON.stringify(kind).slice(0, 20)}`);
  }
}

/** The format a file name suggests (.vtt, .json, otherwise 'auto'). */
export function formatFromFileName(name: string): TranscriptFormat {
  const n = name.toLowerCase();
  if (n.endsWith('.vtt')) return 'vtt';
  if (n.endsWith('.json')) return 'json';
  if (n.endsWith('.txt')) return 'text';
  return 'auto';
}
