/**
 * Peaks of an even, sampled correlation function r (known at lags 0..last, r(-k) = r(k)) located
 * between lags, the way Praat's pitch and harmonicity analyses do it: Hann-tapered sinc
 * interpolation, with fewer points near the ends of the known range (down to cubic, linear or
 * nearest), so a peak next to the last lag cannot ring above its neighbours.
 */

/** r at a fractional lag, from `depth` points on either side. */
export function interpolateEven(r: Float64Array, last: number, at: number, depth: number): number {
  if (at >= last) return r[last]!;
  const left = Math.floor(at);
  const frac = at - left;
  if (frac === 0) return rAt(r, left);
  const d = Math.min(depth, last - left, left + last + 1);
  if (d <= 0) return rAt(r, Math.round(at));
  const yl = rAt(r, left);
  const yr = rAt(r, left + 1);
  if (d === 1) return yl + frac * (yr - yl);
  if (d === 2) {
    const dl = 0.5 * (yr - rAt(r, left - 1));
    const dr = 0.5 * (rAt(r, left + 2) - yl);
    const rest = 1 - frac;
    return yl * rest + yr * frac - frac * rest * (0.5 * (dr - dl) + (frac - 0.5) * (dl + dr - 2 * (yr - yl)));
  }
  const sinFrac = Math.sin(Math.PI * frac);
  // Left of `at`: distances frac, frac + 1, …; right: 1 - frac, 2 - frac, ….
  return taperedSide(r, left, -1, frac, d, sinFrac) + taperedSide(r, left + 1, 1, 1 - frac, d, sinFrac);
}

export interface RefinedPeak {
  /** Fractional lag of the maximum. */
  readonly lag: number;
  /** Interpolated r there (not folded). */
  readonly value: number;
}

/**
 * Maximum of the interpolated r near `lag` (a parabolic first guess). Near its top the interpolated
 * r is a parabola to well below 1e-4, so two parabola fits (±0.5 lag, then ±0.05 lag around the
 * first vertex) find it with five or seven evaluations.
 */
export function refineEvenPeak(r: Float64Array, last: number, lag: number, depth: number): RefinedPeak {
  let at = lag;
  let top = interpolateEven(r, last, at, depth);
  for (let h = 0.5; h > 0.01; h *= 0.1) {
    const lo = interpolateEven(r, last, at - h, depth);
    const hi = interpolateEven(r, last, at + h, depth);
    const curvature = lo - 2 * top + hi;
    if (curvature < 0) {
      at += h * Math.max(-1, Math.min(1, (0.5 * (lo - hi)) / curvature));
      top = interpolateEven(r, last, at, depth);
    } else if (lo > top || hi > top) {
      at += lo > hi ? -h : h;
      top = Math.max(lo, hi);
    }
  }
  return { lag: at, value: top };
}

/** r at an integer lag of either sign. */
function rAt(r: Float64Array, lag: number): number {
  return r[lag < 0 ? -lag : lag]!;
}

/**
 * One side of the tapered sinc sum: points `from`, `from + dir`, … at distances first, first + 1, …
 * from the interpolation point, Hann-tapered to zero just past the last one; the taper's cosine
 * is stepped by rotation instead of a cos per term.
 */
function taperedSide(
  r: Float64Array,
  from: number,
  dir: number,
  first: number,
  depth: number,
  sinFrac: number,
): number {
  const width = depth + first;
  const cs = Math.cos(Math.PI / width);
  const sn = Math.sin(Math.PI / width);
  let c = Math.cos((Math.PI * first) / width);
  let s = Math.sin((Math.PI * first) / width);
  let sum = 0;
  for (let k = 0; k < depth; k++) {
    // |sin(π·d)| = sin(π·frac) at every point; the sign alternates.
    const sincValue = ((k & 1) === 0 ? sinFrac : -sinFrac) / (Math.PI * (first + k));
    sum += rAt(r, from + dir * k) * sincValue * (0.5 + 0.5 * c);
    const nc = c * cs - s * sn;
    s = s * cs + c * sn;
    c = nc;
  }
  return sum;
}
