/**
 * The session API browser tests' shared page runner: session/session.html driven step by step with
 * the tiny model and a fake camera from a real clip, every run checked to send nothing off the
 * harness origin. Used by session-api.test.ts (consent, persistence, deletion) and
 * session-channels.test.ts (a channel missing or failing, backends).
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { closeHarness, sharedMissing, withPage, type PageOptions } from './harness/index.ts';
import type { PageStep } from './page-steps.ts';
import { cleanWorkDir, CLIP, FACE_MODEL, fakeMedia, sessionAssets, type SessionAssetUrls } from './session-fixtures.ts';

/** Why the session API tests cannot run here (a ../shared file missing), or undefined. */
export const missing = sharedMissing(CLIP, FACE_MODEL);

export type Out = PageStep;
export interface Run {
  tensorsBefore: number;
  tensorsAfterClose: number;
  fatal?: { code: string; message: string };
  modalities: string[];
  backend: string;
  loadWarnings: string[];
  out: Out[];
  events: { type: string; code?: string; answer?: number; present?: boolean }[];
  eventLog: { type: string; [k: string]: unknown }[];
}

let assets: SessionAssetUrls | undefined;
let camera: PageOptions | undefined;

/** Registers the suite's set-up (assets, fake camera) and tear-down; call inside the describe. */
export function useSessionPages(): void {
  beforeAll(() => {
    assets = sessionAssets();
    camera = { fakeMedia: fakeMedia() };
  });
  afterAll(async () => {
    await closeHarness();
    cleanWorkDir();
  });
}

export function pageAssets(): SessionAssetUrls {
  if (assets === undefined) throw new Error('useSessionPages() first');
  return assets;
}

export function cameraOptions(): PageOptions {
  if (camera === undefined) throw new Error('useSessionPages() first');
  return camera;
}

export function run(
  args: Record<string, unknown>,
  opts: PageOptions = cameraOptions(),
  fn?: (h: Parameters<Parameters<typeof withPage>[1]>[0], r: Run) => Promise<void>,
): Promise<Run> {
  return withPage(
    'session/session.html',
    async (h) => {
      const r = await h.run<Run>({ assets: pageAssets(), ...args });
      expect(foreign(h)).toEqual([]);
      expect(h.requests.filter((q) => q.hasBody)).toEqual([]);
      await fn?.(h, r);
      return r;
    },
    opts,
  );
}

/**
 * Requests that left the harness origin, except the Vite dev server's own socket (harness plumbing; the
 * production-build test in session-embed has none).
 */
export function foreign(h: { externalRequests(): { url: string; resourceType: string }[] }): unknown[] {
  return h
    .externalRequests()
    .filter((q) => !(q.resourceType === 'websocket' && new URL(q.url).hostname === '127.0.0.1'));
}

/** An answer step of session/session.html (its `Step` 'answer' in pages/session/session.ts). */
export interface AnswerSpec {
  readonly index: number;
  readonly seconds: number;
  readonly endTrackAfter?: number;
  readonly crashAfter?: number;
}
/** A step of session/session.html, as sent to the page. */
export type StepArg = { readonly do: string; readonly [k: string]: unknown };

/** The steps of a recorded interview: consent, the fake camera and mic, each answer in turn, then `then`. */
export function consentAndAnswer(answers: readonly AnswerSpec[], ...then: StepArg[]): StepArg[] {
  return [{ do: 'consent' }, { do: 'media' }, ...answers.map((a) => ({ do: 'answer', ...a })), ...then];
}

/** The `k`-th reported step named `name`. */
export const step = (r: Run, name: string, k = 0): Out => r.out.filter((o) => o.step === name)[k]!;
