/**
 * Helpers of the session browser tests: fake camera/mic files made from a real recording at
 * test time (never committed), a tiny trained model, a production build of the demo, and a
 * static server for it with optional response headers (CSP) — a second server on another
 * port is a different origin, for the cross-origin iframe case.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { repoRoot, sharedPath, sharedUrl, SOURCE_NODE_ARGS } from './harness/index.ts';
import { runFfmpeg } from './harness/tools.ts';

export const CLIP = 'fixtures/video/talk_f1.mp4';
export const FACE_MODEL = 'models/face_landmarker.task';

let work: string | undefined;
export function workDir(): string {
  work ??= mkdtempSync(join(tmpdir(), 'hirenet-session-'));
  return work;
}

/** Removes this test file's temporary media (the .y4m files are ~70 MB each). */
export function cleanWorkDir(): void {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
  work = undefined;
}

/**
 * .y4m (camera) and .wav (mic) from a real clip. `silent` replaces the sound by digital silence;
 * `noFace` replaces the picture by ffmpeg's test pattern (moving colour bars, no face anywhere).
 */
export function fakeMedia(opts: { silent?: boolean; noFace?: boolean; clip?: string; scale?: string } = {}): {
  video: string;
  audio: string;
} {
  const dir = workDir();
  const clip = opts.clip ?? CLIP;
  const stem = join(dir, clip.replace(/\W/g, '_'));
  // `scale` (an ffmpeg scale filter argument) keeps e.g. a square clip square; default 640:480.
  const scale = opts.scale ?? '640:480';
  const video =
    opts.noFace === true
      ? join(dir, 'testsrc.y4m')
      : `${stem}${scale === '640:480' ? '' : `-${scale.replace(/\W/g, '_')}`}.y4m`;
  const audio = `${stem}${opts.silent === true ? '-silent' : ''}.wav`;
  if (!existsSync(video)) {
    const input =
      opts.noFace === true
        ? ['-f', 'lavfi', '-i', 'testsrc=size=640x480:rate=30', '-t', '8']
        : ['-i', sharedPath(clip), '-vf', `scale=${scale}`];
    runFfmpeg(...input, '-pix_fmt', 'yuv420p', video);
  }
  if (!existsSync(audio)) {
    const args =
      opts.silent === true
        ? ['-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=stereo', '-t', '8']
        : ['-i', sharedPath(clip), '-vn', '-ac', '2', '-ar', '44100'];
    runFfmpeg(...args, '-c:a', 'pcm_s16le', audio);
  }
  return { video, audio };
}

/**
 * A tiny fusion model (audio + video) trained on SimInterview (seconds on 2 cores). Kept under
 * node_modules/.cache (ignored, inside the repo so the harness server may serve it) and reused.
 */
export const tinyModelDir = join(repoRoot, 'node_modules/.cache/hirenet-session-test/model');
export function tinyModel(): string {
  const dir = tinyModelDir;
  const cli = join(repoRoot, 'packages/cli/bin/hirenet.js');
  if (!existsSync(join(dir, 'fusion.json'))) {
    const sim = join(workDir(), 'sim');
    execFileSync(
      process.execPath,
      [cli, 'simulate', '--out', sim, '--seed', '1', '--interviews', '120', '--answers', '1-3', '--windows', '30-60'],
      { stdio: 'ignore' },
    );
    execFileSync(
      process.execPath,
      [cli, 'train', '--data', sim, '--modality', 'both', '--out', dir, '--units', '8', '--epochs', '2'],
      { stdio: 'ignore' },
    );
  }
  // Sessions refuse a model without its asset manifest (packages/sdk/src/session/manifest.ts);
  // rewritten every time, as it also lists the installed wasm binaries.
  execFileSync(process.execPath, [cli, 'manifest', '--model', dir], { stdio: 'ignore' });
  return dir;
}

/** The shipped demo model when it is there (models/hirenet-demo), else the tiny one. */
export function demoModel(): string {
  const shipped = join(repoRoot, 'models/hirenet-demo');
  return existsSync(join(shipped, 'fusion.json')) ? shipped : tinyModel();
}

/** `vite build` of packages/demo into a temp dir with the given model. */
export function buildDemo(modelDir: string): string {
  const out = join(workDir(), 'dist');
  if (existsSync(join(out, 'embed.html'))) return out;
  execFileSync(
    process.execPath,
    [
      ...SOURCE_NODE_ARGS,
      join(repoRoot, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      out,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    {
      cwd: join(repoRoot, 'packages/demo'),
      env: { ...process.env, HIRENET_MODEL_DIR: modelDir },
      stdio: 'inherit',
    },
  );
  return out;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain',
  '.css': 'text/css',
  '.bin': 'application/octet-stream',
  '.task': 'application/octet-stream',
};

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves `root`; `pages` adds in-memory HTML pages (e.g. an iframe host), `headers` go on every response. */
export async function serveStatic(
  root: string,
  opts: { headers?: Record<string, string>; pages?: Record<string, string> } = {},
): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    for (const [k, v] of Object.entries(opts.headers ?? {})) res.setHeader(k, v);
    const page = opts.pages?.[path];
    if (page !== undefined) {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(page);
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** What a session test page loads (test/browser/pages/session/page-options.ts), as URLs. */
export interface SessionAssetUrls {
  readonly modelUrl: string;
  readonly vocabUrl: string;
  readonly wasmPaths: string;
  readonly faceModelUrl: string | null;
}

/**
 * Asset URLs (Vite /@fs paths) for a session test page: the model in `modelDir` (default the tiny one), the
 * vocabulary, tfjs' wasm binaries, the shared face model.
 */
export function sessionAssets(modelDir: string = tinyModel()): SessionAssetUrls {
  const fs = (abs: string): string => `/@fs${abs}/`;
  return {
    modelUrl: fs(modelDir),
    vocabUrl: fs(`${repoRoot}/models/vocab`),
    wasmPaths: fs(`${repoRoot}/node_modules/@tensorflow/tfjs-backend-wasm/dist`),
    faceModelUrl: sharedUrl(FACE_MODEL),
  };
}

export interface RecordedRequest {
  readonly url: string;
  readonly method: string;
  readonly hasBody: boolean;
}

/** Every request of the context (pages, iframes and workers), for the privacy assertions. */
export function recordRequests(ctx: BrowserContext): RecordedRequest[] {
  const log: RecordedRequest[] = [];
  ctx.on('request', (r) => log.push({ url: r.url(), method: r.method(), hasBody: r.postDataBuffer() !== null }));
  return log;
}

export interface RecordedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every request of the context (recordRequests). */
  readonly requests: RecordedRequest[];
  /** The page's uncaught errors, as messages. */
  readonly errors: string[];
}

/** A new context of `browser` whose requests are recorded, and a page in it whose uncaught errors are collected. */
export async function recordedPage(browser: Browser, options?: BrowserContextOptions): Promise<RecordedPage> {
  const context = await browser.newContext(options);
  const requests = recordRequests(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, requests, errors };
}
