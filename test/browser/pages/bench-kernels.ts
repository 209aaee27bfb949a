// The fused GRU scan kernel against the per-step op version on one backend
// (test/browser/model-kernels.test.ts), plus the time of each for one 240-step scan.
import * as tf from '@tensorflow/tfjs-core';
import { initBackend, type BackendName } from '../../../packages/sdk/src/backend/backends.ts';
import { viteWasmPaths } from '../../../packages/sdk/src/backend/wasm-urls.vite.ts';
import { fusedGruScan, fusedScanAvailable } from '../../../packages/sdk/src/model/fused-gru.ts';
import {
  setWebgpuGruStrategy,
  webgpuGruStrategy,
  type GruScanStrategy,
} from '../../../packages/sdk/src/model/kernels/gru-webgpu.ts';
import { gruScanOps, lengthMask } from '../../../packages/sdk/src/model/gru.ts';
import { exposeRun } from '../harness/page.ts';

const wave = (shape: number[], seed: number, scale = 0.6): tf.Tensor =>
  tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, k) => scale * Math.sin(seed + k * 0.37)),
    shape,
  );

async function maxDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
  const v = (await d.data())[0] ?? NaN;
  d.dispose();
  return v;
}

async function timeScan(run: () => tf.Tensor): Promise<number> {
  const t0 = performance.now();
  const y = run();
  await y.data();
  y.dispose();
  return performance.now() - t0;
}

exposeRun(async ({ backend, strategy }: { backend: BackendName; strategy?: GruScanStrategy }) => {
  await initBackend(backend, { wasmPaths: viteWasmPaths });
  setWebgpuGruStrategy(strategy ?? 'auto');
  const [s, l, i, u] = [6, 240, 45, 32];
  const x = wave([s, l, i], 1) as tf.Tensor3D;
  // Uneven lengths, an empty row and a full one: every masking path.
  const mask = lengthMask(Int32Array.of(240, 17, 0, 1, 150, 239), l);
  const w = { kernel: wave([i, 3 * u], 2, 0.3), recurrentKernel: wave([u, 3 * u], 3, 0.3), bias: wave([3 * u], 4) };
  const start = tf.memory().numTensors;
  const cases: { reverse: boolean; outputs: number; final: number }[] = [];
  for (const reverse of [false, true]) {
    const [fo, ff, oo, of] = tf.tidy(() => {
      const f = fusedGruScan(x, mask, w, reverse);
      const o = gruScanOps(x, mask, w, reverse);
      return [f.outputs, f.final, o.outputs, o.final];
    }) as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
    cases.push({ reverse, outputs: await maxDiff(fo, oo), final: await maxDiff(ff, of) });
    tf.dispose([fo, ff, oo, of]);
  }
  const fusedMs: number[] = [];
  const opsMs: number[] = [];
  for (let k = 0; k < 3; k++) {
    fusedMs.push(await timeScan(() => tf.tidy(() => fusedGruScan(x, mask, w).outputs)));
    opsMs.push(await timeScan(() => tf.tidy(() => gruScanOps(x, mask, w).outputs)));
  }
  // Fixed cost on this backend: one trivial op on the same data plus the readback.
  const trivial: number[] = [];
  for (let k = 0; k < 3; k++) trivial.push(await timeScan(() => tf.tidy(() => tf.add(x, 1))));
  let fusedWhileRecording = true;
  // What tf.grad sets while recording (the page has no gradient functions registered to call it).
  tf.engine().state.gradientDepth++;
  fusedWhileRecording = fusedScanAvailable(u);
  tf.engine().state.gradientDepth--;
  const leaked = tf.memory().numTensors - start;
  tf.dispose([x, mask, ...Object.values(w)]);
  return {
    active: tf.getBackend(),
    strategy: backend === 'webgpu' ? webgpuGruStrategy() : null,
    adapter: (tf.backend() as { adapterInfo?: unknown }).adapterInfo ?? null,
    fusedInference: fusedScanAvailable(u),
    fusedWhileRecording,
    cases,
    fusedMs: Math.min(...fusedMs),
    opsMs: Math.min(...opsMs),
    trivialMs: Math.min(...trivial),
    leaked,
  };
});
