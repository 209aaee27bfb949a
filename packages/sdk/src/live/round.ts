/**
 * Rounds to `digits` decimals: cue values carry no more precision than the measures have, and stay short on the wire.
 */
export function round(v: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(v * f) / f;
  // -0 would print as 0 but compare unequal in Object.is-based checks.
  return r === 0 ? 0 : r;
}
