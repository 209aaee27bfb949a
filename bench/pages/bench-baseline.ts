/**
 * The "before": a stock tf.layers Bidirectional(GRU(32)) over the same 240×45 answers,
 * with tfjs-layers defaults (hardSigmoid recurrent activation, per-step ops). Node and Chromium.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { benchConfig, timeRuns, WINDOWS, type TimingResult } from './bench-workload.ts';

export interface BaselineResult {
  readonly backend: string;
  readonly answers1: TimingResult;
  readonly answers6: TimingResult;
}

export async function benchBaseline(runs: number): Promise<BaselineResult> {
  const model = tfl.sequential({
    layers: [
      tfl.layers.bidirectional({
        layer: tfl.layers.gru({ units: 32, recurrentInitializer: 'glorotUniform' }) as tfl.RNN,
        inputShape: [WINDOWS, benchConfig.inputDim],
      }),
    ],
  });
  const input = (n: number): tf.Tensor => tf.randomNormal([n, WINDOWS, benchConfig.inputDim], 0, 1, 'float32', 3);
  const x1 = input(1);
  const x6 = input(6);
  const run = (x: tf.Tensor) => async (): Promise<void> => {
    const y = model.predict(x) as tf.Tensor;
    await y.data();
    y.dispose();
  };
  try {
    return {
      backend: tf.getBackend(),
      answers1: await timeRuns(run(x1), runs),
      answers6: await timeRuns(run(x6), runs),
    };
  } finally {
    tf.dispose([x1, x6]);
    model.dispose();
  }
}
