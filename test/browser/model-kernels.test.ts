/**
 * The GRU dispatch table (packages/sdk/src/model/gru-paths.ts) in Chromium: on each backend the
 * page walks every path with the same conformance check as Node (model/testing/gru-conformance.ts)
 * — the paths Node cannot run (webgpu) are checked here.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { PathCheck } from '../../packages/sdk/src/model/testing/gru-conformance.ts';
import { closeHarness, withPage } from './harness/index.ts';

interface KernelRun {
  active: string;
  strategy: string | null;
  adapter: unknown;
  selected: string;
  checks: PathCheck[];
  selectedMs: number;
  opsMs: number;
  trivialMs: number;
  leaked: number;
}

afterAll(closeHarness);

/** Per backend: the paths that must be available for inference, and the one gruScan selects. */
const CASES = [
  { backend: 'webgpu', strategy: undefined, paths: ['webgpu', 'ops'], selected: 'webgpu' },
  { backend: 'webgpu', strategy: 'unit', paths: ['webgpu', 'ops'], selected: 'webgpu' },
  {
    backend: 'wasm',
    strategy: undefined,
    paths: ['wasm-inference', 'fused-wasm', 'fused-js', 'ops'],
    selected: 'wasm-inference',
  },
  {
    backend: 'cpu',
    strategy: undefined,
    paths: ['wasm-inference', 'fused-wasm', 'fused-js', 'ops'],
    selected: 'wasm-inference',
  },
] as const;

describe('GRU dispatch table in Chromium: every path agrees with the per-step ops', () => {
  for (const c of CASES) {
    const label = `${c.backend}${c.backend !== 'webgpu' ? '' : ` (${c.strategy ?? 'default'} layout)`}`;
    it(`${label}: paths ${c.paths.join(', ')} within 1e-5 over uneven masks, both directions; no leaks`, async () => {
      await withPage('model-kernels.html', async (page) => {
        const r = await page.run<KernelRun>({ backend: c.backend, strategy: c.strategy });
        console.log(
          [
            `[model-kernels] ${label} (adapter ${JSON.stringify(r.adapter)}): ${r.selected}`,
            `${r.selectedMs.toFixed(1)} ms, per-step ops ${r.opsMs.toFixed(1)} ms, one trivial op + readback`,
            `${r.trivialMs.toFixed(1)} ms; ${JSON.stringify(r.checks)}`,
          ].join(' '),
        );
        expect(r.active).toBe(c.backend);
        // Default layout: SwiftShader (this machine's only adapter) gets the barrier-free 'row' one.
        if (c.backend === 'webgpu') expect(r.strategy).toBe(c.strategy ?? 'row');
        expect(r.selected).toBe(c.selected);
        expect(r.checks.filter((k) => k.available).map((k) => k.path)).toEqual(c.paths);
        for (const k of r.checks.filter((p) => p.available)) {
          expect(k.outputs, `${k.path} outputs`).toBeLessThan(1e-5);
          expect(k.finals, `${k.path} final states`).toBeLessThan(1e-5);
          expect(k.leaked, `${k.path} leaked`).toBe(0);
        }
        // Training needs a gradient: the GPU kernel and the inference kernel are never offered under a tape.
        const underTape = r.checks.filter((k) => k.availableWhileRecording).map((k) => k.path);
        expect(underTape).not.toContain('webgpu');
        expect(underTape).not.toContain('wasm-inference');
        expect(r.leaked).toBe(0);
        expect(page.errors).toEqual([]);
      });
    });
  }
});
