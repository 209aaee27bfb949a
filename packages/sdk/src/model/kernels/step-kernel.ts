/**
 * The per-step matmuls of the JS GRU loop (gru-loop.ts), used where the WebAssembly kernel
 * (gru-scan.wat) cannot run: register-blocked JS over all rows at once.
 */

export interface StepKernel {
  /** [S, U] state of every row after the previous step (starts at zero). */
  readonly hp: Float32Array;
  /** [S, U] r ⊙ hp, written by the loop before candidate(). */
  readonly rh: Float32Array;
  /** [S, 2U] recurrent sums: z|r after gates(), the candidate's in the first U after candidate(). */
  readonly g: Float32Array;
  /** g[:, 0:2U] = hp · R[:, 0:2U] */
  gates(): void;
  /** g[:, 0:U] = rh · R[:, 2U:3U] */
  candidate(): void;
}

/** rk [U, 3U] (row-major, as stored). */
export function stepKernel(rk: Float32Array, s: number, u: number): StepKernel {
  const rt = transposeKernel(rk, u);
  const hp = new Float32Array(s * u);
  const rh = new Float32Array(s * u);
  const g = new Float32Array(2 * s * u);
  return {
    hp,
    rh,
    g,
    gates: () => stepMatMul(hp, rt, g, s, u, 0, 2 * u),
    candidate: () => stepMatMul(rh, rt, g, s, u, 2 * u, u),
  };
}

/** rk [U, 3U] → [3U, U] in float64, so every gate output is a contiguous dot product. */
function transposeKernel(rk: Float32Array, u: number): Float64Array {
  const u3 = 3 * u;
  const rt = new Float64Array(u3 * u);
  for (let q = 0; q < u; q++) for (let j = 0; j < u3; j++) rt[j * u + q] = rk[q * u3 + j]!;
  return rt;
}

/**
 * out[b, jj] = Σ_q a[b, q] · rt[j0 + jj, q] for jj < cols (out rows are 2U wide).
 * Register-blocked 2 rows × 4 outputs: each loaded value feeds 2–4 multiply-adds from locals
 * (8 accumulators + 6 operands fit V8's 16 float registers); ~0.5 ns/MAC against ~1 for
 * 2 × 1 blocking and ~6 for the original row-by-row axpy.
 */
function stepMatMul(
  a: Float32Array,
  rt: Float64Array,
  out: Float32Array,
  s: number,
  u: number,
  j0: number,
  cols: number,
): void {
  const stride = 2 * u;
  const cols4 = cols & ~3;
  let b = 0;
  for (; b + 1 < s; b += 2) {
    const a0 = b * u;
    const a1 = a0 + u;
    const r0 = b * stride;
    const r1 = r0 + stride;
    for (let jj = 0; jj < cols4; jj += 4) {
      const o0 = (j0 + jj) * u;
      const o1 = o0 + u;
      const o2 = o1 + u;
      const o3 = o2 + u;
      let s00 = 0,
        s01 = 0,
        s02 = 0,
        s03 = 0,
        s10 = 0,
        s11 = 0,
        s12 = 0,
        s13 = 0; // prettier-ignore
      for (let q = 0; q < u; q++) {
        const x0 = a[a0 + q]!;
        const x1 = a[a1 + q]!;
        const w0 = rt[o0 + q]!;
        const w1 = rt[o1 + q]!;
        const w2 = rt[o2 + q]!;
        const w3 = rt[o3 + q]!;
        s00 += x0 * w0;
        s01 += x0 * w1;
        s02 += x0 * w2;
        s03 += x0 * w3;
        s10 += x1 * w0;
        s11 += x1 * w1;
        s12 += x1 * w2;
        s13 += x1 * w3;
      }
      out[r0 + jj] = s00;
      out[r0 + jj + 1] = s01;
      out[r0 + jj + 2] = s02;
      out[r0 + jj + 3] = s03;
      out[r1 + jj] = s10;
      out[r1 + jj + 1] = s11;
      out[r1 + jj + 2] = s12;
      out[r1 + jj + 3] = s13;
    }
    for (let jj = cols4; jj < cols; jj++) {
      const o = (j0 + jj) * u;
      let s0 = 0;
      let s1 = 0;
      for (let q = 0; q < u; q++) {
        s0 += a[a0 + q]! * rt[o + q]!;
        s1 += a[a1 + q]! * rt[o + q]!;
      }
      out[r0 + jj] = s0;
      out[r1 + jj] = s1;
    }
  }
  if (b < s) {
    const a0 = b * u;
    for (let jj = 0; jj < cols; jj++) {
      const o = (j0 + jj) * u;
      let s0 = 0;
      for (let q = 0; q < u; q++) s0 += a[a0 + q]! * rt[o + q]!;
      out[b * stride + jj] = s0;
    }
  }
}
