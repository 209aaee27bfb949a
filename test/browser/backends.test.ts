import { afterAll, describe, expect, it } from 'vitest';
import { probeReference } from '../../packages/sdk/src/backend/probe.ts';
import { closeHarness, withPage } from './harness/index.ts';

interface BackendRun {
  active: string;
  initMs: number;
  firstRunMs: number;
  secondRunMs: number;
  values: number[];
  tensorsBefore: number;
  tensorsAfter: number;
}

afterAll(closeHarness);

describe('tfjs backends in Chromium', () => {
  const reference = probeReference();
  let cpu: number[] | undefined;

  for (const backend of ['cpu', 'wasm', 'webgl', 'webgpu'] as const) {
    it(
      [
        `${backend} initialises, agrees with cpu and float64 within 1e-5, leaks no tensor, fetches`,
        'nothing external',
      ].join(' '),
      async () => {
        await withPage('backends.html', async (page) => {
          const r = await page.run<BackendRun>({ backend });
          console.log(
            [
              `[backends] ${backend}: init ${r.initMs.toFixed(0)} ms, first probe ${r.firstRunMs.toFixed(1)}`,
              `ms, second ${r.secondRunMs.toFixed(1)} ms`,
            ].join(' '),
          );
          expect(r.active).toBe(backend);
          expect(r.tensorsAfter).toBe(r.tensorsBefore);
          expect(r.values).toHaveLength(reference.length);
          r.values.forEach((v, i) => expect(Math.abs(v - reference[i]!)).toBeLessThan(1e-5));
          if (backend === 'cpu') cpu = r.values;
          else {
            expect(cpu, 'the cpu case runs first and provides the baseline').toBeDefined();
            r.values.forEach((v, i) => expect(Math.abs(v - cpu![i]!)).toBeLessThan(1e-5));
          }
          if (backend === 'wasm') expect(page.requests.some((q) => q.url.endsWith('.wasm'))).toBe(true);
          expect(page.externalRequests()).toEqual([]);
          expect(page.errors).toEqual([]);
        });
      },
    );
  }

  // The model will run off the main thread: every backend must also initialise in a module worker.
  for (const backend of ['cpu', 'wasm', 'webgl', 'webgpu'] as const) {
    it(`${backend} also initialises in a module worker and agrees with float64 within 1e-5`, async () => {
      await withPage('backends-worker.html', async (page) => {
        const r = await page.run<BackendRun & { error?: string }>({ backend });
        console.log(`[backends] ${backend} in a worker: init ${r.initMs.toFixed(0)} ms`);
        expect(r.error).toBeUndefined();
        expect(r.active).toBe(backend);
        expect(r.tensorsAfter).toBe(r.tensorsBefore);
        expect(r.values).toHaveLength(reference.length);
        r.values.forEach((v, i) => expect(Math.abs(v - reference[i]!)).toBeLessThan(1e-5));
        expect(page.externalRequests()).toEqual([]);
        expect(page.errors).toEqual([]);
      });
    });
  }
});
