/**
 * Bytes the page downloads, by asset: a production build of the demo (packages/demo, the same
 * Vite config as `npm run build`, written to a temporary directory so a build another session
 * is using in packages/demo/dist is left alone), served statically like `npm run preview`;
 * embed.html?auto=1 (default backend 'auto', one 3 s answer from the fake camera and mic) is
 * loaded in Chromium and every response of the page and its workers recorded. Sizes are read
 * from the served files: raw, and gzip -9 (node:zlib) for what a server would compress (js,
 * wasm, json, html, css, txt); .task and .bin are sent as they are (MediaPipe's .task is a zip,
 * .bin shards are raw float/int weights that servers do not compress by default).
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../test/browser/harness/chromium.ts';
import { sharedMissing } from '../../test/browser/harness/paths.ts';
import { buildDemo, demoModel, fakeMedia, serveStatic } from '../../test/browser/session-fixtures.ts';

const COMPRESSED = new Set(['.js', '.mjs', '.wasm', '.json', '.html', '.css', '.txt', '.svg']);
export const GROUPS = [
  'JS',
  'tfjs wasm',
  'MediaPipe wasm',
  'face model',
  'HireNet weights',
  'vocabulary',
  'page HTML',
  'other',
] as const;
export type Group = (typeof GROUPS)[number];

export interface AssetBytes {
  readonly path: string;
  readonly group: Group;
  readonly bytes: number;
  /** gzip -9 size when a server would compress this type; null when it is sent as is. */
  readonly gzip: number | null;
  /** How many times the page and its workers requested it (HTTP cache hits included). */
  readonly requests: number;
}

export interface BytesResult {
  readonly page: string;
  readonly backend: string | null;
  readonly assets: AssetBytes[];
  readonly groups: { group: Group; files: number; bytes: number; gzip: number }[];
  readonly total: { bytes: number; gzip: number };
  readonly notCompressed: string;
  readonly foreignRequests: string[];
}

function groupOf(path: string): Group {
  if (/tfjs-backend-wasm[^/]*\.wasm$/.test(path)) return 'tfjs wasm';
  if (path.startsWith('hirenet/mediapipe/')) return 'MediaPipe wasm';
  if (path.endsWith('.task')) return 'face model';
  if (path.startsWith('hirenet/model/')) return 'HireNet weights';
  if (path.startsWith('hirenet/vocab/')) return 'vocabulary';
  if (path.endsWith('.html')) return 'page HTML';
  if (/\.m?js$/.test(path)) return 'JS';
  return 'other';
}

export async function benchBytes(log: (m: string) => void): Promise<BytesResult | { error: string }> {
  const missing = sharedMissing('models/face_landmarker.task', 'fixtures/video/talk_f1.mp4');
  if (missing !== undefined) return { error: missing };
  log('bytes: building the demo …');
  const dist = buildDemo(demoModel());
  const site = await serveStatic(dist);
  const browser = await launchChromium({ fakeMedia: fakeMedia() });
  const counts = new Map<string, number>();
  const foreign: string[] = [];
  try {
    const context = await browser.newContext();
    context.on('response', (r) => {
      const url = new URL(r.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      if (url.origin !== site.origin) return void foreign.push(r.url());
      counts.set(url.pathname, (counts.get(url.pathname) ?? 0) + 1);
    });
    const page = await context.newPage();
    const pageUrl = 'embed.html?auto=1&answers=1&seconds=3';
    log(`bytes: loading ${pageUrl} …`);
    await page.goto(`${site.origin}/${pageUrl}`);
    await page.waitForFunction(() => document.body.dataset['state'] !== undefined, undefined, { timeout: 300_000 });
    const result = JSON.parse((await page.locator('#result').textContent()) ?? '{}') as {
      error?: { message: string };
      modelCard?: { backend?: string };
    };
    await context.close();
    if (result.error !== undefined) return { error: `embed.html failed: ${result.error.message}` };
    const assets: AssetBytes[] = [];
    for (const [pathname, requests] of counts) {
      const rel = decodeURIComponent(pathname).replace(/^\//, '') || 'index.html';
      const file = normalize(join(dist, rel));
      if (!file.startsWith(dist) || !existsSync(file)) continue; // favicon.ico and other 404s
      const body = readFileSync(file);
      const gzip = COMPRESSED.has(extname(file)) ? gzipSync(body, { level: 9 }).length : null;
      assets.push({ path: rel, group: groupOf(rel), bytes: body.length, gzip, requests });
    }
    assets.sort((a, b) => GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group) || b.bytes - a.bytes);
    const groups = GROUPS.map((group) => {
      const of = assets.filter((a) => a.group === group);
      return {
        group,
        files: of.length,
        bytes: of.reduce((s, a) => s + a.bytes, 0),
        gzip: of.reduce((s, a) => s + (a.gzip ?? a.bytes), 0),
      };
    }).filter((g) => g.files > 0);
    return {
      page: pageUrl,
      backend: result.modelCard?.backend ?? null,
      assets,
      groups,
      total: { bytes: groups.reduce((s, g) => s + g.bytes, 0), gzip: groups.reduce((s, g) => s + g.gzip, 0) },
      notCompressed: '.task (a zip already) and .bin weight shards are counted at their raw size in the gzip column',
      foreignRequests: foreign,
    };
  } finally {
    await browser.close();
    await site.close();
  }
}
