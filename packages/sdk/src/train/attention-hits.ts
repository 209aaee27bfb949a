/** A planted event as SimInterview records it (window indices, end exclusive). */
export interface PlantedEvent {
  readonly answer: number;
  readonly start: number;
  readonly end: number;
  readonly relevant?: boolean;
}

export interface AttentionHits {
  /** Answers with an event and attention to score. */
  readonly answers: number;
  /** Share whose top-attention window lies in [start − 1, end] (±1 window). */
  readonly hitRate: number;
  /** The same, over events that count for the label only. */
  readonly relevantAnswers: number;
  readonly relevantHitRate: number;
}

function argmax(values: readonly number[]): number {
  let best = -1;
  let bestValue = -Infinity;
  values.forEach((v, i) => {
    if (v > bestValue) {
      bestValue = v;
      best = i;
    }
  });
  return best;
}

/** Does attention find the planted events? Answers without attention (missing modality) are skipped. */
export function attentionHits(items: readonly { answerAttention: number[][]; events: readonly PlantedEvent[] }[]): AttentionHits {
  let answers = 0;
  let hits = 0;
  let relevantAnswers = 0;
  let relevantHits = 0;
  for (const { answerAttention, events } of items) {
    for (const e of events) {
      const attention = answerAttention[e.answer];
      if (attention === undefined || attention.length === 0) continue;
      const top = argmax(attention);
      const hit = top >= e.start - 1 && top <= e.end ? 1 : 0;
      answers++;
      hits += hit;
      if (e.relevant === true) {
        relevantAnswers++;
        relevantHits += hit;
      }
    }
  }
  return { answers, hitRate: answers === 0 ? NaN : hits / answers, relevantAnswers, relevantHitRate: relevantAnswers === 0 ? NaN : relevantHits / relevantAnswers };
}
