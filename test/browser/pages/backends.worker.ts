import * as tf from '@tensorflow/tfjs-core';
import { initBackend, type BackendName } from '../../../packages/sdk/src/backend/backends.ts';
import { runProbe } from '../../../packages/sdk/src/backend/probe.ts';
import { viteWasmPaths } from '../../../packages/sdk/src/backend/wasm-urls.vite.ts';

export interface WorkerProbeResult {
  active: string;
  initMs: number;
  values: number[];
  tensorsBefore: number;
  tensorsAfter: number;
  error?: string;
}

self.onmessage = async (e: MessageEvent<BackendName>) => {
  try {
    const info = await initBackend(e.data, { wasmPaths: viteWasmPaths });
    const tensorsBefore = tf.memory().numTensors;
    const values = await runProbe();
    postMessage({
      active: tf.getBackend(),
      initMs: info.initMs,
      values,
      tensorsBefore,
      tensorsAfter: tf.memory().numTensors,
    } satisfies WorkerProbeResult);
  } catch (err) {
    postMessage({
      active: '',
      initMs: NaN,
      values: [],
      tensorsBefore: 0,
      tensorsAfter: 0,
      error: String(err),
    } satisfies WorkerProbeResult);
  }
};
