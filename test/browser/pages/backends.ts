// Initialises one tfjs backend and runs the probe computation on it (test/browser/backends.test.ts).
import * as tf from '@tensorflow/tfjs-core';
import { initBackend, type BackendName } from '../../../packages/sdk/src/backend/backends.ts';
import { runProbe } from '../../../packages/sdk/src/backend/probe.ts';
import { viteWasmPaths } from '../../../packages/sdk/src/backend/wasm-urls.vite.ts';
import { exposeRun } from '../harness/page.ts';

exposeRun(async ({ backend }: { backend: BackendName }) => {
  const info = await initBackend(backend, { wasmPaths: viteWasmPaths });
  const tensorsBefore = tf.memory().numTensors;
  const t0 = performance.now();
  const values = await runProbe();
  const firstRunMs = performance.now() - t0;
  const t1 = performance.now();
  await runProbe();
  const secondRunMs = performance.now() - t1;
  return {
    active: tf.getBackend(),
    initMs: info.initMs,
    firstRunMs,
    secondRunMs,
    values,
    tensorsBefore,
    tensorsAfter: tf.memory().numTensors,
  };
});
