/**
 * gruLoopForward on the WebAssembly kernel: copies the projections, mask and recurrent kernel
 * into the module's memory, runs every step in one call, copies the states (and, for training,
 * the gate traces) back out. Same layout and contract as the JS loop in gru-loop.ts.
 */
import type { LoopTrace } from '../gru-loop.ts';
import { gruWasm } from './gru-wasm.ts';

/** The scan on the wasm kernel, or null when it cannot run here (no SIMD, or U not a multiple of 16). */
export function wasmGruForward(
  xp: Float32Array,
  mask: Float32Array,
  rk: Float32Array,
  l: number,
  s: number,
  u: number,
  reverse: boolean,
  trace: boolean,
): LoopTrace | null {
  const k = u % 16 === 0 ? gruWasm() : null;
  if (k === null) return null;
  const n = l * s * u;
  const traceLen = trace ? n : s * u;
  // Float offsets: R [U, 3U] | bias [3U] (zeros: xp already holds it) | hp [S, U] | rh [S, U] | g [S, 2U] |
  // mask [L, S] | xp [L, S, 3U] | h | z | r | c. Every block starts on a multiple of 4 floats.
  const align = (x: number): number => (x + 3) & ~3;
  const biasOff = 3 * u * u;
  const hpOff = biasOff + 3 * u;
  const rhOff = hpOff + s * u;
  const gOff = rhOff + s * u;
  const maskOff = gOff + 2 * s * u;
  const xpOff = align(maskOff + l * s);
  const hOff = xpOff + 3 * n;
  const zOff = hOff + n;
  const rOff = zOff + traceLen;
  const cOff = rOff + traceLen;
  const f32 = k.arena(cOff + traceLen);
  f32.set(rk, 0);
  f32.fill(0, biasOff, rhOff);
  f32.set(mask, maskOff);
  f32.set(xp, xpOff);
  k.scan(
    4 * xpOff,
    s * 3 * u,
    3 * u,
    4 * maskOff,
    s,
    1,
    0,
    4 * biasOff,
    4 * hOff,
    s * u,
    u,
    4 * zOff,
    4 * rOff,
    4 * cOff,
    4 * hpOff,
    4 * rhOff,
    4 * gOff,
    l,
    s,
    u,
    reverse ? 1 : 0,
    trace ? 1 : 0,
  );
  return {
    h: f32.slice(hOff, hOff + n),
    z: f32.slice(zOff, zOff + traceLen),
    r: f32.slice(rOff, rOff + traceLen),
    c: f32.slice(cOff, cOff + traceLen),
  };
}

/** gruLoopBackward on the wasm kernel (same contract), or null when it cannot run here. */
export function wasmGruBackward(
  trace: LoopTrace,
  dh: Float32Array,
  mask: Float32Array,
  rk: Float32Array,
  l: number,
  s: number,
  u: number,
  reverse: boolean,
): { dxp: Float32Array; drk: Float32Array } | null {
  const k = u % 16 === 0 ? gruWasm() : null;
  if (k === null) return null;
  const n = l * s * u;
  const su = s * u;
  // Float offsets: Rᵀ [3U, U] | carry | drh | tmp | zero [S, U] each | mask | dh | h | z | r | c | dxp [L, S, 3U] |
  // hpall | rhall | dR [U, 3U].
  const carryOff = 3 * u * u;
  const drhOff = carryOff + su;
  const tmpOff = drhOff + su;
  const zeroOff = tmpOff + su;
  const maskOff = zeroOff + su;
  const dhOff = (maskOff + l * s + 3) & ~3;
  const hOff = dhOff + n;
  const zOff = hOff + n;
  const rOff = zOff + n;
  const cOff = rOff + n;
  const dxpOff = cOff + n;
  const hpOff = dxpOff + 3 * n;
  const rhOff = hpOff + n;
  const drkOff = rhOff + n;
  const f32 = k.arena(drkOff + 3 * u * u);
  const u3 = 3 * u;
  for (let q = 0; q < u; q++) for (let j = 0; j < u3; j++) f32[j * u + q] = rk[q * u3 + j]!;
  f32.fill(0, carryOff, maskOff);
  f32.set(mask, maskOff);
  f32.set(dh, dhOff);
  f32.set(trace.h, hOff);
  f32.set(trace.z, zOff);
  f32.set(trace.r, rOff);
  f32.set(trace.c, cOff);
  k.back(
    4 * dhOff,
    4 * maskOff,
    0,
    4 * hOff,
    4 * zOff,
    4 * rOff,
    4 * cOff,
    4 * dxpOff,
    4 * hpOff,
    4 * rhOff,
    4 * carryOff,
    4 * drhOff,
    4 * tmpOff,
    4 * zeroOff,
    l,
    s,
    u,
    reverse ? 1 : 0,
  );
  k.wgrad(4 * dxpOff, 4 * hpOff, 4 * rhOff, 4 * drkOff, l * s, u);
  return { dxp: f32.slice(dxpOff, dxpOff + 3 * n), drk: f32.slice(drkOff, drkOff + 3 * u * u) };
}

/**
 * One direction of an inference scan: its input kernel [I, 3U], recurrent kernel [U, 3U], bias [3U], and whether it
 * reads t = L−1 … 0.
 */
export interface ScanDirection {
  readonly kernel: Float32Array;
  readonly rk: Float32Array;
  readonly bias: Float32Array;
  readonly reverse: boolean;
}

/**
 * Inference over batch-major data, every direction of a layer in one call sequence: x [S, L, I]
 * is projected by [K_1 | … | K_D] in the kernel (tfjs' own matMul was no faster here, and reading
 * its [S·L, D·3U] result back cost more than copying x in), each direction scans its columns,
 * and h [S, L, D·U] comes back with the directions side by side — the layout attention reads,
 * so nothing is transposed or concatenated afterwards. mask [S, L]. Null when the kernel cannot
 * run here.
 */
export function wasmGruInference(
  x: Float32Array,
  inDim: number,
  mask: Float32Array,
  dirs: readonly ScanDirection[],
  l: number,
  s: number,
  u: number,
): Float32Array | null {
  const k = u % 16 === 0 ? gruWasm() : null;
  if (k === null) return null;
  const d = dirs.length;
  const w = d * 3 * u;
  const n = s * l * d * u;
  // Float offsets: per direction R [U, 3U] + bias [3U] | K [I, D·3U] | hp | rh [S, U] | g [S, 2U] |
  // z | r | c [S, U] | mask [S, L] | x [S·L, I] | xp [S·L, D·3U] | h.
  const perDir = 3 * u * u + 3 * u;
  const kOff = d * perDir;
  const hpOff = kOff + inDim * w;
  const rhOff = hpOff + s * u;
  const gOff = rhOff + s * u;
  const zOff = gOff + 2 * s * u;
  const rOff = zOff + s * u;
  const cOff = rOff + s * u;
  const maskOff = cOff + s * u;
  const xOff = (maskOff + s * l + 3) & ~3;
  const xpOff = (xOff + s * l * inDim + 3) & ~3;
  const hOff = xpOff + s * l * w;
  const f32 = k.arena(hOff + n);
  dirs.forEach((dir, i) => {
    f32.set(dir.rk, i * perDir);
    f32.set(dir.bias, i * perDir + 3 * u * u);
    for (let q = 0; q < inDim; q++) f32.set(dir.kernel.subarray(q * 3 * u, (q + 1) * 3 * u), kOff + q * w + i * 3 * u);
  });
  f32.set(mask, maskOff);
  f32.set(x, xOff);
  k.mm(4 * xOff, 4 * kOff, 4 * xpOff, s * l, inDim, inDim, 1, w, w, w);
  dirs.forEach((dir, i) => {
    f32.fill(0, hpOff, rhOff);
    k.scan(
      4 * (xpOff + i * 3 * u),
      w,
      l * w,
      4 * maskOff,
      1,
      l,
      4 * i * perDir,
      4 * (i * perDir + 3 * u * u),
      4 * (hOff + i * u),
      d * u,
      l * d * u,
      4 * zOff,
      4 * rOff,
      4 * cOff,
      4 * hpOff,
      4 * rhOff,
      4 * gOff,
      l,
      s,
      u,
      dir.reverse ? 1 : 0,
      0,
    );
  });
  return f32.slice(hOff, hOff + n);
}
