/**
 * The model estimate, shown only on request and after the observable feedback. The demo model
 * learned a synthetic rule (SimInterview) and its estimate moves between takes of the same answer
 * (TAKE_SPREAD_POINTS, measured), so the report leads with what can be observed; the number sits
 * behind a disclosure that states its spread before it shows it.
 */
import type { InterviewResult } from '@hirenet/sdk';
import { h } from '../dom.ts';
import { SEGMENT_SPREAD_POINTS, TAKE_SPREAD_POINTS } from './stability.ts';

export const SCORE_LABEL = 'Experimental demo-model estimate — not a hiring measure';
export const SCORE_REVEAL = 'Show the experimental model estimate';

const pct = (v: number): string => `${Math.round(v * 100)}`;

export function spreadSentence(): string {
  return (
    `Recording the same answer again moved this estimate by up to ${TAKE_SPREAD_POINTS} points out of 100 in our ` +
    `measurements, and two halves of one answer differed by up to ${SEGMENT_SPREAD_POINTS} points, so differences of ` +
    'that size between your takes mean nothing.'
  );
}

export function scoreBlock(result: InterviewResult): HTMLElement {
  const { score, scores, modelCard } = result;
  const parts = (['audio', 'video'] as const).flatMap((m) =>
    scores[m] === undefined ? [] : [`${m === 'audio' ? 'voice' : 'face'} model ${pct(scores[m])}`],
  );
  return h(
    'details',
    { class: 'hn-score hn-card', 'data-testid': 'score-details' },
    h('summary', { 'data-testid': 'score-reveal' }, SCORE_REVEAL),
    h('p', { class: 'hn-score-label', id: 'hn-score-label' }, SCORE_LABEL),
    h('p', { class: 'hn-score-spread', 'data-testid': 'score-spread' }, spreadSentence()),
    h(
      'p',
      { class: 'hn-score-value', 'data-testid': 'score' },
      score === null ? 'No estimate' : pct(score),
      score === null ? null : h('span', { class: 'hn-score-unit' }, ' / 100'),
    ),
    h(
      'p',
      { class: 'hn-score-explain' },
      score === null
        ? 'None of the answers had sound or a face the model could read.'
        : `Mean of the ${parts.length === 1 ? 'one model' : 'models'} that had data (${parts.join(', ')}). `,
      'The demo model was trained only on synthetic interviews with an arbitrary rule; it has never ' +
        'seen a real person and does not measure ability, suitability or any inner state. Use it to look ' +
        'at your delivery, never to judge anyone.',
    ),
    h(
      'p',
      { class: 'hn-meta' },
      [
        `Model ${modelCard.modelVersion} · ${modelCard.modalities.join(' + ') || 'no modality'} ·`,
        `computed on this device (${modelCard.backend})`,
      ].join(' '),
    ),
  );
}
