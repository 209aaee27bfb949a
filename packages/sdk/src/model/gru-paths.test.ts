import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../backend/backends.ts';
import { GRU_PATHS, selectGruPath } from './gru-paths.ts';
import { checkGruPaths } from './testing/gru-conformance.ts';

describe('GRU dispatch table (gru-paths.ts) in Node', () => {
  for (const backend of ['cpu', 'wasm'] as const) {
    it(`${backend}: every path Node can run agrees with the per-step ops within 1e-5, leaking nothing`, async () => {
      await initBackend(backend);
      const checks = await checkGruPaths(32);
      expect(checks.map((c) => c.path)).toEqual(GRU_PATHS.map((p) => p.name));
      const ran = checks.filter((c) => c.available).map((c) => c.path);
      // webgpu has no adapter in Node; it is checked in Chromium (test/browser/model-kernels.test.ts).
      expect(ran).toEqual(['wasm-inference', 'fused-wasm', 'fused-js', 'ops']);
      for (const c of checks.filter((k) => k.available)) {
        expect(c.outputs, `${c.path} outputs`).toBeLessThan(1e-5);
        expect(c.finals, `${c.path} final states`).toBeLessThan(1e-5);
        expect(c.leaked, `${c.path} leaked tensors`).toBe(0);
      }
      // A path without a gradient must never be offered while one is recorded (training).
      for (const c of checks) {
        const differentiable = GRU_PATHS.find((p) => p.name === c.path)!.differentiable;
        if (!differentiable) expect(c.availableWhileRecording, c.path).toBe(false);
      }
    });
  }

  it('selects the wasm kernel for inference, the fused loop under a tape, the JS loop off U%16', async () => {
    await initBackend('cpu');
    expect(selectGruPath(32).name).toBe('wasm-inference');
    expect(selectGruPath(20).name).toBe('fused-js');
    tf.engine().state.gradientDepth++;
    try {
      expect(selectGruPath(32).name).toBe('fused-wasm');
    } finally {
      tf.engine().state.gradientDepth--;
    }
  });

  it('off the wasm kernel (U = 20) the JS loop still agrees', async () => {
    await initBackend('cpu');
    const checks = await checkGruPaths(20, 30);
    const ran = checks.filter((c) => c.available);
    expect(ran.map((c) => c.path)).toEqual(['fused-js', 'ops']);
    for (const c of ran) expect(Math.max(c.outputs!, c.finals!), c.path).toBeLessThan(1e-5);
  });
});
