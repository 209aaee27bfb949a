/**
 * The first step of `backend: 'auto'`: a backend must be active before the model is loaded
 * (weights are created on it). The timing itself is backend/select.ts `selectBackend`, run on
 * a prediction of the loaded model once it exists (hirenet.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { availableBackends, BackendUnavailableError, initBackend, type BackendName } from '../backend/backends.ts';
import type { BackendChoice } from './options.ts';

/**
 * Makes a backend active; returns the candidates to time once the model is loaded. A requested
 * backend that fails falls back to timing all the others (`fallbackFrom`).
 */
export async function initialBackend(choice: BackendChoice, wasmPaths: string): Promise<{ active: BackendName; candidates: BackendName[]; fallbackFrom?: BackendName }> {
  if (choice !== 'auto') {
    try {
      await initBackend(choice, { wasmPaths });
      return { active: choice, candidates: [choice] };
    } catch (e) {
      if (!(e instanceof BackendUnavailableError)) throw e;
      const found = await availableBackends({ wasmPaths });
      if (found.length === 0) throw e;
      return { active: tf.getBackend() as BackendName, candidates: found.map((b) => b.name), fallbackFrom: choice };
    }
  }
  const found = await availableBackends({ wasmPaths });
  if (found.length === 0) throw new BackendUnavailableError('cpu', 'no tfjs backend initialises in this browser');
  return { active: tf.getBackend() as BackendName, candidates: found.map((b) => b.name) };
}
