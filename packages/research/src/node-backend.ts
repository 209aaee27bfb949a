import * as tf from '@tensorflow/tfjs-core';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';

/** Node has the pure-JS cpu backend and the wasm one (no native tfjs-node: nothing to download). */
export async function initBackendNode(name: string): Promise<void> {
  if (name === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
  else if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  else throw new HireNetError('usage', `--backend must be cpu or wasm in Node, got ${name}`);
  if (!(await tf.setBackend(name)))
    throw new HireNetError('backend-unavailable', `the ${name} backend did not initialise`);
  await tf.ready();
}
