/**
 * "Words used most" on the interviewer's tile: the keywords each cue message carries (the top
 * words of the candidate's current answer, counted on their device) summed over the answers so
 * far, or why there are none. Each answer's latest counts replace its earlier ones; a counted
 * word that fell out of an answer's top 8 is not in the sum, so totals are a lower bound.
 */
import type { CueKeywords, CueMessage } from '@hirenet/sdk/live';
import { h, replace } from '../dom.ts';

const OFF_TEXT = {
  off: 'Words are off: the candidate did not agree to their words being used.',
  unavailable:
    'Words are off: the candidate’s browser has no on-device speech recognition ' +
    '(and this site supplies no transcript).',
  paused: 'Words are paused by the candidate.',
} as const;

export interface WordsUsed {
  readonly el: HTMLElement;
  /** Takes a received cue message; returns the last answer's keywords when it carries new ones. */
  show(cue: CueMessage): CueKeywords | null;
}

export function wordsUsed(): WordsUsed {
  const list = h('p', { class: 'words-used', 'data-testid': 'words-used' }, 'waiting for the first message…');
  const note = h('p', { class: 'hint', 'data-testid': 'words-note' });
  const el = h('section', { class: 'words-used-panel' }, h('h4', {}, 'Words used most'), list, note);
  /** Latest counts per answer; a restarted analysis (seq back to 0, e.g. a rejoin) numbers answers afresh. */
  const answers = new Map<string, readonly (readonly [string, number])[]>();
  let run = 0;
  let lastSeq = -1;
  let last = '';
  return {
    el,
    show(cue) {
      if (cue.seq < lastSeq) run++;
      lastSeq = cue.seq;
      el.dataset['state'] = cue.channels.words;
      const k = cue.keywords;
      if (k !== null) answers.set(`${run}:${k.answer}`, k.words);
      const totals = new Map<string, number>();
      for (const words of answers.values()) for (const [w, n] of words) totals.set(w, (totals.get(w) ?? 0) + n);
      const top = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10);
      if (top.length === 0) list.textContent = cue.channels.words === 'on' ? 'No words yet.' : '—';
      else
        replace(
          list,
          top.map(([w, n]) => h('span', { class: 'word', 'data-word': w, 'data-count': n }, `${w} ${n}`, ' ')),
        );
      note.textContent = cue.channels.words === 'on' ? '' : OFF_TEXT[cue.channels.words];
      const key = k === null ? '' : JSON.stringify(k);
      if (k === null || k.words.length === 0 || key === last) return null;
      last = key;
      return k;
    },
  };
}
