/**
 * WebVTT (W3C WebVTT, the caption format browsers and most recognisers write) → a timed
 * transcript. Cues give a span of time for a line of text; a cue may carry inline timestamps
 * (`<00:00:01.500>`, the per-word times of karaoke-style captions), which split it into segments.
 * Words inside a segment share its time in proportion to their length in characters: an
 * approximation stated here because the format carries no finer timing. Markup (`<v Name>`,
 * `<c.x>`, `<i>`…) is dropped, so a speaker's name never becomes a word; NOTE, STYLE and REGION
 * blocks are skipped. Cues must start in order; overlapping cues are kept as given.
 */
import {
  checkTranscriptText,
  checkWords,
  type Transcript,
  TranscriptError,
  type TranscriptWord,
} from './transcript.ts';

/** `hh:mm:ss.ttt` or `mm:ss.ttt` (the WebVTT timestamp), in seconds; null when malformed. */
export function parseVttTime(s: string): number | null {
  const m = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/.exec(s);
  if (m === null) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&nbsp;': ' ',
  '&lrm;': '',
  '&rlm;': '',
};
const decode = (s: string): string => s.replace(/&(?:amp|lt|gt|nbsp|lrm|rlm);/g, (e) => ENTITIES[e] ?? e);

interface Segment {
  readonly start: number;
  readonly text: string;
}

/** Splits a cue's payload at inline timestamps and drops markup. */
function segments(payload: string, start: number, end: number, line: number): Segment[] {
  const out: Segment[] = [{ start, text: '' }];
  for (const part of payload.split(/(<[^>]*>)/)) {
    if (!part.startsWith('<')) {
      const last = out[out.length - 1]!;
      out[out.length - 1] = { start: last.start, text: `${last.text}${decode(part)}` };
      continue;
    }
    const t = parseVttTime(part.slice(1, -1));
    if (t === null) continue; // a tag: <v Name>, <c.x>, </i>…
    if (t < start || t > end) throw new TranscriptError('an inline timestamp lies outside its cue', line);
    if (t < out[out.length - 1]!.start) throw new TranscriptError('inline timestamps go back in time', line);
    out.push({ start: t, text: '' });
  }
  return out;
}

/** Words of one segment [start, end), times shared in proportion to each word's length. */
function spread(text: string, start: number, end: number): TranscriptWord[] {
  const words = text.split(/\s+/u).filter((w) => w !== '');
  const total = words.reduce((n, w) => n + w.length, 0);
  let at = start;
  return words.map((word) => {
    const d = total === 0 ? 0 : ((end - start) * word.length) / total;
    const w = { word, start: at, end: at + d };
    at += d;
    return w;
  });
}

/** Parses a WebVTT file into a timed transcript; `invalid-transcript` naming the line on any error. */
export function transcriptFromVtt(input: unknown): Transcript {
  const text = checkTranscriptText(input).replace(/^\uFEFF/, '');
  const lines = text.split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) throw new TranscriptError('a WebVTT file starts with "WEBVTT"', 1);
  const words: TranscriptWord[] = [];
  let cues = 0;
  let lastStart = 0;
  let i = 1;
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') block.push(lines[i++]!);
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block[0]!)) continue;
    const timingAt = block[0]!.includes('-->') ? 0 : 1;
    const timing = block[timingAt];
    if (timing === undefined || !timing.includes('-->'))
      throw new TranscriptError('a cue needs a timing line', blockStart + 1);
    const line = blockStart + timingAt + 1;
    const m = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t].*)?$/.exec(timing.trim());
    const start = m === null ? null : parseVttTime(m[1]!);
    const end = m === null ? null : parseVttTime(m[2]!);
    if (start === null || end === null)
      throw new TranscriptError('a timing line is "00:00:01.000 --> 00:00:04.000"', line);
    if (end < start) throw new TranscriptError('a cue ends before it starts', line);
    if (start < lastStart) throw new TranscriptError('cues must be in order of start time', line);
    lastStart = start;
    cues++;
    const segs = segments(block.slice(timingAt + 1).join('\n'), start, end, line);
    segs.forEach((s, k) => words.push(...spread(s.text, s.start, segs[k + 1]?.start ?? end)));
  }
  if (cues === 0) throw new TranscriptError('the WebVTT file has no cue');
  return checkWords(words, 'vtt');
}
