import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { meanAttentionEntropy } from './attention-entropy.ts';
import { attentionSharpness } from './attention-hits.ts';

describe('attention entropy and sharpness', () => {
  it('is 1 for uniform attention and 0 for one window, ignoring padding and one-window answers', async () => {
    await tf.setBackend('cpu');
    const attention = tf.tensor2d([
      [0.25, 0.25, 0.25, 0.25, 0],
      [0, 1, 0, 0, 0],
      [1, 0, 0, 0, 0],
    ]);
    const both = meanAttentionEntropy(attention, Int32Array.from([4, 5, 1]));
    expect(both.dataSync()[0]).toBeCloseTo(0.5, 5);
    const uniform = meanAttentionEntropy(tf.tensor2d([[0.5, 0.5, 0]]), Int32Array.from([2]));
    expect(uniform.dataSync()[0]).toBeCloseTo(1, 5);
    expect(meanAttentionEntropy(tf.tensor2d([[1]]), Int32Array.from([1])).dataSync()[0]).toBe(0);
  });

  it('reports the median peak and mean entropy of answer attention', () => {
    const s = attentionSharpness([[0.25, 0.25, 0.25, 0.25], [0.7, 0.1, 0.1, 0.1], [0.9, 0.1], [1]]);
    expect(s.answers).toBe(3);
    expect(s.medianPeak).toBeCloseTo(0.7);
    expect(s.meanNormalisedEntropy).toBeLessThan(1);
    expect(s.meanEntropy).toBeCloseTo(
      (Math.log(4) - (0.7 * Math.log(0.7) + 0.3 * Math.log(0.1)) - (0.9 * Math.log(0.9) + 0.1 * Math.log(0.1))) / 3,
      5,
    );
  });
});
