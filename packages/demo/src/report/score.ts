/**
 * The score block. The label is deliberately long and unmissable: the demo model learned a
 * synthetic rule (SimInterview), so its number says nothing about a person's suitability.
 */
import type { InterviewResult } from '@hirenet/sdk';
import { h } from '../dom.ts';

export const SCORE_LABEL = 'Experimental demo-model estimate — not a hiring measure';

const pct = (v: number): string => `${Math.round(v * 100)}`;

export function scoreBlock(result: InterviewResult): HTMLElement {
  const { score, scores, modelCard } = result;
  const parts = (['audio', 'video'] as const).flatMap((m) => (scores[m] === undefined ? [] : [`${m === 'audio' ? 'voice' : 'face'} model ${pct(scores[m])}`]));
  return h(
    'section',
    { class: 'hn-score', 'aria-labelledby': 'hn-score-label' },
    h('p', { class: 'hn-score-label', id: 'hn-score-label' }, SCORE_LABEL),
    h('p', { class: 'hn-score-value', 'data-testid': 'score' }, score === null ? 'No estimate' : pct(score), score === null ? null : h('span', { class: 'hn-score-unit' }, ' / 100')),
    h(
      'p',
      { class: 'hn-score-explain' },
      score === null
        ? 'None of the answers had sound or a face the model could read.'
        : `Mean of the ${parts.length === 1 ? 'one model' : 'models'} that had data (${parts.join(', ')}). `,
      'The demo model was trained only on synthetic interviews with an arbitrary rule; it has never seen a real person and does not measure ability, suitability or any inner state. Use it to look at your delivery, never to judge anyone.',
    ),
    h('p', { class: 'hn-meta' }, `Model ${modelCard.modelVersion} · ${modelCard.modalities.join(' + ') || 'no modality'} · computed on this device (${modelCard.backend})`),
  );
}
