/**
 * Question attention as horizontal bars: how the model split its weight between the answers.
 * Plain HTML bars (with the percentage as text) read better to a screen reader than a canvas.
 */
import type { InterviewResult } from '@hirenet/sdk';
import { h } from '../dom.ts';

export function questionAttention(result: InterviewResult, questions: readonly string[], answered: readonly boolean[]): HTMLElement {
  const max = Math.max(1e-9, ...result.questionAttention);
  const rows = questions.map((q, i) => {
    const w = result.questionAttention[i] ?? 0;
    const pct = Math.round(w * 100);
    return h(
      'li',
      { class: 'hn-qbar' },
      h('span', { class: 'hn-qbar-label' }, h('strong', {}, `Q${i + 1}`), ' ', q),
      answered[i] === true
        ? h('span', { class: 'hn-qbar-track', role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': pct, 'aria-label': `Attention on question ${i + 1}` },
            h('span', { class: 'hn-qbar-fill', style: `width:${(100 * w) / max}%` }))
        : h('span', { class: 'hn-qbar-track hn-muted' }, 'not answered'),
      h('span', { class: 'hn-qbar-value' }, answered[i] === true ? `${pct} %` : '—'),
    );
  });
  return h(
    'section',
    { class: 'hn-card', 'aria-labelledby': 'hn-qatt' },
    h('h3', { id: 'hn-qatt' }, 'Attention per question'),
    h('p', { class: 'hn-hint' }, 'How the model divided its weight between your answers (the bars add up to 100 %). A large share means the model relied on that answer more, not that it was better or worse.'),
    h('ol', { class: 'hn-qbars' }, rows),
  );
}
