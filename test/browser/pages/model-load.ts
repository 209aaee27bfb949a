// Loads a saved HireNet over fetch and scores interviews (test/browser/model-load.test.ts).
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../../../packages/sdk/src/backend/backends.ts';
import { HireNetError } from '@hirenet/sdk';
import { loadModel, type InterviewInput } from '@hirenet/sdk/model';
import { exposeRun } from '../harness/page.ts';

exposeRun(async ({ url, interviews }: { url: string; interviews: InterviewInput[] }) => {
  await initBackend('cpu');
  const before = tf.memory().numTensors;
  try {
    const model = await loadModel(url);
    const outputs = await model.predict(interviews);
    model.dispose();
    return { ok: true, outputs, leaked: tf.memory().numTensors - before };
  } catch (err) {
    return {
      ok: false,
      code: err instanceof HireNetError ? err.code : 'other',
      message: String(err),
      leaked: tf.memory().numTensors - before,
    };
  }
});
