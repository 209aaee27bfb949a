/**
 * Host text cannot reorder the demo's own labels: a job title and a question that start with
 * U+202E (RIGHT-TO-LEFT OVERRIDE) go through the demo (production build under its CSP, vite
 * preview) to the report, and through analyze.html; the label text beside them must still
 * render left to right. Measured on the layout (character boxes of the neighbouring text), with
 * an unisolated control paragraph showing that the same measure sees the reordering.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sharedMissing, sharedPath } from './harness/index.ts';
import { collectCspViolations, startDemoServer } from './demo-servers.ts';
import { useDemoSite } from './demo-site.ts';
import { CLIP, FACE_MODEL } from './session-fixtures.ts';

const missing = sharedMissing(CLIP, FACE_MODEL);
if (missing) console.warn(`[demo-bidi] ${missing}`);

const TITLE = '\u202Eevil corp';
const QUESTIONS = ['\u202Eevil question?', 'What would you improve in your last team?'];

/**
 * Page-side measure (a string, so the page runs exactly this): for the text node `which`
 * ('after' or 'before') of the first <bdi> in `sel` (no <bdi>: its last or first child), whether
 * its first visible character is drawn left of its last one, i.e. the label reads left to right.
 */
const ORDER = [
  `(([sel, which]) => {
  const el = document.querySelector(sel);
  if (el === null) return`,
  `'missing ' + sel;
  const bdi = el.querySelector('bdi');
  const node = bdi === null ? (which`,
  "=== 'after' ? el.lastChild : el.firstChild) : which === 'after' ? bdi.nextSibling :",
  `bdi.previousSibling;
  if (node === null || node.nodeType !== Node.TEXT_NODE) return 'no text '`,
  `+ which + ' the host text in ' + sel;
  const text = node.textContent;
  const first =`,
  `text.search(/\\S/);
  const last = text.length - 1 -`,
  `text.split('').reverse().join('').search(/\\S/);
  const range = document.createRange();
  const`,
  'x = (i) => { range.setStart(node, i); range.setEnd(node, i + 1); return',
  `range.getBoundingClientRect().left; };
  return { text: text.trim(), isolated: bdi !== null,`,
  `leftToRight: x(first) < x(last) };
})`,
].join(' ');

type Order = { text: string; isolated: boolean; leftToRight: boolean } | string;
const order = (page: Page, sel: string, which: 'after' | 'before'): Promise<Order> =>
  page.evaluate(`${ORDER}(${JSON.stringify([sel, which])})`);

describe.skipIf(missing !== undefined)('bidi isolation of host text (production build under its CSP)', () => {
  const demo = useDemoSite((dist) => startDemoServer('preview', dist), {
    // analyze.html fetches its recordings from its own origin (connect-src 'self'): a temp copy.
    prepare: (dist) => cpSync(sharedPath(CLIP), join(dist, 'bidi-clip.mp4')),
  });

  it('demo: a U+202E job title and question leave the record screen and report labels in order', async () => {
    const ctx = await demo.browser.newContext({ viewport: { width: 1200, height: 900 } });
    const violations = await collectCspViolations(ctx);
    const page = await ctx.newPage();
    try {
      await page.goto(`${demo.site.origin}/?backend=wasm`);
      await page.locator('#consent-check').check({ timeout: 60_000 });
      await page.getByTestId('consent-start').click();
      await page.locator('body[data-screen=role]').waitFor();
      await page.locator('input[name=role][value=custom]').check();
      await page.locator('#custom-title').fill(TITLE);
      await page.locator('#custom-questions').fill(QUESTIONS.join('\n'));
      await page.getByTestId('role-continue').click();
      await page.locator('body[data-screen=record]').waitFor({ timeout: 120_000 });

      expect(await page.getByTestId('question').getAttribute('dir')).toBe('auto');
      expect(await page.getByTestId('question').textContent()).toBe(QUESTIONS[0]);
      // "1. " before the isolated question, and the status beside the button, both in order.
      expect(await order(page, '.answer-list li:first-child button', 'before')).toEqual({
        text: '1.',
        isolated: true,
        leftToRight: true,
      });
      expect(await order(page, '.answer-list li:first-child .status', 'after')).toEqual({
        text: 'not answered yet',
        isolated: false,
        leftToRight: true,
      });

      await page.getByTestId('record-toggle').click();
      await page.locator('.rec-badge:not([hidden])').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(3000);
      await page.getByTestId('record-toggle').click();
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid=record-status]')?.textContent?.startsWith('Answer 1 stored') === true,
        undefined,
        { timeout: 60_000 },
      );
      await page.getByTestId('finish').click();
      await page.locator('body[data-report=ready]').waitFor({ timeout: 120_000 });

      const meta = '.hn-report header .hn-meta';
      expect(await order(page, meta, 'before')).toEqual({ text: 'Role:', isolated: true, leftToRight: true });
      expect(await order(page, meta, 'after')).toMatchObject({
        text: expect.stringMatching(/^· 1 of 2 questions answered · \d+ key moments?$/),
        isolated: true,
        leftToRight: true,
      });
      expect(await page.locator(`${meta} bdi`).textContent()).toBe(TITLE);
      expect(await page.locator('.hn-qbar-label bdi').first().textContent()).toBe(QUESTIONS[0]);
      expect(await page.locator('.hn-answer[data-answer="0"] bdi.hn-question').textContent()).toBe(QUESTIONS[0]);

      // Control: the same words without isolation are reordered, and the measure sees it.
      await page.evaluate(
        ([title]) => {
          const p = document.createElement('p');
          p.id = 'control';
          p.append('Role: ', title!, ' · 1 of 2 questions answered');
          document.body.append(p);
        },
        [TITLE],
      );
      expect(await order(page, '#control', 'after')).toMatchObject({ isolated: false, leftToRight: false });
      expect(violations).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('analyze.html: a U+202E job title and file name are isolated in the title and the report', async () => {
    const ctx = await demo.browser.newContext();
    const violations = await collectCspViolations(ctx);
    const page = await ctx.newPage();
    try {
      await page.goto(`${demo.site.origin}/analyze.html`);
      await page.waitForFunction(() => typeof window.hirenetAnalyze === 'function');
      const shown: string[] = [];
      // The status line while the file is analysed: the file name must sit in a <bdi>.
      await page.exposeFunction('bidiStatus', (html: string) => shown.push(html));
      await page.evaluate(() => {
        const status = document.getElementById('status')!;
        const report = (window as unknown as { bidiStatus: (h: string) => void }).bidiStatus;
        new MutationObserver(() => void report(status.innerHTML)).observe(status, { childList: true });
      });
      const files = [{ url: '/bidi-clip.mp4', name: '\u202Eclip.mp4' }];
      const args = { jobTitle: TITLE, questions: [QUESTIONS[0]!], files, audioOnly: false };
      const out = await page.evaluate((a) => window.hirenetAnalyze!(a), args);
      expect(out).toMatchObject({ ok: true });
      expect(shown.some((h) => h.includes('(<bdi dir="auto">\u202Eclip.mp4</bdi>)…'))).toBe(true);
      expect(await page.title()).toBe(`HireNet report — \u2068${TITLE}\u2069`);
      expect(await order(page, '.hn-report header .hn-meta', 'before')).toEqual({
        text: 'Role:',
        isolated: true,
        leftToRight: true,
      });
      expect(await order(page, '.hn-report header .hn-meta', 'after')).toMatchObject({
        isolated: true,
        leftToRight: true,
      });
      expect(violations).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
