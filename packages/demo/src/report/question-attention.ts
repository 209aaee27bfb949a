/**
 * Question attention as horizontal bars: how the model split its weight between the answers.
 * Plain HTML bars (with the percentage as text) read better to a screen reader than a canvas.
 */
import type { InterviewResult } from '@hirenet/sdk';
import { h, isolate } from '../dom.ts';

export function questionAttention(
  result: InterviewResult,
  questions: readonly string[],
  answered: readonly boolean[],
): HTMLElement {
  const max = Math.max(1e-9, ...result.questionAttention);
  const rows = questions.map((q, i) => {
    const w = result.questionAttention[i] ?? 0;
    const pct = Math.round(w * 100);
    return h(
      'li',
      { class: 'hn-qbar' },
      h('span', { class: 'hn-qbar-label' }, h('strong', {}, `Q${i + 1}`), ' ', isolate(q)),
      answered[i] === true
        ? h(
            'span',
            {
              class: 'hn-qbar-track',
              role: 'meter',
              'aria-valuemin': 0,
              'aria-valuemax': 100,
              'aria-valuenow': pct,
              'aria-label': `Attention on question ${i + 1}`,
            },
            h('span', { class: 'hn-qbar-fill', style: `width:${(100 * w) / max}%` }),
          )
        : h('span', { class: 'hn-qbar-track hn-muted' }, 'not answered'),
      h('span', { class: 'hn-qbar-value' }, answered[i] === true ? `${pct} %` : '—'),
    );
  });
  // The model still attends to an unanswered question's text; say where that share went.
  const unanswered = questions.reduce(
    (s, _q, i) => s + (answered[i] === true ? 0 : (result.questionAttention[i] ?? 0)),
    0,
  );
  return h(
    'section',
    { class: 'hn-card', 'aria-labelledby': 'hn-qatt' },
    h('h3', { id: 'hn-qatt' }, 'Attention per question'),
    h(
      'p',
      { class: 'hn-hint' },
      'How the model divided its weight between the questions (all bars together make 100 %). A large ' +
        'share means the model relied on that answer more, not that it was better or worse.',
    ),
    unanswered >= 0.005
      ? h(
          'p',
          { class: 'hn-hint', 'data-testid': 'unanswered-attention' },
          [
            `${Math.round(unanswered * 100)} % went to questions you did not answer: the model still reads`,
            'their wording, with no answer behind it.',
          ].join(' '),
        )
      : null,
    h('ol', { class: 'hn-qbars' }, rows),
  );
}
