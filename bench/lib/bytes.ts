/**
 * Bytes the page downloads, by asset: a production build of the demo (packages/demo, the same
 * Vite config as `npm run build`, written to a temporary directory so a build another session
 * is using in packages/demo/dist is left alone), served statically (bench/lib/flow-server.ts,
 * cacheable); embed.html?auto=1 (default backend 'auto', two 4 s answers from the fake camera and
 * mic) is visited cold then warm (bench/lib/page-flow.ts: ready to record, long tasks, requests
 * per URL), then audio-only, then the practice demo to one stored answer (bytes-practice.ts). Sizes are read
 * from the served files: raw, and gzip -9 (node:zlib) for what a server would compress (js,
 * wasm, json, html, css, txt); .bin (and .task) are sent as they are by default (servers do not
 * compress application/octet-stream), and a second total compresses them too. The face model is
 * served pre-compressed (face_landmarker.task.gz: MediaPipe's .task is a stored zip, gzip takes 11 %
 * off), counted at its size in both totals.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../test/browser/harness/chromium.ts';
import { sharedMissing } from '../../test/browser/harness/paths.ts';
import { buildDemo, demoModel, fakeMedia } from '../../test/browser/session-fixtures.ts';
import { serveCounting } from './flow-server.ts';
import { coldAndWarm, repeated, visit, type VisitResult } from './page-flow.ts';
import { visitPractice } from './bytes-practice.ts';

const loadavgNow = (): number[] => loadavg().map((x) => Math.round(x * 100) / 100);

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
  /** gzip -9 size even where servers send it as is by default (MediaPipe's .task is a stored zip). */
  readonly gzipAny: number;
  /** How many times the page and its workers requested it (HTTP cache hits included). */
  readonly requests: number;
}

export interface BytesResult {
  readonly page: string;
  readonly backend: string | null;
  readonly assets: AssetBytes[];
  readonly groups: GroupBytes[];
  /** gzipAll: what the page weighs when the server also compresses .task and .bin (application/octet-stream). */
  readonly total: { bytes: number; gzip: number; gzipAll?: number };
  readonly notCompressed: string;
  readonly foreignRequests: string[];
  /** Cold and warm visits of the same page (bench/lib/page-flow.ts), with the load average. */
  readonly flow?: { readonly loadavg: number[]; readonly cold: VisitSummary; readonly warm: VisitSummary };
  /** The same page with `modalities=audio`: what an audio-only embed downloads (cold). */
  readonly audioOnly?: {
    readonly page: string;
    readonly files: number;
    readonly bytes: number;
    readonly gzip: number;
    /** By group, and every file with its gzip size: what an audio-only page still fetches (no MediaPipe?). */
    readonly groups?: GroupBytes[];
    readonly assets?: { readonly path: string; readonly gzip: number }[];
  };
  /** The practice demo (index.html) to one stored answer, cold (bytes-practice.ts). */
  readonly practice?: {
    readonly page: string;
    readonly loaded: string | null;
    readonly files: number;
    readonly bytes: number;
    readonly gzip: number;
    readonly gzipAll: number;
    /** Paths requested more than once, with their counts. */
    readonly repeated: Record<string, number>;
  };
}

export interface VisitSummary {
  readonly readyMs: number | null;
  readonly doneMs: number | null;
  readonly stages: string[];
  readonly longTasks: number;
  readonly longestMs: number;
  readonly longTotalMs: number;
  /** Requests by the page and its workers (HTTP-cache hits included), and those the server answered. */
  readonly requests: number;
  readonly served: number;
  /** Paths requested more than once, with their counts. */
  readonly repeated: Record<string, number>;
  /** From a Chromium trace (trace-tasks.ts): long tasks with > 50 ms of main-thread CPU, and the most in one. */
  readonly cpuLongTasks?: number;
  readonly maxTaskCpuMs?: number;
}

function summarise(v: VisitResult): VisitSummary {
  const count = (r: Record<string, number>): number => Object.values(r).reduce((s, n) => s + n, 0);
  return {
    readyMs: v.readyMs,
    doneMs: v.doneMs,
    stages: v.stages.map((s) => `${s.text} @ ${s.ms.toFixed(0)} ms`),
    longTasks: v.longTasks.length,
    longestMs: Math.max(0, ...v.longTasks.map((t) => t.duration)),
    longTotalMs: v.longTasks.reduce((s, t) => s + t.duration, 0),
    requests: count(v.requests),
    served: count(v.served),
    repeated: repeated(v),
    ...(v.traced === undefined
      ? {}
      : {
          cpuLongTasks: v.traced.filter((t) => t.cpuMs > 50).length,
          maxTaskCpuMs: Math.max(0, ...v.traced.map((t) => t.cpuMs)),
        }),
  };
}

function groupOf(path: string): Group {
  if (/tfjs-backend-wasm[^/]*\.wasm$/.test(path)) return 'tfjs wasm';
  if (path.startsWith('hirenet/mediapipe/')) return 'MediaPipe wasm';
  // The .task bundle, or its gzip (already compressed: sent as is, counted at its size).
  if (/\.task(\.gz)?$/.test(path)) return 'face model';
  if (path.startsWith('hirenet/model/')) return 'HireNet weights';
  if (path.startsWith('hirenet/vocab/')) return 'vocabulary';
  if (path.endsWith('.html')) return 'page HTML';
  if (/\.m?js$/.test(path)) return 'JS';
  return 'other';
}

/** What the served files of a visit weigh (each file once), grouped; 404s and other origins left out. */
function weigh(dist: string, requests: Record<string, number>): AssetBytes[] {
  const assets: AssetBytes[] = [];
  for (const [pathname, n] of Object.entries(requests)) {
    if (!pathname.startsWith('/')) continue; // another origin (listed apart)
    const rel = pathname.replace(/^\//, '') || 'index.html';
    const file = normalize(join(dist, rel));
    if (!file.startsWith(dist) || !existsSync(file)) continue; // favicon.ico and other 404s
    const body = readFileSync(file);
    // A .gz is compressed already (the face model, assets-layout.ts): counted at its size in every column.
    const gzipAny = extname(file) === '.gz' ? body.length : gzipSync(body, { level: 9 }).length;
    const gzip = COMPRESSED.has(extname(file)) ? gzipAny : null;
    assets.push({ path: rel, group: groupOf(rel), bytes: body.length, gzip, gzipAny, requests: n });
  }
  return assets.sort((a, b) => GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group) || b.bytes - a.bytes);
}

export interface GroupBytes {
  readonly group: Group;
  readonly files: number;
  readonly bytes: number;
  readonly gzip: number;
}

function groupBytes(assets: readonly AssetBytes[]): GroupBytes[] {
  return GROUPS.map((group) => {
    const of = assets.filter((a) => a.group === group);
    return {
      group,
      files: of.length,
      bytes: of.reduce((s, a) => s + a.bytes, 0),
      gzip: of.reduce((s, a) => s + (a.gzip ?? a.bytes), 0),
    };
  }).filter((g) => g.files > 0);
}

export async function benchBytes(log: (m: string) => void): Promise<BytesResult | { error: string }> {
  const missing = sharedMissing('models/face_landmarker.task', 'fixtures/video/talk_f1.mp4');
  if (missing !== undefined) return { error: missing };
  log('bytes: building the demo …');
  const dist = buildDemo(demoModel());
  const site = await serveCounting(dist);
  const browser = await launchChromium({ fakeMedia: fakeMedia() });
  try {
    const pageUrl = 'embed.html?auto=1&answers=2&seconds=4';
    log(`bytes: ${pageUrl}, cold then warm …`);
    const flow = await coldAndWarm(browser, site, pageUrl, true);
    const loadavg = loadavgNow();
    if (flow.cold.error !== null) return { error: `embed.html failed: ${flow.cold.error}` };
    const audioUrl = `${pageUrl}&modalities=audio`;
    log(`bytes: ${audioUrl} …`);
    const audioCtx = await browser.newContext();
    const audio = await visit(audioCtx, site, audioUrl).finally(() => audioCtx.close());
    const audioAssets = weigh(dist, audio.requests);
    log('bytes: index.html (practice demo), one answer …');
    const practice = await visitPractice(browser, site);
    const practiceAssets = weigh(dist, practice.requests);
    const assets = weigh(dist, flow.cold.requests);
    const groups = groupBytes(assets);
    return {
      page: pageUrl,
      backend: flow.cold.backend,
      assets,
      groups,
      total: {
        bytes: groups.reduce((s, g) => s + g.bytes, 0),
        gzip: groups.reduce((s, g) => s + g.gzip, 0),
        gzipAll: assets.reduce((s, a) => s + a.gzipAny, 0),
      },
      notCompressed:
        '.bin and .gz files are counted at their raw size in the gzip column (servers send application/octet-stream' +
        " as is by default). The face model is served as face_landmarker.task.gz: MediaPipe's .task is a stored," +
        ' uncompressed zip, so the asset layout gzips it and the SDK unpacks it in the vision worker' +
        ' (packages/sdk/src/video/task-model.ts)',
      foreignRequests: Object.keys(flow.cold.requests).filter((k) => !k.startsWith('/')),
      flow: { loadavg, cold: summarise(flow.cold), warm: summarise(flow.warm) },
      audioOnly: {
        page: audioUrl,
        files: audioAssets.length,
        bytes: audioAssets.reduce((s, a) => s + a.bytes, 0),
        gzip: audioAssets.reduce((s, a) => s + (a.gzip ?? a.bytes), 0),
        groups: groupBytes(audioAssets),
        assets: audioAssets.map((a) => ({ path: a.path, gzip: a.gzip ?? a.bytes })),
      },
      practice: {
        page: practice.page,
        loaded: practice.loaded,
        files: practiceAssets.length,
        bytes: practiceAssets.reduce((s, a) => s + a.bytes, 0),
        gzip: practiceAssets.reduce((s, a) => s + (a.gzip ?? a.bytes), 0),
        gzipAll: practiceAssets.reduce((s, a) => s + a.gzipAny, 0),
        repeated: Object.fromEntries(Object.entries(practice.requests).filter(([, n]) => n > 1)),
      },
    };
  } finally {
    await browser.close();
    await site.close();
  }
}
