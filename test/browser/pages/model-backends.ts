// Scores the same random HireNet on one tfjs backend (test/browser/model-backends.test.ts).
import * as tf from '@tensorflow/tfjs-core';
import { initBackend, type BackendName } from '../../../packages/sdk/src/backend/backends.ts';
import { viteWasmPaths } from '../../../packages/sdk/src/backend/wasm-urls.vite.ts';
import { HireNetModel } from '@hirenet/sdk/model';
import { exposeRun } from '../harness/page.ts';
import { batchInterviews, initOptions, modelConfig, modelSeed } from './model-shared.ts';

exposeRun(async ({ backend, repeats }: { backend: BackendName; repeats: number }) => {
  await initBackend(backend, { wasmPaths: viteWasmPaths });
  const interviews = batchInterviews();
  const tensorsAtStart = tf.memory().numTensors;
  const model = HireNetModel.random(modelConfig, modelSeed, initOptions);
  const tensorsWithModel = tf.memory().numTensors;
  const times: number[] = [];
  let outputs = await model.predict(interviews);
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    outputs = await model.predict(interviews);
    times.push(performance.now() - t0);
  }
  const tensorsAfterPredict = tf.memory().numTensors;
  model.dispose();
  return {
    active: tf.getBackend(),
    outputs,
    medianMs: times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN,
    tensorsAtStart,
    tensorsWithModel,
    tensorsAfterPredict,
    tensorsAfterDispose: tf.memory().numTensors,
  };
});
