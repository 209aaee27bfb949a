import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { availableBackends, BackendUnavailableError, initBackend } from './backends.ts';
import { probeReference, runProbe } from './probe.ts';

function maxAbsDiff(a: readonly number[], b: readonly number[]): number {
  expect(a.length).toBe(b.length);
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
}

describe('tfjs backends in Node', () => {
  for (const name of ['cpu', 'wasm'] as const) {
    it(`${name} initialises and matches a float64 matMul+tanh+sigmoid within 1e-5, leaking no tensor`, async () => {
      const info = await initBackend(name);
      expect(info.name).toBe(name);
      expect(tf.getBackend()).toBe(name);
      const before = tf.memory().numTensors;
      const got = await runProbe();
      expect(tf.memory().numTensors).toBe(before);
      expect(maxAbsDiff(got, probeReference())).toBeLessThan(1e-5);
    });
  }

  it('webgl is reported unavailable in Node with a typed error naming the backend', async () => {
    const err = await initBackend('webgl').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendUnavailableError);
    expect((err as BackendUnavailableError).backend).toBe('webgl');
  });

  it('availableBackends finds cpu and wasm and restores the active backend', async () => {
    await initBackend('cpu');
    const found = (await availableBackends()).map((b) => b.name);
    expect(found).toEqual(expect.arrayContaining(['cpu', 'wasm']));
    expect(found).not.toContain('webgl');
    expect(tf.getBackend()).toBe('cpu');
  });
});
