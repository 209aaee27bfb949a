// The GRU dispatch table (packages/sdk/src/model/gru-paths.ts) walked on one backend in Chromium
// (test/browser/model-kernels.test.ts): every available path against the per-step ops, plus the
// time of the selected path and of the per-step ops for one 240-step scan.
import * as tf from '@tensorflow/tfjs-core';
import { initBackend, type BackendName } from '../../../packages/sdk/src/backend/backends.ts';
import { viteWasmPaths } from '../../../packages/sdk/src/backend/wasm-urls.vite.ts';
import { selectGruPath } from '../../../packages/sdk/src/model/gru-paths.ts';
import { gruScanOps, lengthMask } from '../../../packages/sdk/src/model/gru.ts';
import {
  setWebgpuGruStrategy,
  webgpuGruStrategy,
  type GruScanStrategy,
} from '../../../packages/sdk/src/model/kernels/gru-webgpu.ts';
import { checkGruPaths } from '../../../packages/sdk/src/model/testing/gru-conformance.ts';
import { exposeRun } from '../harness/page.ts';

const wave = (shape: number[], seed: number, scale = 0.6): tf.Tensor =>
  tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, k) => scale * Math.sin(seed + k * 0.37)),
    shape,
  );

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
  const start = tf.memory().numTensors;
  const checks = await checkGruPaths(32, 240);
  const [s, l, i, u] = [6, 240, 45, 32];
  const x = wave([s, l, i], 1) as tf.Tensor3D;
  const mask = lengthMask(Int32Array.of(240, 17, 0, 1, 150, 239), l);
  const w = { kernel: wave([i, 3 * u], 2, 0.3), recurrentKernel: wave([u, 3 * u], 3, 0.3), bias: wave([3 * u], 4) };
  const selected = selectGruPath(u);
  const selectedMs: number[] = [];
  const opsMs: number[] = [];
  for (let k = 0; k < 3; k++) {
    selectedMs.push(await timeScan(() => tf.tidy(() => selected.scan(x, mask, [w], [false]).outputs)));
    opsMs.push(await timeScan(() => tf.tidy(() => gruScanOps(x, mask, w).outputs)));
  }
  // Fixed cost on this backend: one trivial op on the same data plus the readback.
  const trivial: number[] = [];
  for (let k = 0; k < 3; k++) trivial.push(await timeScan(() => tf.tidy(() => tf.add(x, 1))));
  tf.dispose([x, mask, w.kernel, w.recurrentKernel, w.bias]);
  return {
    active: tf.getBackend(),
    strategy: backend === 'webgpu' ? webgpuGruStrategy() : null,
    adapter: (tf.backend() as { adapterInfo?: unknown }).adapterInfo ?? null,
    selected: selected.name,
    checks,
    selectedMs: Math.min(...selectedMs),
    opsMs: Math.min(...opsMs),
    trivialMs: Math.min(...trivial),
    leaked: tf.memory().numTensors - start,
  };
});
