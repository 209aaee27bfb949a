import { afterAll, describe, expect, it } from 'vitest';
import { closeHarness, sharedMissing, skipUnless, withPage } from './index.ts';

afterAll(closeHarness);

describe('harness', () => {
  it('records requests from the page and its workers, with and without a body, all same-origin', async () => {
    await withPage('harness-selftest.html', async (page) => {
      expect(await page.run({ throwLater: false })).toEqual({ workerStatus: 204 });
      const fromWorker = page.requests.find((r) => r.url.endsWith('/favicon.ico?from=worker'));
      const fromPage = page.requests.find((r) => r.url.endsWith('/favicon.ico?from=page'));
      expect(fromWorker).toMatchObject({ method: 'POST', hasBody: true });
      expect(fromPage).toMatchObject({ method: 'GET', hasBody: false });
      expect(page.requests.some((r) => r.resourceType === 'websocket')).toBe(false);
      expect(page.externalRequests()).toEqual([]);
      expect(page.errors).toEqual([]);
    });
  });

  it('collects uncaught page errors', async () => {
    await withPage('harness-selftest.html', async (page) => {
      await page.run({ throwLater: true });
      await page.page.waitForTimeout(100);
      expect(page.errors.join('\n')).toContain('deliberate uncaught error');
    });
  });

  it('explains which ../shared files are missing; skipUnless skips only then (throws under CI=true)', () => {
    expect(sharedMissing('no/such/file.bin')).toContain('no/such/file.bin');
    const calls: [boolean, string | undefined][] = [];
    const ctx = { skip: (condition: boolean, note?: string) => void calls.push([condition, note]) };
    if (process.env['CI'] === 'true') {
      expect(() => skipUnless(ctx, 'no/such/file.bin')).toThrow(/CI must not skip: .*no\/such\/file\.bin/);
      calls.push([true, 'no/such/file.bin']);
    } else skipUnless(ctx, 'no/such/file.bin');
    expect(calls).toEqual([[true, expect.stringContaining('no/such/file.bin')]]);
    if (sharedMissing('README.md') === undefined) {
      skipUnless(ctx, 'README.md');
      expect(calls).toHaveLength(1);
    }
  });
});
