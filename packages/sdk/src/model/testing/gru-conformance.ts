/**
 * One conformance check for every GRU execution path (gru-paths.ts): the same inputs — uneven
 * lengths, an empty row and a full one, both directions — through each path available on the active
 * backend, compared with the per-step op version. Node (gru-paths.test.ts) and Chromium
 * (test/browser/model-kernels.test.ts via its page) run this same function.
 */
import * as tf from '@tensorflow/tfjs-core';
import { GRU_PATHS, type GruPathName } from '../gru-paths.ts';
import { gruScanOps, type GruWeights } from '../gru-scan-ops.ts';
import { lengthMask } from '../gru.ts';

export interface PathCheck {
  readonly path: GruPathName;
  /** Available here for inference (no gradient tape), and while a gradient is recorded. */
  readonly available: boolean;
  readonly availableWhileRecording: boolean;
  /** Max |Δ| against the per-step ops over both directions; null when the path is unavailable. */
  readonly outputs: number | null;
  readonly finals: number | null;
  /** Tensors left behind by the path's scan (must be 0). */
  readonly leaked: number;
}

const wave = (shape: number[], seed: number, scale = 0.6): tf.Tensor =>
  tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, k) => scale * Math.sin(seed + k * 0.37)),
    shape,
  );

// Read back asynchronously: a synchronous readback (dataSync) is not available on every webgpu device.
async function maxDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
  const v = (await d.data())[0] ?? Number.NaN;
  d.dispose();
  return v;
}

/** `units` picks which kernels can engage: a multiple of 16 for the wasm kernel, ≤ 256 for webgpu. */
export async function checkGruPaths(units = 32, steps = 60): Promise<PathCheck[]> {
  const [s, i, u] = [6, 13, units];
  const x = wave([s, steps, i], 1) as tf.Tensor3D;
  const lengths = [steps, 17, 0, 1, Math.floor(steps / 2), steps - 1];
  const mask = lengthMask(Int32Array.from(lengths), steps);
  const dirs: GruWeights[] = [0, 1].map((d) => ({
    kernel: wave([i, 3 * u], 2 + d, 0.3),
    recurrentKernel: wave([u, 3 * u], 3 + d, 0.3),
    bias: wave([3 * u], 4 + d),
  }));
  const reverse = [false, true];
  // The model runs every path inside tf.tidy; so do the checks, keeping only what a scan returns.
  const expected = tf.tidy(() => {
    const e = dirs.map((w, d) => gruScanOps(x, mask, w, reverse[d]));
    return [
      tf.concat(
        e.map((r) => r.outputs),
        2,
      ),
      ...e.map((r) => r.final),
    ];
  });
  const expectedOutputs = expected[0]!;
  const checks: PathCheck[] = [];
  for (const p of GRU_PATHS) {
    tf.engine().state.gradientDepth++; // what tf.grad sets while it records
    const availableWhileRecording = p.available(u);
    tf.engine().state.gradientDepth--;
    const available = p.available(u);
    if (!available) {
      checks.push({ path: p.name, available, availableWhileRecording, outputs: null, finals: null, leaked: 0 });
      continue;
    }
    const before = tf.memory().numTensors;
    const [out, ...finalStates] = tf.tidy(() => {
      const r = p.scan(x, mask, dirs, reverse);
      return [r.outputs, ...r.finals];
    });
    const outputs = await maxDiff(out!, expectedOutputs);
    let finals = 0;
    for (const [d, f] of finalStates.entries()) finals = Math.max(finals, await maxDiff(f, expected[d + 1]!));
    tf.dispose([out!, ...finalStates]);
    // A path's own intermediates must not outlive its scan.
    const leaked = tf.memory().numTensors - before;
    checks.push({ path: p.name, available, availableWhileRecording, outputs, finals, leaked });
  }
  tf.dispose([x, mask, ...expected, ...dirs.flatMap((w) => [w.kernel, w.recurrentKernel, w.bias])]);
  return checks;
}
