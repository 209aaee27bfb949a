/**
 * The GRU recurrence as plain loops over Float32Arrays, forward and backward (BPTT).
 * Backends whose tensors live in JS memory (cpu, wasm) run the whole scan here in one call
 * instead of ~10 tiny tfjs ops per time step; see fused-gru.ts for the tfjs wiring.
 * Layout: time-major projections xp [L, S, 3U] (x·K + b, gates z|r|h), states [L, S, U].
 */
import { stepKernel } from './kernels/step-kernel.ts';
import { wasmGruBackward, wasmGruForward } from './kernels/wasm-scan.ts';

export interface LoopTrace {
  /** [L, S, U] state after each step (padding repeats the carried state). */
  readonly h: Float32Array;
  /** [L, S, U] gates and candidate, kept for the backward pass. */
  readonly z: Float32Array;
  readonly r: Float32Array;
  readonly c: Float32Array;
}

/**
 * Forward scan. mask [L, S] (1 real). reverse reads t = L−1 … 0.
 * Runs on the WebAssembly SIMD kernel (kernels/gru-scan.wat: all steps in one call) where it
 * loads and U is a multiple of 16; otherwise each step is two small register-blocked JS matmuls
 * over all S rows at once (kernels/step-kernel.ts) rather than S matrix-vector products.
 * With `trace` false (inference) z, r, c are per-step scratch and come back holding only the
 * last step: it spares three [L, S, U] allocations (and their GC) per call.
 */
export function gruLoopForward(
  xp: Float32Array,
  mask: Float32Array,
  rk: Float32Array,
  l: number,
  s: number,
  u: number,
  reverse: boolean,
  trace = true,
): LoopTrace {
  const fast = wasmGruForward(xp, mask, rk, l, s, u, reverse, trace);
  if (fast !== null) return fast;
  const n = l * s * u;
  const h = new Float32Array(n);
  const z = new Float32Array(trace ? n : s * u);
  const r = new Float32Array(trace ? n : s * u);
  const c = new Float32Array(trace ? n : s * u);
  const u2 = 2 * u;
  const u3 = 3 * u;
  // hp: every row's state after the previous step; rh: r ⊙ hp; g: the recurrent sums.
  const kernel = stepKernel(rk, s, u);
  const { hp, rh, g } = kernel;
  for (let k = 0; k < l; k++) {
    const t = reverse ? l - 1 - k : k;
    const stepBase = trace ? t * s * u : 0;
    kernel.gates();
    for (let b = 0; b < s; b++) {
      const x = (t * s + b) * u3;
      const out = stepBase + b * u;
      const gb = b * u2;
      const hb = b * u;
      for (let j = 0; j < u; j++) {
        z[out + j] = sigmoid(xp[x + j]! + g[gb + j]!);
        const rj = sigmoid(xp[x + u + j]! + g[gb + u + j]!);
        r[out + j] = rj;
        rh[hb + j] = rj * hp[hb + j]!;
      }
    }
    kernel.candidate();
    for (let b = 0; b < s; b++) {
      const x = (t * s + b) * u3 + u2;
      const out = stepBase + b * u;
      const at = (t * s + b) * u;
      const gb = b * u2;
      const hb = b * u;
      const m = mask[t * s + b]!;
      for (let j = 0; j < u; j++) {
        const cj = tanh(xp[x + j]! + g[gb + j]!);
        c[out + j] = cj;
        const p = hp[hb + j]!;
        const next = cj + z[out + j]! * (p - cj);
        const hv = Math.fround(p + m * (next - p));
        h[at + j] = hv;
        hp[hb + j] = hv;
      }
    }
  }
  return { h, z, r, c };
}

function sigmoid(v: number): number {
  return 1 / (1 + Math.exp(-v));
}

// Math.tanh is several times slower than Math.exp in V8; this form is exact to ~1e-16 absolute
// and saturates cleanly (exp overflow to Infinity gives 1, underflow to 0 gives −1).
function tanh(v: number): number {
  return 1 - 2 / (Math.exp(2 * v) + 1);
}

/**
 * Backward scan: given dL/dh at every step (dh [L, S, U], already including any gradient on the
 * final state), returns dL/dxp [L, S, 3U] and dL/dR [U, 3U].
 */
export function gruLoopBackward(
  trace: LoopTrace,
  dh: Float32Array,
  mask: Float32Array,
  rk: Float32Array,
  l: number,
  s: number,
  u: number,
  reverse: boolean,
): { dxp: Float32Array; drk: Float32Array } {
  const fast = wasmGruBackward(trace, dh, mask, rk, l, s, u, reverse);
  if (fast !== null) return fast;
  const u3 = 3 * u;
  const dxp = new Float32Array(l * s * u3);
  const drk = new Float64Array(u * u3);
  const carry = new Float64Array(s * u);
  const dPre = new Float64Array(u3);
  const dRh = new Float64Array(u);
  const hPrev = new Float64Array(u);
  for (let k = l - 1; k >= 0; k--) {
    const t = reverse ? l - 1 - k : k;
    const prevT = k === 0 ? -1 : reverse ? t + 1 : t - 1;
    for (let b = 0; b < s; b++) {
      const at = (t * s + b) * u;
      const m = mask[t * s + b] as number;
      for (let j = 0; j < u; j++) hPrev[j] = prevT < 0 ? 0 : (trace.h[(prevT * s + b) * u + j] as number);
      const cb = b * u;
      for (let j = 0; j < u; j++) {
        const total = (dh[at + j] as number) + (carry[cb + j] as number);
        const dNext = m * total;
        carry[cb + j] = (1 - m) * total + dNext * (trace.z[at + j] as number);
        const zj = trace.z[at + j] as number;
        const cj = trace.c[at + j] as number;
        dPre[j] = dNext * ((hPrev[j] as number) - cj) * zj * (1 - zj);
        dPre[2 * u + j] = dNext * (1 - zj) * (1 - cj * cj);
      }
      // Candidate pre-activation = xh + (r ⊙ hPrev)·Rh.
      for (let q = 0; q < u; q++) {
        let sum = 0;
        const row = q * u3 + 2 * u;
        for (let j = 0; j < u; j++) sum += (dPre[2 * u + j] as number) * (rk[row + j] as number);
        dRh[q] = sum;
      }
      for (let q = 0; q < u; q++) {
        const rq = trace.r[at + q] as number;
        dPre[u + q] = (dRh[q] as number) * (hPrev[q] as number) * rq * (1 - rq);
        carry[cb + q] = (carry[cb + q] as number) + (dRh[q] as number) * rq;
      }
      // Only now is every gate gradient known: accumulate dR = hPrevᵀ·[dz, dr] and (r⊙hPrev)ᵀ·dc.
      for (let q = 0; q < u; q++) {
        const hq = hPrev[q] as number;
        const rhq = (trace.r[at + q] as number) * hq;
        const row = q * u3;
        for (let j = 0; j < u; j++) {
          drk[row + j] = (drk[row + j] as number) + hq * (dPre[j] as number);
          drk[row + u + j] = (drk[row + u + j] as number) + hq * (dPre[u + j] as number);
          drk[row + 2 * u + j] = (drk[row + 2 * u + j] as number) + rhq * (dPre[2 * u + j] as number);
        }
      }
      for (let q = 0; q < u; q++) {
        let sum = 0;
        const row = q * u3;
        for (let j = 0; j < 2 * u; j++) sum += (dPre[j] as number) * (rk[row + j] as number);
        carry[cb + q] = (carry[cb + q] as number) + sum;
      }
      dxp.set(dPre, (t * s + b) * u3);
    }
  }
  return { dxp, drk: Float32Array.from(drk) };
}
