/**
 * Linear prediction by Burg's method (the method behind Praat's `To Formant (burg)`), and the
 * complex roots of the prediction polynomial (Durand–Kerner iteration), from which formants.ts
 * reads resonance frequencies and bandwidths.
 */

/** Returns a[0..order] with a[0] = 1 so that x[n] ≈ -Σ a[k]·x[n-k]. Zeros when x is silent. */
export function burgLpc(x: Float64Array, order: number, work?: { f: Float64Array; b: Float64Array }): Float64Array {
  const n = x.length;
  const a = new Float64Array(order + 1);
  a[0] = 1;
  const f = work !== undefined && work.f.length === n ? work.f : new Float64Array(n);
  const b = work !== undefined && work.b.length === n ? work.b : new Float64Array(n);
  f.set(x);
  b.set(x);
  const tmp = new Float64Array(order + 1);
  for (let m = 0; m < order; m++) {
    let num = 0;
    let den = 0;
    for (let i = m + 1; i < n; i++) {
      num += f[i]! * b[i - 1]!;
      den += f[i]! * f[i]! + b[i - 1]! * b[i - 1]!;
    }
    if (!(den > 0)) break;
    const k = (-2 * num) / den;
    tmp.set(a);
    for (let i = 1; i <= m + 1; i++) a[i] = tmp[i]! + k * tmp[m + 1 - i]!;
    // Update forward and backward errors from the top down so b[i - 1] is still the old value.
    for (let i = n - 1; i > m; i--) {
      const fi = f[i]!;
      f[i] = fi + k * b[i - 1]!;
      b[i] = b[i - 1]! + k * fi;
    }
  }
  return a;
}

/**
 * Linear prediction by the autocorrelation method (Levinson–Durbin) on an already windowed
 * frame: about a sixth of Burg's cost, which matters at 100 frames/s. Same a[] convention.
 */
export function autocorrelationLpc(x: Float64Array, order: number): Float64Array {
  const n = x.length;
  const r = new Float64Array(order + 1);
  for (let lag = 0; lag <= order; lag++) {
    let s = 0;
    for (let i = lag; i < n; i++) s += x[i]! * x[i - lag]!;
    r[lag] = s;
  }
  const a = new Float64Array(order + 1);
  a[0] = 1;
  // A 1e-9 white-noise floor keeps the recursion stable on near-singular (very pure) frames.
  r[0] = r[0]! * (1 + 1e-9);
  let err = r[0]!;
  if (!(err > 0)) return a;
  const tmp = new Float64Array(order + 1);
  for (let m = 1; m <= order; m++) {
    let acc = r[m]!;
    for (let j = 1; j < m; j++) acc += a[j]! * r[m - j]!;
    const k = -acc / err;
    tmp.set(a);
    for (let j = 1; j < m; j++) a[j] = tmp[j]! + k * tmp[m - j]!;
    a[m] = k;
    err *= 1 - k * k;
    if (!(err > 0)) break;
  }
  return a;
}

export interface ComplexRoot {
  readonly re: number;
  readonly im: number;
}

/**
 * Roots of z^p + a[1]·z^(p-1) + … + a[p] (a[0] must be 1). `start` (e.g. the previous frame's
 * roots) makes successive frames converge in a few iterations instead of dozens.
 */
export function polynomialRoots(a: ArrayLike<number>, iterations = 200, start?: readonly ComplexRoot[]): ComplexRoot[] {
  const p = a.length - 1;
  if (p < 1) return [];
  const re = new Float64Array(p);
  const im = new Float64Array(p);
  // Start points spread on a circle, off the axes so no two iterates start symmetric.
  for (let i = 0; i < p; i++) {
    const ang = (2 * Math.PI * i) / p + 0.4;
    const s = start !== undefined && start.length === p ? start[i] : undefined;
    const ok = s !== undefined && Number.isFinite(s.re) && Number.isFinite(s.im);
    re[i] = ok ? s.re : 0.9 * Math.cos(ang);
    im[i] = ok ? s.im : 0.9 * Math.sin(ang);
  }
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < p; i++) {
      // Horner evaluation of the monic polynomial at root i.
      let vr = 1;
      let vi = 0;
      const zr = re[i]!;
      const zi = im[i]!;
      for (let k = 1; k <= p; k++) {
        const t = vr * zr - vi * zi + a[k]!;
        vi = vr * zi + vi * zr;
        vr = t;
      }
      let dr = 1;
      let di = 0;
      for (let j = 0; j < p; j++) {
        if (j === i) continue;
        const xr = zr - re[j]!;
        const xi = zi - im[j]!;
        const t = dr * xr - di * xi;
        di = dr * xi + di * xr;
        dr = t;
      }
      const mag = dr * dr + di * di;
      if (mag === 0) continue;
      const qr = (vr * dr + vi * di) / mag;
      const qi = (vi * dr - vr * di) / mag;
      re[i] = zr - qr;
      im[i] = zi - qi;
      moved = Math.max(moved, Math.abs(qr) + Math.abs(qi));
    }
    // 1e-9 in z is ~0.002 Hz at 16 kHz: far below any formant question.
    if (moved < 1e-9) break;
  }
  const out: ComplexRoot[] = [];
  for (let i = 0; i < p; i++) out.push({ re: re[i]!, im: im[i]! });
  return out;
}
