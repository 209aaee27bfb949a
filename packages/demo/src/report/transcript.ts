/**
 * The words of one answer in the report: the transcript with the text model's key words marked,
 * and, when the words have times, a transcript track — each word drawn at the time it was said,
 * key words marked — among the answer's timeline charts (same time axis, cursor and key
 * moments). Only what was said and how many times: no word is judged.
 */
import type { AnswerText } from '@hirenet/sdk';
import { h } from '../dom.ts';
import type { Band, ChartInput } from './chart.ts';

const SOURCE: Readonly<Record<AnswerText['source'], string>> = {
  text: 'pasted text',
  json: 'a JSON transcript',
  vtt: 'a WebVTT transcript',
  recognition: 'on-device speech recognition',
  transcriber: 'an on-device transcriber',
};

/** Transcript words (their positions) that are key words. */
function keyPositions(t: AnswerText): Set<number> {
  return new Set(t.keyWords.flatMap((k) => [...k.indices]));
}

/** The transcript track of a timed answer, as a chart input beside the answer's other tracks. */
export function wordTrack(
  t: AnswerText,
  x: readonly number[],
  bands: readonly Band[],
  syncKey: string,
  index: number,
): ChartInput {
  const keys = keyPositions(t);
  return {
    title: 'Words',
    hint: 'where each word was said; marked = key words',
    x,
    y: x.map(() => null),
    color: '#0f172a',
    height: 48,
    bands,
    syncKey,
    xAxis: false,
    summary: `Transcript track of answer ${index + 1}: ${t.words.length} words placed by when they were said.`,
    labels: t.words.map((w, i) => ({ start: w.start ?? 0, text: w.word, key: keys.has(i) })),
  };
}

export function transcriptSection(t: AnswerText): HTMLElement {
  const keys = keyPositions(t);
  const words = t.words.flatMap((w, i) => [
    keys.has(i) ? h('mark', { class: 'hn-key-word', 'data-testid': 'key-word' }, w.word) : w.word,
    ' ',
  ]);
  return h(
    'section',
    { class: 'hn-transcript', 'data-testid': 'transcript' },
    h('h4', {}, 'Your words'),
    h(
      'p',
      { class: 'hn-hint' },
      `${t.lexical.words} words, from ${SOURCE[t.source]}${t.timed ? ', with times' : ''}.`,
      t.keyWords.length === 0
        ? ' No key words are marked: no text model is loaded, or its word attention was not trained.'
        : ` Marked: the words the text model weighed most (${t.keyWords.map((k) => k.word).join(', ')}).`,
    ),
    h('p', { class: 'hn-transcript-text', dir: 'auto' }, words),
  );
}
