/**
 * What a candidate does on the practice demo (index.html), as the demo's browser tests drive it:
 * consent, the preset role, recording an answer, waiting until it is stored. One copy, so a change
 * to the demo's screens is followed in one place.
 */
import type { Page } from 'playwright-core';

/** Waits until the record screen says answer `n` (1-based) is stored. */
export async function waitStored(page: Page, n: number, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (k) =>
      document.querySelector('[data-testid=record-status]')?.textContent?.startsWith(`Answer ${k} stored`) === true,
    n,
    { timeout },
  );
}

/** Consent (the start button stays disabled until the box is ticked), then the first preset role. */
export async function consentAndRole(page: Page): Promise<void> {
  await page.locator('body[data-screen=consent]').waitFor({ timeout: 30_000 });
  // Fails (times out) unless the start button is disabled before the box is ticked. No vitest here: the bench's
  // practice-page visit (bench/lib/bytes-practice.ts) takes these steps too.
  await page.locator('[data-testid=consent-start]:disabled').waitFor({ timeout: 5_000 });
  await page.locator('#consent-check').check();
  await page.getByTestId('consent-start').click();
  await page.locator('body[data-screen=role]').waitFor();
  await page.getByTestId('role-continue').click(); // first preset: Software engineer
  await page.locator('body[data-screen=record]').waitFor({ timeout: 120_000 });
}

export interface AnswerStep {
  /** 0-based index of the answer on the record screen. */
  readonly index: number;
  readonly seconds: number;
  /** The button that starts it: a first take, or a redo of the current question. */
  readonly start?: 'record-toggle' | 'redo';
  /** Checks made while the answer records, just before it is stopped. */
  readonly during?: (page: Page) => Promise<void>;
}

/** Records one live answer from the fake camera and mic, stops it and waits until it is stored. */
export async function recordAnswer(page: Page, step: AnswerStep): Promise<void> {
  await page.getByTestId(step.start ?? 'record-toggle').click();
  await page.locator('.rec-badge:not([hidden])').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(step.seconds * 1000);
  await step.during?.(page);
  await page.getByTestId('record-toggle').click();
  await waitStored(page, step.index + 1);
}
