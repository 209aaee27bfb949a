import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { BackendUnavailableError } from './backends.ts';
import { selectBackend } from './select.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('selectBackend (backend: auto)', () => {
  for (const slow of ['cpu', 'wasm'] as const) {
    it(`keeps the faster backend active when ${slow} is made slow`, async () => {
      const calls: string[] = [];
      const sel = await selectBackend({
        candidates: ['cpu', 'wasm'],
        runs: 3,
        warmup: async () => {
          calls.push(tf.getBackend());
          await sleep(tf.getBackend() === slow ? 60 : 1);
        },
      });
      const fast = slow === 'cpu' ? 'wasm' : 'cpu';
      expect(sel.selected).toBe(fast);
      expect(tf.getBackend()).toBe(fast);
      // One compiling call plus `runs` timed calls per candidate, each on its own backend.
      expect(calls).toEqual(['cpu', 'cpu', 'cpu', 'cpu', 'wasm', 'wasm', 'wasm', 'wasm']);
      const slowTiming = sel.timings.find((t) => t.name === slow);
      expect(slowTiming !== undefined && 'medianMs' in slowTiming && slowTiming.medianMs).toBeGreaterThanOrEqual(50);
    });
  }

  it('a near-tie keeps the earlier candidate; margin 0 takes the strictly faster one', async () => {
    // wasm listed first; cpu 5 % faster: inside the default 20 % margin, so wasm stays (long sleeps and
    // a median of 3 keep timer jitter on a loaded machine well below the margin).
    const warmup = async (): Promise<void> => sleep(tf.getBackend() === 'wasm' ? 200 : 190);
    const sel = await selectBackend({ candidates: ['wasm', 'cpu'], runs: 3, warmup });
    expect(sel.selected).toBe('wasm');
    const strict = await selectBackend({
      candidates: ['wasm', 'cpu'],
      runs: 1,
      margin: 0,
      warmup: async () => sleep(tf.getBackend() === 'wasm' ? 80 : 20),
    });
    expect(strict.selected).toBe('cpu');
  });

  it('skips a backend that does not initialise here and reports why', async () => {
    const sel = await selectBackend({ candidates: ['webgl', 'cpu'], runs: 1 });
    expect(sel.selected).toBe('cpu');
    const webgl = sel.timings.find((t) => t.name === 'webgl');
    expect(webgl !== undefined && 'error' in webgl).toBe(true);
  });

  it('times a real HireNet warm-up by default and leaks no tensor', async () => {
    const before = tf.memory().numTensors;
    const sel = await selectBackend({ candidates: ['wasm', 'cpu'], runs: 1 });
    expect(['wasm', 'cpu']).toContain(sel.selected);
    expect(sel.timings).toHaveLength(2);
    for (const t of sel.timings) expect('medianMs' in t && t.medianMs > 0).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('throws a typed error when no candidate can run the warm-up', async () => {
    const err = await selectBackend({ candidates: ['cpu'], warmup: () => Promise.reject(new Error('boom')) }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BackendUnavailableError);
    expect(String(err)).toContain('boom');
  });
});
