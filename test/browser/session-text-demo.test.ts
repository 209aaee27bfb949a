/**
 * The demo's words (packages/demo, production build with a fusion model that has a text member):
 * the consent screen's "my words too" box re-renders the notice; the answer screen's transcript
 * panel takes a pasted WebVTT transcript after a recorded answer and says on-device recognition is
 * unavailable here (with the SDK's reason); the report shows the words with key words marked, a
 * transcript track and the lexical measurements. Only 127.0.0.1, never a request body.
 */
import { describe, expect, it } from 'vitest';
import { useDemoSite } from './demo-site.ts';
import { recordAnswer } from './demo-steps.ts';
import { sharedMissing } from './harness/index.ts';
import { CLIP, FACE_MODEL, type RecordedRequest, recordedPage, serveStatic } from './session-fixtures.ts';
import { textFusionModel } from './session-text-fixtures.ts';

const missing = sharedMissing(CLIP, FACE_MODEL);
if (missing) console.warn(`[session-text-demo] ${missing}`);

const VTT = [
  'WEBVTT',
  '',
  '00:00.300 --> 00:01.800',
  'Um, I designed the release pipeline',
  '',
  '00:02.000 --> 00:03.000',
  'and, like, tested it.',
].join('\n');

/** Emotion and trait labels the UI must never use (as demo-flow.test.ts). */
const EMOTION_WORDS =
  /\b(anxious|anxiety|nervous|confiden\w*|happy|sad|angry|anger|fear\w*|stress(ed)?|calm|bored|excited|honest\w*)\b/i;

function leaks(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter(
    (r) =>
      r.hasBody ||
      !['GET', 'HEAD'].includes(r.method) ||
      (!/^(data|blob):/.test(r.url) && new URL(r.url).hostname !== '127.0.0.1'),
  );
}

describe.skipIf(missing !== undefined)('the demo with the words (production build)', () => {
  const demo = useDemoSite(serveStatic, { model: textFusionModel, timeout: 600_000 });

  it('consent with words → recorded answer + pasted WebVTT → report with key words, track, lexical items', async () => {
    const { context, page, requests, errors } = await recordedPage(demo.browser, {
      viewport: { width: 1200, height: 900 },
    });
    try {
      await page.goto(`${demo.site.origin}/?backend=wasm`);
      await page.locator('body[data-screen=consent]').waitFor({ timeout: 60_000 });
      const notice = page.locator('.notice');
      expect(await page.getByTestId('consent-words').isChecked()).toBe(true);
      expect(await notice.innerText()).toContain('Your words');
      await page.getByTestId('consent-words').uncheck();
      expect(await notice.innerText()).not.toContain('Your words');
      expect(await page.locator('label[for=consent-check]').innerText()).not.toContain('words');
      await page.getByTestId('consent-words').check();
      expect(await page.locator('label[for=consent-check]').innerText()).toContain('the words you say');
      await page.locator('#consent-check').check();
      await page.getByTestId('consent-start').click();
      await page.locator('body[data-screen=role]').waitFor();
      await page.getByTestId('role-continue').click();
      await page.locator('body[data-screen=record]').waitFor({ timeout: 180_000 });

      await recordAnswer(page, { index: 0, seconds: 3.5 });
      await page.locator('[data-testid=transcript-panel] summary').click();
      // Chromium here has no on-device recogniser for the language: the box stays off and says why.
      await expect
        .poll(() => page.locator('[data-testid=transcript-panel]').innerText(), { timeout: 15_000 })
        .toMatch(/not available here: .*server recognition is never used/);
      expect(await page.getByTestId('listen').isDisabled()).toBe(true);
      await page.getByTestId('transcript-text').fill('WEBVTT\n\n00:02.000 --> 00:01.000\nbad');
      await page.getByTestId('transcript-use').click();
      await expect.poll(() => page.getByTestId('transcript-status').innerText()).toMatch(/could not be used: line 3/);
      await page.getByTestId('transcript-text').fill(VTT);
      await page.getByTestId('transcript-use').click();
      await expect
        .poll(() => page.getByTestId('transcript-status').innerText())
        .toBe('Question 1: 10 words with times (vtt).');

      await page.getByTestId('finish').click();
      await page.locator('body[data-report=ready]').waitFor({ timeout: 120_000 });
      const answer = page.locator('[data-testid=report] .hn-answer[data-answer="0"]');
      const words = answer.getByTestId('transcript');
      expect(await words.locator('.hn-transcript-text').innerText()).toContain('I designed the release pipeline');
      expect(await words.getByTestId('key-word').count()).toBeGreaterThan(0);
      // The transcript track is a chart among the answer's tracks (same time axis and cursor).
      const track = answer.locator('.hn-chart-plot[aria-label^="Transcript track"]');
      expect(await track.getAttribute('aria-label')).toContain('10 words');
      await expect.poll(() => track.locator('canvas').count(), { timeout: 10_000 }).toBe(1);
      const measured = (await answer.locator('.hn-answer-feedback').textContent()) ?? ''; // inside a closed <details>
      expect(measured).toMatch(/filler words[\s\S]*“like” ×1[\s\S]*“um” ×1/);
      expect(measured).toMatch(/words per minute/);
      expect((await page.locator('body').innerText()).match(EMOTION_WORDS)).toBeNull();
      expect(errors).toEqual([]);
      expect(leaks(requests)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 600_000);
});
