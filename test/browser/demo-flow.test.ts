/**
 * The self-practice demo (packages/demo/index.html), production build, driven like a candidate
 * would: consent → preset role → two recorded answers from a fake camera/mic playing a real
 * clip → redo one → an uploaded recording for a third → report → "Delete everything". A second
 * test serves the same build without the face model and expects the audio-only path. Every
 * request (pages and workers) is recorded: only 127.0.0.1, never a body.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, type TestContext } from 'vitest';
import { useDemoSite } from './demo-site.ts';
import { consentAndRole, recordAnswer, waitStored } from './demo-steps.ts';
import { repoRoot, sharedMissing, sharedPath, skipUnless } from './harness/index.ts';
import { CLIP, FACE_MODEL, serveStatic, workDir, recordedPage, type RecordedRequest } from './session-fixtures.ts';

/** A second real clip, uploaded as a file answer (H.264 + AAC). */
const UPLOAD = 'fixtures/video/vrt_face_5.mp4';
const SHOTS = join(repoRoot, 'test-results/demo');
const SCORE_LABEL = 'Experimental demo-model estimate — not a hiring measure';
/** Emotion and trait labels the UI must never use (EU AI Act Art. 5(1)(f)); movement words are fine. */
const EMOTION_WORDS = new RegExp(
  String.raw`\b(anxious|anxiety|nervous|confident|confidence|happy|happiness|sad|angry|anger|fear\w*|stress(ed)?|` +
    String.raw`calm|bored|enthusias\w*|excited|frustrat\w*|joy\w*|disgust\w*|surprised|contempt\w*|honest\w*|` +
    String.raw`emotional)\b`,
  'i',
);

// The build and the fake camera need these; each test also names what it reads (skipUnless).
const missing = sharedMissing(CLIP, FACE_MODEL);
if (missing) console.warn(`[demo-flow] ${missing}`);

type Recorded = RecordedRequest;

/** Requests that left 127.0.0.1 or carried a body: both must be empty. */
function leaks(requests: readonly Recorded[]): { foreign: Recorded[]; withBody: Recorded[] } {
  const foreign = requests.filter((r) => !/^(data|blob):/.test(r.url) && new URL(r.url).hostname !== '127.0.0.1');
  return { foreign, withBody: requests.filter((r) => r.hasBody || !['GET', 'HEAD'].includes(r.method)) };
}

async function shot(page: Page, ctx: TestContext, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`[demo-flow] screenshot ${path}`);
  await ctx.annotate(`screenshot: ${name}`, { path, contentType: 'image/png' });
  return path;
}

const status = (page: Page): Promise<string> => page.getByTestId('record-status').innerText();

/** A take of `seconds`: the timer shows the time recorded before it is stopped. */
function timed(seconds: number): (page: Page) => Promise<void> {
  return async (page) =>
    expect(await page.getByTestId('timer').innerText()).toMatch(new RegExp(`^0:0[${Math.max(1, seconds - 1)}-9]$`));
}

describe('demo (index.html, production build)', () => {
  const demo = useDemoSite(serveStatic, { skip: missing !== undefined });

  it(
    'full flow: consent → preset → 2 answers + redo + upload → report with score label, charts, key ' +
      'moments, feedback → delete empties IndexedDB; only 127.0.0.1, no request body',
    async (ctx) => {
      skipUnless(ctx, CLIP, FACE_MODEL, UPLOAD);
      const t0 = performance.now();
      const { context, page, requests, errors } = await recordedPage(demo.browser, {
        viewport: { width: 1200, height: 900 },
      });
      const texts: string[] = [];
      try {
        await page.goto(`${demo.site.origin}/?backend=wasm`);
        await page.locator('body[data-screen=consent]').waitFor({ timeout: 30_000 });
        // Nothing stored and no camera opened before consent.
        expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
        await expect
          .poll(() => page.locator('body').getAttribute('data-loaded'), { timeout: 120_000 })
          .toBe('audio+video');
        expect(await page.locator('.consent').innerText()).toContain('not a hiring measure');
        texts.push(await page.locator('body').innerText());
        await shot(page, ctx, 'consent');
        await consentAndRole(page);

        // Live indicators: the fake camera shows a face, the fake mic speaks.
        await expect.poll(() => page.getByTestId('face').getAttribute('data-face'), { timeout: 30_000 }).toBe('yes');
        await expect
          .poll(async () => Number(await page.getByTestId('level').getAttribute('data-level')), { timeout: 15_000 })
          .toBeGreaterThan(0.1);

        await recordAnswer(page, { index: 0, seconds: 4, during: timed(4) });
        await page.getByTestId('next').click();
        await page.getByTestId('record-toggle').click();
        await page.waitForTimeout(2500);
        // While an answer records, the indicator shows the session's own frames (one face analyser at a time).
        expect(await page.getByTestId('face').getAttribute('data-source')).toBe('answer');
        expect(await page.getByTestId('face').getAttribute('data-face')).toBe('yes');
        await shot(page, ctx, 'recording');
        await page.waitForTimeout(1500);
        await page.getByTestId('record-toggle').click();
        await waitStored(page, 2);
        // Redo answer 2: the new take replaces the first one.
        expect(await page.getByTestId('face').getAttribute('data-source')).toBe('preview');
        await recordAnswer(page, { index: 1, seconds: 4, start: 'redo', during: timed(4) });
        expect(await page.locator('.answer-list li').nth(1).innerText()).toContain('take 2');
        // Question 3 from an uploaded recording, analysed on the device.
        await page.getByTestId('upload-2').setInputFiles(sharedPath(UPLOAD));
        await waitStored(page, 3, 120_000);
        expect(await status(page)).toMatch(/analysed: voice and face/);
        texts.push(await page.locator('body').innerText());
        await shot(page, ctx, 'record');

        await page.getByTestId('finish').click();
        await page.locator('body[data-report=ready]').waitFor({ timeout: 120_000 });
        const report = page.getByTestId('report');
        await page.locator('[data-testid=report][data-charts=ready]').waitFor({ timeout: 10_000 });
        // The report leads with observable feedback; the estimate is last, closed, its spread stated.
        expect(await report.locator('.hn-report > *').nth(1).innerText()).not.toMatch(/estimate/i);
        expect(await report.locator('.hn-report > *').last().getAttribute('data-testid')).toBe('score-details');
        expect(await report.getByTestId('score').isVisible()).toBe(false);
        await report.getByTestId('score-reveal').click();
        expect(await report.getByTestId('score-spread').innerText()).toMatch(/by up to \d+ points out of 100/);
        expect(await report.locator('.hn-score-label').innerText()).toBe(SCORE_LABEL);
        const score = Number((await report.getByTestId('score').innerText()).match(/^\d+/)?.[0]);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(await report.locator('.hn-qbar-fill').count()).toBe(3);
        for (const i of [0, 1, 2]) {
          const a = report.locator(`.hn-answer[data-answer="${i}"]`);
          // Attention + 5 descriptor tracks (voice and face), each a uPlot canvas.
          await expect.poll(() => a.locator('.hn-chart canvas').count(), { timeout: 10_000 }).toBe(6);
          expect(
            (await a.getByTestId('key-moment').count()) + (await a.getByTestId('no-key-moments').count()),
          ).toBeGreaterThan(0);
        }
        expect(await report.locator('.hn-answer[data-answer="3"]').innerText()).toContain('Not answered');
        const moments = await report.getByTestId('key-moment').count();
        expect(await report.locator('.hn-feedback').first().innerText()).toMatch(/speaking rate[\s\S]*blink rate/);
        texts.push(await page.locator('body').innerText());
        await shot(page, ctx, 'report');
        const warnings = await report.locator('.hn-warnings li').allInnerTexts();

        // Delete everything: the database, the current-session key, and back to the start.
        expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual(['hirenet']);
        await page.getByTestId('delete-all').click();
        await page.locator('body[data-deleted="1"]').waitFor({ timeout: 30_000 });
        expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
        expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hirenet')))).toEqual([]);
        expect(await page.locator('body').getAttribute('data-screen')).toBe('consent');

        for (const t of texts) expect(t.match(EMOTION_WORDS)).toBeNull();
        expect(errors).toEqual([]);
        expect(leaks(requests)).toEqual({ foreign: [], withBody: [] });
        console.log(
          [
            `[demo-flow] full flow in ${((performance.now() - t0) / 1000).toFixed(1)} s: score ${score},`,
            `${moments} key moments, ${warnings.length} warnings shown, ${requests.length} requests, all`,
            '127.0.0.1 GET/HEAD without body',
          ].join(' '),
        );
      } catch (e) {
        await shot(page, ctx, 'failure').catch(() => undefined);
        throw e;
      } finally {
        await context.close();
      }
    },
  );

  it('without the face model: the demo says audio-only, loads no face analysis, and still reports', async (ctx) => {
    skipUnless(ctx, CLIP, FACE_MODEL);
    const t0 = performance.now();
    // The same build, served without hirenet/face_landmarker.task.gz (as on a machine without ../shared).
    const bare = join(workDir(), 'dist-no-face');
    cpSync(demo.dist, bare, { recursive: true, filter: (src) => !src.endsWith('face_landmarker.task.gz') });
    const noFace = await serveStatic(bare);
    const { context, page, requests, errors } = await recordedPage(demo.browser, {
      viewport: { width: 1200, height: 900 },
    });
    try {
      await page.goto(`${noFace.origin}/?backend=wasm`);
      await page.getByTestId('audio-only').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('audio-only').innerText()).toContain('scripts/fetch-face-model.sh');
      // The notice names the voice only and drops the face section.
      expect(await page.locator('.notice').innerText()).not.toContain('Your face');
      await expect.poll(() => page.locator('body').getAttribute('data-loaded'), { timeout: 120_000 }).toBe('audio');
      await consentAndRole(page);
      expect(await page.getByTestId('face').getAttribute('data-face')).toBe('off');
      await recordAnswer(page, { index: 0, seconds: 3, during: timed(3) });
      expect(await status(page)).toMatch(/analysed: voice\)/);
      await page.getByTestId('finish').click();
      await page.locator('body[data-report=ready]').waitFor({ timeout: 120_000 });
      const report = page.getByTestId('report');
      await page.locator('[data-testid=report][data-charts=ready]').waitFor({ timeout: 10_000 });
      await report.getByTestId('score-reveal').click();
      expect(await report.locator('.hn-score-label').innerText()).toBe(SCORE_LABEL);
      expect(await report.locator('.hn-answer[data-answer="0"] .hn-meta').innerText()).toContain('audio only');
      // Attention + 3 voice tracks; the face tracks are absent, not zero.
      await expect
        .poll(() => report.locator('.hn-answer[data-answer="0"] .hn-chart canvas').count(), { timeout: 10_000 })
        .toBe(4);
      await shot(page, ctx, 'report-audio-only');
      expect(errors).toEqual([]);
      expect(requests.filter((r) => /mediapipe|face_landmarker/.test(r.url) && r.method !== 'HEAD')).toEqual([]);
      expect(leaks(requests)).toEqual({ foreign: [], withBody: [] });
      console.log(`[demo-flow] audio-only flow in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } finally {
      await context.close();
      await noFace.close();
    }
  });
});
