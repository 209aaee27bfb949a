import { afterAll, describe, expect, it } from 'vitest';
import { closeHarness, sharedMissing, withPage } from './index.ts';

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

  it('explains which ../shared files are missing', () => {
    expect(sharedMissing('no/such/file.bin')).toContain('no/such/file.bin');
  });
});
