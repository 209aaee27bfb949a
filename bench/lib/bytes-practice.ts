/**
 * What the practice demo (index.html) downloads, cold, as a candidate uses it: page load → consent →
 * the preset role → one live answer from the fake camera and mic, stored (test/browser/demo-steps.ts,
 * the steps the demo's own browser tests take). Requests by the page and its workers are counted per
 * path (HEADs apart: the demo asks whether the face model is served, no body), then weighed like the
 * embed page's (bytes.ts).
 */
import type { Browser } from 'playwright-core';
import { consentAndRole, recordAnswer } from '../../test/browser/demo-steps.ts';
import { countRequests, type FlowServer } from './page-flow.ts';

export interface PracticeVisit {
  readonly page: string;
  /** GET requests per same-origin path (or full URL for another origin), HTTP-cache hits included. */
  readonly requests: Record<string, number>;
  /** What the page said it loaded (body[data-loaded]: 'audio+video', or 'audio' without a face model). */
  readonly loaded: string | null;
}

const PAGE = '?backend=wasm';

export async function visitPractice(browser: Browser, site: FlowServer, seconds = 3): Promise<PracticeVisit> {
  const context = await browser.newContext();
  const { gets: requests } = countRequests(context, site.origin);
  try {
    const page = await context.newPage();
    await page.goto(`${site.origin}/${PAGE}`);
    await page.waitForFunction(() => document.body.dataset['loaded'] !== undefined, undefined, { timeout: 120_000 });
    const loaded = (await page.locator('body').getAttribute('data-loaded')) ?? null;
    await consentAndRole(page);
    await recordAnswer(page, { index: 0, seconds });
    return { page: `index.html${PAGE} (consent, role, one ${seconds}-s answer stored)`, requests, loaded };
  } finally {
    await context.close();
  }
}
