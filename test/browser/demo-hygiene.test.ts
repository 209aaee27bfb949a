/**
 * The demo's Content-Security-Policy (packages/demo/csp.ts) as the preview and dev servers send
 * it: every page's header, embed.html running a real interview under it (MediaPipe and tfjs
 * wasm, Trusted Types enforced), framing by another origin refused by frame-ancestors, and a
 * policy without 'wasm-unsafe-eval' named in the warning instead of a bare tfjs error.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../packages/demo/csp.ts';
import { sharedMissing } from './harness/index.ts';
import { collectCspViolations, startDemoServer } from './demo-servers.ts';
import { useDemoSite } from './demo-site.ts';
import { CLIP, FACE_MODEL, serveStatic, type StaticServer } from './session-fixtures.ts';

const missing = sharedMissing(CLIP, FACE_MODEL);
if (missing) console.warn(`[demo-hygiene] ${missing}`);

type Result = {
  error?: { message: string };
  scores?: Record<string, number>;
  warnings?: { code: string; message: string }[];
  modelCard?: { backend: string };
};

/** Opens `url`, waits until embed.html has a result (or an error), returns it. */
async function embedResult(page: Page, url: string): Promise<Result> {
  await page.goto(url);
  await page.locator('body[data-state]').waitFor({ state: 'attached', timeout: 180_000 });
  return JSON.parse((await page.locator('#result').textContent()) ?? '{}') as Result;
}

describe('demo dev server', () => {
  it('sends the CSP header (with frame-ancestors) from `vite` dev', async () => {
    const dev = await startDemoServer('dev');
    try {
      const csp = (await fetch(`${dev.origin}/embed.html`)).headers.get('content-security-policy');
      expect(csp).toBe(contentSecurityPolicy({ dev: true }));
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    } finally {
      await dev.close();
    }
  });
});

describe.skipIf(missing !== undefined)('demo CSP (production build, vite preview)', () => {
  const demo = useDemoSite((dist) => startDemoServer('preview', dist));

  it('every page and asset carries the policy; live.html may also reach the development relay', async () => {
    const header = async (path: string): Promise<string | null> =>
      (await fetch(`${demo.site.origin}${path}`)).headers.get('content-security-policy');
    const strict = contentSecurityPolicy({ trustedTypes: true });
    for (const path of ['/', '/index.html', '/embed.html', '/analyze.html', '/hirenet/model/fusion.json']) {
      expect(await header(path), path).toBe(strict);
    }
    expect(strict).toMatch(
      new RegExp(
        [
          "^default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self';",
          ".* object-src 'none'; base-uri 'none';",
          ".* frame-ancestors 'self'; require-trusted-types-for 'script'; trusted-types default$",
        ].join(''),
      ),
    );
    const live = await header('/live.html');
    expect(live).toContain("connect-src 'self' ws://127.0.0.1:8787 http://127.0.0.1:8787");
    expect(live).toContain("frame-ancestors 'self'");
  });

  it(
    'embed.html runs a 1-answer interview under it: voice and face on wasm, Trusted Types enforced, ' + 'no violation',
    async () => {
      const ctx = await demo.browser.newContext();
      const violations = await collectCspViolations(ctx);
      try {
        const result = await embedResult(
          await ctx.newPage(),
          `${demo.site.origin}/embed.html?auto=1&answers=1&seconds=3&backend=wasm`,
        );
        expect(result.error).toBeUndefined();
        expect(Object.keys(result.scores ?? {}).sort()).toEqual(['audio', 'video']);
        expect(result.modelCard?.backend).toBe('wasm');
        expect(violations).toEqual([]);
      } finally {
        await ctx.close();
      }
    },
  );

  it('another origin cannot frame the page (frame-ancestors is a header)', async () => {
    const frame = `<iframe src="${demo.site.origin}/embed.html?auto=1" allow="camera; microphone"></iframe>`;
    const host = await serveStatic(demo.dist, {
      pages: { '/host.html': `<!doctype html><meta charset="utf-8"><title>host</title>${frame}` },
    });
    const ctx = await demo.browser.newContext();
    const refused: string[] = [];
    ctx.on('console', (m) => {
      if (/frame-ancestors/.test(m.text())) refused.push(m.text());
    });
    try {
      const page = await ctx.newPage();
      await page.goto(`${host.origin}/host.html`);
      await expect.poll(() => refused.length, { timeout: 15_000 }).toBeGreaterThan(0);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      // The refused frame shows the browser's error page, never embed.html's button.
      expect(await frame?.locator('#start').count()).toBe(0);
    } finally {
      await ctx.close();
      await host.close();
    }
  });

  it(
    "a policy without 'wasm-unsafe-eval': the session falls back to cpu and audio only, and the " +
      'warning names the fix',
    async () => {
      const noWasm = contentSecurityPolicy({ trustedTypes: true }).replace(" 'wasm-unsafe-eval'", '');
      const site: StaticServer = await serveStatic(demo.dist, { headers: { 'Content-Security-Policy': noWasm } });
      const ctx = await demo.browser.newContext();
      const violations = await collectCspViolations(ctx);
      try {
        const result = await embedResult(
          await ctx.newPage(),
          `${site.origin}/embed.html?auto=1&answers=1&seconds=2&backend=wasm`,
        );
        expect(result.error).toBeUndefined();
        expect(result.modelCard?.backend).not.toBe('wasm');
        expect(result.warnings?.map((w) => w.code)).toEqual(
          expect.arrayContaining(['backend-fallback', 'face-model-missing']),
        );
        const face = result.warnings?.find((w) => w.code === 'face-model-missing')?.message ?? '';
        expect(face).toMatch(/Content-Security-Policy: its script-src \(or default-src\) needs 'wasm-unsafe-eval'/);
        expect(Object.keys(result.scores ?? {})).toEqual(['audio']);
        // The collector the passing case relies on does see this policy's refusals.
        expect(
          violations.some((v) => /unsafe-eval|wasm-eval/.test(v)),
          violations.join('; '),
        ).toBe(true);
      } finally {
        await ctx.close();
        await site.close();
      }
    },
  );
});
