/**
 * Seconds of an answer a channel did not cover, from the times it delivered something. Pure, so
 * the rule is tested in Node; answer-capture.ts turns the result into typed warnings.
 */

/** A stretch with nothing analysed longer than this is a gap (15 fps video delivers every 67 ms). */
export const GAP_SECONDS = 2;

/**
 * Sum of the stretches of [from, to] longer than `maxGap` with no time in `times` (sorted or
 * not). The start counts: a channel that began late lost its first seconds.
 */
export function lostSeconds(times: readonly number[], from: number, to: number, maxGap = GAP_SECONDS): number {
  if (!(to > from)) return 0;
  const inside = times.filter((t) => t > from && t < to).sort((a, b) => a - b);
  let lost = 0;
  let prev = from;
  for (const t of [...inside, to]) {
    if (t - prev > maxGap) lost += t - prev;
    prev = t;
  }
  return lost;
}

/** Rounded for messages and the stored warning (0.1 s is finer than any gap reported). */
export const roundSeconds = (s: number): number => Math.round(s * 10) / 10;
