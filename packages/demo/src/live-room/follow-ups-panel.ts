/**
 * Follow-up suggestions for one candidate (interviewer only): the key words of the last answer —
 * pre-filled from the words the candidate's device sent (when they agreed to a words channel),
 * else typed by the interviewer — and 2–3 questions from the employer's own bank for the job,
 * listed with the word pairs that matched. A list to read, never asked automatically (the
 * interviewer presses "Suggest" and may edit the words first); candidates never see it.
 */
import { rankFollowUps, type WordVectors } from '@hirenet/sdk/live';
import { button, h, replace } from '../dom.ts';

export interface FollowUpSource {
  /** The employer's questions for this job. */
  readonly bank: readonly string[];
  /**
   * The word vectors with every word of `texts` (the bank and the keywords) readable: loaded once per
   * page on first use; a vocabulary loaded on demand fetches the blocks these words need.
   */
  readonly vectors: (texts: readonly string[]) => Promise<WordVectors>;
}

export interface FollowUpsPanel {
  readonly el: HTMLElement;
  /** Puts the last answer's keywords in the box, unless the interviewer has edited what was there. */
  prefill(words: readonly string[]): void;
}

export function followUpsPanel(candidate: string, src: FollowUpSource): FollowUpsPanel {
  const input = h('input', {
    type: 'text',
    'aria-label': `Key words of ${candidate}'s last answer`,
    'data-testid': 'follow-up-keywords',
    placeholder: 'key words of the last answer, e.g. deadline, budget, testing',
  });
  const out = h('ol', { class: 'follow-ups', 'data-testid': 'follow-ups' });
  const msg = h('p', { class: 'hint', role: 'status' });
  const suggest = async (): Promise<void> => {
    const keywords = input.value.split(/[,;\s]+/).filter((w) => w !== '');
    out.replaceChildren();
    if (keywords.length === 0) {
      msg.textContent = 'Type a few key words of the answer first.';
      return;
    }
    msg.textContent = 'Ranking…';
    try {
      const { suggestions, unused } = rankFollowUps(await src.vectors([...src.bank, ...keywords]), src.bank, keywords);
      replace(
        out,
        suggestions.map((s) =>
          h(
            'li',
            { 'data-index': s.index },
            h('span', { class: 'question' }, s.question),
            ' ',
            h(
              'small',
              { class: 'matched' },
              `matched: ${s.matched.map((m) => `${m.keyword} ~ ${m.word} (${m.similarity.toFixed(2)})`).join(', ')}`,
            ),
          ),
        ),
      );
      msg.textContent =
        (suggestions.length === 0 ? 'No question of this job’s bank relates to these words.' : '') +
        (unused.length > 0 ? ` Not used: ${unused.join(', ')}.` : '');
    } catch (e) {
      msg.textContent = `Suggestions unavailable: ${(e as Error).message}`;
    }
  };
  // What the box held when last pre-filled: a value that differs is the interviewer's own, and stays.
  let filled = '';
  const el = h(
    'details',
    { class: 'follow-ups-panel' },
    h('summary', {}, 'Follow-up suggestions (from this job’s questions; never asked automatically)'),
    h(
      'p',
      { class: 'actions' },
      input,
      button('Suggest', () => void suggest(), { 'data-testid': 'suggest' }),
    ),
    out,
    msg,
  );
  return {
    el,
    prefill(words) {
      if (input.value !== filled) return;
      filled = words.join(', ');
      input.value = filled;
      input.dataset['from'] = 'candidate-keywords';
    },
  };
}
