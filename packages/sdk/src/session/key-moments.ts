/**
 * Key moments: the stretches of an answer the model weighed most. On the 0.25 s window grid
 * (window t covers [t·hop, t·hop + length)), a moment grows from an attention peak over
 * neighbours holding at least half the peak, from one window (0.5 s) to at most 4 s. Only
 * peaks clearly above uniform attention count: a flat answer has no key moment.
 */
export interface MomentSpan {
  readonly answer: number;
  /** First and last window of the span (inclusive). */
  readonly first: number;
  readonly last: number;
  readonly startSeconds: number;
  readonly endSeconds: number;
  /** questionAttention[answer] × the answer attention summed over the span. */
  readonly weight: number;
}

export interface KeyMomentOptions {
  readonly hopSeconds?: number;
  readonly windowSeconds?: number;
  /** Longest span, seconds. Default 4. */
  readonly maxSeconds?: number;
  /** A peak must exceed this multiple of uniform attention. Default 1.5. */
  readonly peakRatio?: number;
  /** Neighbours join while ≥ this fraction of the peak. Default 0.5. */
  readonly growRatio?: number;
  readonly perAnswer?: number;
  readonly total?: number;
}

export function findKeyMoments(
  answerAttention: readonly (readonly number[])[],
  questionAttention: readonly number[],
  o: KeyMomentOptions = {},
): MomentSpan[] {
  const hop = o.hopSeconds ?? 0.25;
  const len = o.windowSeconds ?? 0.5;
  const maxWindows = Math.max(1, Math.floor(((o.maxSeconds ?? 4) - len) / hop + 1e-9) + 1);
  const peakRatio = o.peakRatio ?? 1.5;
  const grow = o.growRatio ?? 0.5;
  const out: MomentSpan[] = [];
  answerAttention.forEach((att, answer) => {
    const read = att.filter((v) => v > 0).length;
    if (read < 2) return;
    const uniform = att.reduce((a, b) => a + b, 0) / read;
    const used = new Uint8Array(att.length);
    for (let m = 0; m < (o.perAnswer ?? 3); m++) {
      let p = -1;
      att.forEach((v, t) => {
        if (used[t] === 0 && (p < 0 || v > att[p]!)) p = t;
      });
      if (p < 0 || !(att[p]! > peakRatio * uniform)) break;
      const floor = grow * att[p]!;
      let first = p;
      let last = p;
      while (last - first + 1 < maxWindows) {
        const left = first > 0 && used[first - 1] === 0 ? att[first - 1]! : -1;
        const right = last + 1 < att.length && used[last + 1] === 0 ? att[last + 1]! : -1;
        if (Math.max(left, right) < floor) break;
        if (left >= right) first--;
        else last++;
      }
      // One window of margin on each side keeps two moments from touching.
      for (let t = Math.max(0, first - 1); t <= Math.min(att.length - 1, last + 1); t++) used[t] = 1;
      let mass = 0;
      for (let t = first; t <= last; t++) mass += att[t]!;
      out.push({
        answer,
        first,
        last,
        startSeconds: first * hop,
        endSeconds: last * hop + len,
        weight: (questionAttention[answer] ?? 0) * mass,
      });
    }
  });
  out.sort((a, b) => b.weight - a.weight);
  return out.slice(0, o.total ?? 5);
}
