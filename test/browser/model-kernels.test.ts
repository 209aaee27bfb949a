import { afterAll, describe, expect, it } from 'vitest';
import { closeHarness, withPage } from './harness/index.ts';

interface KernelRun {
  active: string;
  strategy: string | null;
  adapter: unknown;
  fusedInference: boolean;
  fusedWhileRecording: boolean;
  cases: { reverse: boolean; outputs: number; final: number }[];
  fusedMs: number;
  opsMs: number;
  trivialMs: number;
  leaked: number;
}

afterAll(closeHarness);

describe('fused GRU scan kernels in Chromium agree with the per-step op version', () => {
  // webgpu: one compute dispatch per layer (kernels/gru-webgpu.ts); wasm/cpu: the JS loop.
  for (const [backend, strategy] of [
    ['webgpu', undefined],
    ['webgpu', 'unit'],
    ['wasm', undefined],
    ['cpu', undefined],
  ] as const) {
    it(
      [
        `${backend}${backend !== 'webgpu' ? '' : ` (${strategy ?? 'default'} layout)`}: outputs and final`,
        'states within 1e-5 over uneven masks, both directions; no leaks',
      ].join(' '),
      async () => {
        await withPage('bench-kernels.html', async (page) => {
          const r = await page.run<KernelRun>({ backend, strategy });
          console.log(
            [
              `[model-kernels] ${backend} ${r.strategy ?? ''} (adapter ${JSON.stringify(r.adapter)}): fused`,
              `scan ${r.fusedMs.toFixed(1)} ms, per-step ops ${r.opsMs.toFixed(1)} ms, one trivial op +`,
              `readback ${r.trivialMs.toFixed(1)} ms; ${JSON.stringify(r.cases)}`,
            ].join(' '),
          );
          expect(r.active).toBe(backend);
          // Default layout: SwiftShader (this machine's only adapter) gets the barrier-free 'row' one.
          if (backend === 'webgpu') expect(r.strategy).toBe(strategy ?? 'row');
          expect(r.fusedInference).toBe(true);
          // Training must keep a differentiable path: only the JS loop has a gradient.
          expect(r.fusedWhileRecording).toBe(backend !== 'webgpu');
          for (const c of r.cases) {
            expect(c.outputs, `outputs, reverse=${c.reverse}`).toBeLessThan(1e-5);
            expect(c.final, `final, reverse=${c.reverse}`).toBeLessThan(1e-5);
          }
          expect(r.leaked).toBe(0);
          expect(page.errors).toEqual([]);
        });
      },
    );
  }
});
