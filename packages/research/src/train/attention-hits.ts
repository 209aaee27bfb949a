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
export function attentionHits(
  items: readonly { answerAttention: number[][]; events: readonly PlantedEvent[] }[],
): AttentionHits {
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
  return {
    answers,
    hitRate: answers === 0 ? NaN : hits / answers,
    relevantAnswers,
    relevantHitRate: relevantAnswers === 0 ? NaN : relevantHits / relevantAnswers,
  };
}

export interface AttentionSharpness {
  /** Answers with at least two windows of attention. */
  readonly answers: number;
  /** Median of each answer's largest weight (1 = all on one window; 1/T = uniform). */
  readonly medianPeak: number;
  /** Mean entropy in nats. */
  readonly meanEntropy: number;
  /** Mean entropy divided by ln T (1 = uniform, 0 = one window), comparable across lengths. */
  readonly meanNormalisedEntropy: number;
}

/** How peaked answer attention is, whatever it points at. One-window answers are skipped. */
export function attentionSharpness(answerAttention: readonly (readonly number[])[]): AttentionSharpness {
  const peaks: number[] = [];
  let entropy = 0;
  let normalised = 0;
  for (const weights of answerAttention) {
    if (weights.length < 2) continue;
    let h = 0;
    for (const w of weights) if (w > 0) h -= w * Math.log(w);
    peaks.push(Math.max(...weights));
    entropy += h;
    normalised += h / Math.log(weights.length);
  }
  const n = peaks.length;
  peaks.sort((a, b) => a - b);
  const median = n === 0 ? NaN : n % 2 === 1 ? peaks[(n - 1) / 2]! : (peaks[n / 2 - 1]! + peaks[n / 2]!) / 2;
  return {
    answers: n,
    medianPeak: median,
    meanEntropy: n === 0 ? NaN : entropy / n,
    meanNormalisedEntropy: n === 0 ? NaN : normalised / n,
  };
}
