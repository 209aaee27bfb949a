/**
 * The set-up the demo's browser tests share: a production build of packages/demo with a model
 * (the demo model unless told), served one way or another (a static server, a request-counting
 * one, `vite preview`), and a Chromium whose fake camera and microphone play the real clip. Built
 * in beforeAll, closed in afterAll, with the temporary media removed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './harness/chromium.ts';
import { buildDemo, cleanWorkDir, demoModel, fakeMedia } from './session-fixtures.ts';

interface Server {
  readonly origin: string;
  close(): Promise<void>;
}

export interface DemoSite<S extends Server> {
  readonly browser: Browser;
  /** The server of the build. */
  readonly site: S;
  /** The build's directory (for a second server, or a copy without some file). */
  readonly dist: string;
}

export interface DemoSiteOptions {
  /** The model directory to build with. Default demoModel() (the shipped one, else the tiny one). */
  readonly model?: () => string;
  /** The set-up's time limit in ms, when building needs more than the project's hook timeout. */
  readonly timeout?: number;
  /** Changes the build before it is served (e.g. copies a recording into it). */
  readonly prepare?: (dist: string) => void;
  /** Builds and launches nothing (the suite's tests skip themselves); reading the site then throws. */
  readonly skip?: boolean;
}

/** Registers the suite's set-up and tear-down; call inside the describe, read the fields inside tests. */
export function useDemoSite<S extends Server>(
  serve: (dist: string) => Promise<S>,
  opts: DemoSiteOptions = {},
): DemoSite<S> {
  let browser: Browser | undefined;
  let site: S | undefined;
  let dist: string | undefined;
  beforeAll(async () => {
    if (opts.skip === true) return;
    dist = buildDemo((opts.model ?? demoModel)());
    opts.prepare?.(dist);
    site = await serve(dist);
    browser = await launchChromium({ fakeMedia: fakeMedia() });
  }, opts.timeout);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    cleanWorkDir();
  });
  const ready = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`useDemoSite: no ${what} (read before beforeAll ran, or skipped)`);
    return v;
  };
  return {
    get browser() {
      return ready(browser, 'browser');
    },
    get site() {
      return ready(site, 'site');
    },
    get dist() {
      return ready(dist, 'build');
    },
  };
}
