/**
 * Follow-up suggestions for one candidate (interviewer only): the interviewer types or pastes the
 * key words of the last answer (or a host fills them from a transcript it has), and 2–3 questions
 * from the employer's own bank for the job are listed with the word pairs that matched. A list to
 * read, never asked automatically; candidates never see it.
 */
import { rankFollowUps, type WordVectors } from '@hirenet/sdk/live';
import { button, h, replace } from '../dom.ts';

export interface FollowUpSource {
  /** The employer's questions for this job. */
  readonly bank: readonly string[];
  /** The word vectors, loaded once per page on first use. */
  readonly vectors: () => Promise<WordVectors>;
}

export function followUpsPanel(candidate: string, src: FollowUpSource): HTMLElement {
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
      const { suggestions, unused } = rankFollowUps(await src.vectors(), src.bank, keywords);
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
  return h(
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
}
