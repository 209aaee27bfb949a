/**
 * The GRU loop alone (gru-loop.ts) at the answer encoder's shape, one direction: ns per
 * recurrent multiply-add, in CPU time (process.cpuUsage) because wall time on this shared
 * machine mostly measures the other tenants. SIMD kernel vs the JS fallback.
 */
import { gruLoopForward } from '../../packages/sdk/src/model/gru-loop.ts';
import { setSimdEnabled } from '../../packages/sdk/src/model/kernels/gru-wasm.ts';

export interface LoopResult {
  readonly shape: { steps: number; rows: number; units: number };
  /** CPU ms per forward scan, and ns per recurrent MAC (3U² per row-step), inference mode. */
  readonly simd: { ms: number; nsPerMac: number } | null;
  readonly js: { ms: number; nsPerMac: number };
}

function measure(
  xp: Float32Array,
  mask: Float32Array,
  rk: Float32Array,
  l: number,
  s: number,
  u: number,
  reps: number,
): { ms: number; nsPerMac: number } {
  for (let i = 0; i < 5; i++) gruLoopForward(xp, mask, rk, l, s, u, false, false);
  const c0 = process.cpuUsage();
  for (let i = 0; i < reps; i++) gruLoopForward(xp, mask, rk, l, s, u, false, false);
  const c = process.cpuUsage(c0);
  const ms = (c.user + c.system) / 1000 / reps;
  return { ms, nsPerMac: (ms * 1e6) / (l * s * 3 * u * u) };
}

export function benchLoop(reps: number): LoopResult {
  const [l, s, u] = [240, 6, 32];
  const xp = Float32Array.from({ length: l * s * 3 * u }, (_, k) => 0.5 * Math.sin(k));
  const mask = new Float32Array(l * s).fill(1);
  const rk = Float32Array.from({ length: 3 * u * u }, (_, k) => 0.2 * Math.cos(k));
  const simd = measure(xp, mask, rk, l, s, u, reps);
  setSimdEnabled(false);
  try {
    return { shape: { steps: l, rows: s, units: u }, simd, js: measure(xp, mask, rk, l, s, u, reps) };
  } finally {
    setSimdEnabled(true);
  }
}
