/**
 * Helpers of the live-room browser tests: fake camera/mic files made from a real clip at test time
 * (never committed) and small readers of the live-room pages' DOM.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { sharedPath, type PageOptions } from './harness/index.ts';
import { runFfmpeg } from './harness/tools.ts';

export const LIVE_CLIP = 'fixtures/video/talk_f1.mp4';
export const LIVE_MODEL = 'models/face_landmarker.task';

let tmp: string | undefined;

/**
 * Chromium options with a fake camera and microphone playing the clip (loops), at `size` (e.g.
 * '320:240'; small frames keep several encoders affordable on 2 cores), optionally cut to
 * `seconds`. Also allows peer connections on loopback (PLATFORM-NOTES: none connect without it).
 */
export function liveMedia(size: string, seconds?: number): PageOptions {
  tmp ??= mkdtempSync(join(tmpdir(), 'hirenet-live-'));
  const stem = join(tmp, `${size.replace(':', 'x')}-${seconds ?? 'all'}`);
  const cut = seconds === undefined ? [] : ['-t', String(seconds)];
  const ff = (...args: string[]): void => runFfmpeg('-i', sharedPath(LIVE_CLIP), ...cut, ...args);
  const video = `${stem}.y4m`;
  const audio = `${stem}.wav`;
  if (!existsSync(video)) ff('-vf', `scale=${size}`, '-pix_fmt', 'yuv420p', video);
  if (!existsSync(audio)) ff('-vn', '-ac', '1', '-ar', '48000', '-c:a', 'pcm_s16le', audio);
  return { fakeMedia: { video, audio }, args: ['--allow-loopback-in-peer-connection'] };
}

/** Removes the generated media (call from afterAll). */
export function cleanLiveMedia(): void {
  if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
}

let diagnose: () => Promise<string> = async () => '';
/** What a timeout's message should add (e.g. every page's peer-connection states). */
export function onTimeoutDescribe(f: () => Promise<string>): void {
  diagnose = f;
}

/** Polls `f` until it returns something other than undefined/false. */
export async function waitFor<T>(
  what: string,
  f: () => Promise<T | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await f();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - t0 > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${await diagnose()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The candidate's mirror: one JSON line per cue message sent. */
export const sentLines = (p: Page): Promise<string[]> =>
  p.$eval('#sent', (el) => (el.textContent ?? '').split('\n').filter((l) => l !== ''));

/** The interviewer's received cue lines from one candidate. */
export const receivedLines = (p: Page, name: string): Promise<string[]> =>
  p.$$eval(`#cues span[data-from="${name}"]`, (els) => els.map((e) => (e.textContent ?? '').trimEnd()));

/** A <video>'s decoded width and the frames the page counted (requestVideoFrameCallback); null when absent. */
export const videoOf = (p: Page, sel: string): Promise<{ width: number; frames: number } | null> =>
  p
    .$eval(sel, (v) => ({
      width: (v as HTMLVideoElement).videoWidth,
      frames: Number((v as HTMLVideoElement).dataset['frames']),
    }))
    .catch(() => null);

/** Selector of the interviewer's tile for a candidate. */
export const tile = (name: string): string => `[data-testid="tile"][data-name="${name}"]`;

/** Presses "suggest" in a follow-ups panel (selector `panel`) and waits until it lists suggestions; their texts. */
export async function suggestFollowUps(p: Page, panel: string): Promise<string[]> {
  await p.click(`${panel} [data-testid="suggest"]`);
  return waitFor('suggestions listed', async () => {
    const t = await p.$$eval(`${panel} [data-testid="follow-ups"] li`, (els) => els.map((e) => e.textContent ?? ''));
    return t.length > 0 ? t : undefined;
  });
}
