/**
 * The words of one answer in the report: the transcript with the text model's key words marked,
 * and, when the words have times, a transcript track — each word placed at the time it was said
 * across the answer, key words marked — under the answer's timeline. Only what was said and how
 * many times: no word is judged.
 */
import type { AnswerText } from '@hirenet/sdk';
import { h } from '../dom.ts';

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

/** Words placed by time over `seconds` (the answer's length, or the last word's end). */
function wordTrack(t: AnswerText, seconds: number, keys: Set<number>): HTMLElement {
  const span = Math.max(seconds, ...t.words.map((w) => w.end ?? 0), 0.5);
  return h(
    'div',
    {
      class: 'hn-word-track',
      role: 'img',
      'aria-label': `Transcript track: ${t.words.length} words placed by when they were said (${span.toFixed(1)} s)`,
      'data-testid': 'word-track',
    },
    t.words.map((w, i) =>
      h(
        'span',
        {
          class: keys.has(i) ? 'hn-track-word hn-key-word' : 'hn-track-word',
          style: `left: ${(100 * (w.start ?? 0)) / span}%`,
          title: `${(w.start ?? 0).toFixed(2)}–${(w.end ?? 0).toFixed(2)} s`,
        },
        w.word,
      ),
    ),
  );
}

export function transcriptSection(t: AnswerText, seconds: number): HTMLElement {
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
        ? ' No text model is loaded, so no key words are marked.'
        : ` Marked: the words the text model weighed most (${t.keyWords.map((k) => k.word).join(', ')}).`,
    ),
    t.timed ? wordTrack(t, seconds, keys) : null,
    h('p', { class: 'hn-transcript-text', dir: 'auto' }, words),
  );
}
