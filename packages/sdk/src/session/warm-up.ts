/**
 * The model warm-up `HireNet.create` runs before the first answer (and times per backend when it
 * chooses one): predictions that compile the backend's kernels and warm tfjs' JavaScript. The
 * first calls of a fresh page run that JavaScript cold, so one full-size prediction was one long
 * main-thread task (84-109 ms on the embed page, issue 15). Here the answers grow over several
 * predictions, each its own task, so the page keeps painting and answering input in between.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { HireNetModel } from '../model/hirenet-model.ts';
import type { Vocabulary } from '../text/vocabulary.ts';
import { HireNetError } from '../util/errors.ts';
import type { SessionModality } from './types.ts';

/** Windows per answer of each warm-up prediction: short while the code is cold, then a real answer's 10 s. */
export const WARM_UP_STEPS: readonly number[] = [1, 4, 12, 40];

/**
 * A macrotask boundary without setTimeout's 4 ms clamp on nested timers (the warm-up yields
 * a dozen times in a row, and its time decides the backend).
 */
export function yieldTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/** Small predictions per model, each its own task; throws when the backend gives no finite score. */
export async function warmUp(models: ReadonlyMap<SessionModality, HireNetModel>, vocab: Vocabulary): Promise<void> {
  const word = Array.from(vocab.vectorAt(0));
  for (const steps of WARM_UP_STEPS) {
    for (const model of models.values()) {
      const row = new Array<number>(model.config.inputDim).fill(0);
      const [out] = await model.predict([
        { jobTitle: [word], questions: [[word, word]], answers: [Array.from({ length: steps }, () => row)] },
      ]);
      if (out === undefined || !Number.isFinite(out.score))
        throw new HireNetError('backend-unavailable', `warm-up on ${tf.getBackend()} gave no finite score`);
      await yieldTask();
    }
  }
}
