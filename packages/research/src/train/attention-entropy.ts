import * as tf from '@tensorflow/tfjs-core';

/**
 * Mean normalised entropy of answer attention over one batch: −Σ α log α / ln T per answer,
 * averaged over answers with at least two windows (0 = all weight on one window, 1 = uniform).
 * Added to the loss with a small weight it makes attention choose windows: without it the BiGRU
 * can carry an event's evidence to every later (forward) and earlier (backward) step, so diffuse
 * attention classifies as well as attention on the event, and nothing pulls it there.
 */
export function meanAttentionEntropy(attention: tf.Tensor2D, answerLengths: Int32Array): tf.Scalar {
  const [slots] = attention.shape;
  const norms = new Float32Array(slots);
  let counted = 0;
  answerLengths.forEach((len, i) => {
    if (i < slots && len >= 2) {
      norms[i] = 1 / Math.log(len);
      counted++;
    }
  });
  if (counted === 0) return tf.scalar(0);
  // Padding weights are exactly 0; 0 · log(0 + ε) is 0, so only real windows count.
  const perAnswer = tf.neg(tf.sum(tf.mul(attention, tf.log(tf.add(attention, 1e-12))), 1));
  return tf.div(tf.sum(tf.mul(perAnswer, tf.tensor1d(norms))), counted) as tf.Scalar;
}
