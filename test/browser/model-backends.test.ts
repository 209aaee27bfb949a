import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HireNetModel, type InterviewOutput } from '@hirenet/sdk/model';
import { closeHarness, withPage } from './harness/index.ts';
import { batchInterviews, initOptions, modelConfig, modelSeed } from './pages/model-shared.ts';

interface ModelRun {
  active: string;
  outputs: InterviewOutput[];
  medianMs: number;
  tensorsAtStart: number;
  tensorsWithModel: number;
  tensorsAfterPredict: number;
  tensorsAfterDispose: number;
}

const TOL = 1e-4;

/** Largest |a − b| over every score and attention weight; shapes must match exactly. */
function maxDiff(a: InterviewOutput[], b: InterviewOutput[]): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  a.forEach((x, i) => {
    const y = b[i]!;
    worst = Math.max(worst, Math.abs(x.score - y.score));
    expect(x.questionAttention.length).toBe(y.questionAttention.length);
    x.questionAttention.forEach((w, q) => (worst = Math.max(worst, Math.abs(w - y.questionAttention[q]!))));
    expect(x.answerAttention.map((r) => r.length)).toEqual(y.answerAttention.map((r) => r.length));
    x.answerAttention.forEach((row, q) =>
      row.forEach((w, t) => (worst = Math.max(worst, Math.abs(w - y.answerAttention[q]![t]!)))),
    );
  });
  return worst;
}

afterAll(closeHarness);

describe('HireNet on every tfjs backend in Chromium', () => {
  // The same model scored by tfjs-cpu in this Node process: the browser's cpu run must match it too.
  let nodeCpu: InterviewOutput[] = [];
  let browserCpu: InterviewOutput[] | undefined;

  beforeAll(async () => {
    await tf.setBackend('cpu');
    const model = HireNetModel.random(modelConfig, modelSeed, initOptions);
    nodeCpu = await model.predict(batchInterviews());
    model.dispose();
  });

  for (const backend of ['cpu', 'wasm', 'webgl', 'webgpu'] as const) {
    it(
      [
        `${backend}: scores and attention of a padded uneven batch agree with cpu within ${TOL}, no`,
        'tensor leaks',
      ].join(' '),
      async () => {
        await withPage('model-backends.html', async (page) => {
          const r = await page.run<ModelRun>({ backend, repeats: 2 });
          const vsCpu = browserCpu === undefined ? 0 : maxDiff(r.outputs, browserCpu);
          const vsNode = maxDiff(r.outputs, nodeCpu);
          console.log(
            [
              `[model-backends] ${backend}: median predict ${r.medianMs.toFixed(0)} ms; max |Δ| vs browser cpu`,
              `${vsCpu.toExponential(1)}, vs Node cpu ${vsNode.toExponential(1)}`,
            ].join(' '),
          );
          expect(r.active).toBe(backend);
          expect(r.outputs).toHaveLength(nodeCpu.length);
          // A score that is NaN or 0.5 everywhere would "agree"; make sure the model says something.
          expect(new Set(r.outputs.map((o) => o.score.toFixed(4))).size).toBeGreaterThan(1);
          expect(vsNode).toBeLessThan(TOL);
          if (backend === 'cpu') browserCpu = r.outputs;
          else {
            expect(browserCpu, 'the cpu case runs first and provides the baseline').toBeDefined();
            expect(vsCpu).toBeLessThan(TOL);
          }
          expect(r.tensorsAfterPredict).toBe(r.tensorsWithModel);
          expect(r.tensorsAfterDispose).toBe(r.tensorsAtStart);
          expect(page.externalRequests()).toEqual([]);
          expect(page.errors).toEqual([]);
        });
      },
    );
  }
});
