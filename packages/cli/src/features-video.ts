/**
 * `hirenet features video FILE [--csv OUT] [--windows-csv OUT] [--fps 15] [--model PATH]`
 *
 * Runs the same vision worker code as the browser SDK inside headless Chromium (Debian's
 * /usr/bin/chromium through playwright-core; never a downloaded browser). A Vite dev server on
 * 127.0.0.1 serves the SDK sources plus the input file and the model, so nothing is fetched
 * from outside. One CSV row per analysed time k / fps.
 */
import { existsSync, statSync, writeFileSync, createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { stderr, stdout } from 'node:process';
import { fileURLToPath } from 'node:url';
import { errorCodeOr } from '@hirenet/sdk/internal/util/error-codes';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { parseArgs } from './args.ts';
import { findChromium } from './chromium-path.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const sdkRoot = resolve(repoRoot, 'packages/sdk');
/** The face model as the repo's checkouts have it (../shared); users pass --model. */
const DEFAULT_MODEL = resolve(repoRoot, '../shared/models/face_landmarker.task');

interface PageOutput {
  ok: boolean;
  code?: string | null;
  message?: string;
  initMs?: number;
  stats?: {
    duration: number;
    analysed: number;
    faceRatio: number;
    speed: number;
    wallMs: number;
    detectMsMedian: number;
  };
  csv?: string;
  windows?: { start: number; faceRatio: number; values: number[] | null }[];
  schema?: { version: string; windowColumns: string[] };
}

function sendFile(res: ServerResponse, path: string, type: string): void {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', String(statSync(path).size));
  createReadStream(path).pipe(res);
}

export async function runFeaturesVideo(args: string[]): Promise<number> {
  const { flags, positional } = parseArgs(args);
  const [file] = positional;
  if (file === undefined)
    throw new HireNetError(
      'usage',
      'usage: hirenet features video FILE [--csv OUT] [--windows-csv OUT] [--fps 15] [--model face_landmarker.task]',
    );
  const input = resolve(file);
  if (!existsSync(input)) throw new HireNetError('usage', `no such file: ${input}`);
  const model = resolve(flags.get('model') ?? DEFAULT_MODEL);
  if (!existsSync(model))
    throw new HireNetError('usage', `face model not found at ${model}; pass --model PATH/face_landmarker.task`);
  const fps = Number(flags.get('fps') ?? 15);
  if (!(fps > 0 && fps <= 60)) throw new HireNetError('usage', '--fps must be in (0, 60]');

  const { createServer, defaultClientConditions } = await import('vite');
  const { chromium } = await import('playwright-core');
  const server = await createServer({
    configFile: false,
    resolve: { conditions: ['source', ...defaultClientConditions] },
    root: sdkRoot,
    cacheDir: resolve(repoRoot, 'node_modules/.vite-hirenet-cli'),
    logLevel: 'error',
    clearScreen: false,
    server: {
      host: '127.0.0.1',
      port: 0,
      strictPort: true,
      hmr: false,
      ws: false,
      watch: null,
      fs: { strict: true, allow: [repoRoot] },
    },
    // Pre-bundle what the worker imports, or Vite re-optimises mid-run and reloads the page.
    optimizeDeps: { include: ['comlink', 'mediabunny'], exclude: ['@mediapipe/tasks-vision'], entries: [] },
    worker: { format: 'es' },
    plugins: [
      {
        name: 'hirenet-cli-video',
        configureServer(s) {
          s.middlewares.use((req, res, next) => {
            if (req.url === '/__hirenet/video.html') {
              res.setHeader('Content-Type', 'text/html');
              res.end(
                '<!doctype html><meta charset="utf-8"><script type="module" src="/src/video/cli-page.ts"></script>',
              );
            } else if (req.url === '/__hirenet/input') sendFile(res, input, 'application/octet-stream');
            else if (req.url === '/__hirenet/model') sendFile(res, model, 'application/octet-stream');
            else next();
          });
        },
      },
    ],
  });
  const found = await findChromium();
  if (found === undefined) {
    await server.close();
    throw new HireNetError(
      'chromium-missing',
      'no Chromium: apt-get install chromium, npm install, or set HIRENET_CHROMIUM',
    );
  }
  await server.listen();
  const origin = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: found.executablePath,
    env: found.env,
    headless: true,
    // No --disable-software-rasterizer: MediaPipe needs WebGL2 (SwiftShader) even on the CPU delegate.
    args: [
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => stderr.write(`hirenet: page error: ${e.message}\n`));
    await page.goto(`${origin}/__hirenet/video.html`);
    await page.waitForFunction(() => typeof (window as VideoPage).hirenetVideo === 'function', undefined, {
      timeout: 120_000,
    });
    const out = (await page.evaluate((a) => (window as VideoPage).hirenetVideo!(a), {
      inputUrl: '/__hirenet/input',
      modelUrl: '/__hirenet/model',
      fps,
    })) as PageOutput;
    if (!out.ok)
      throw new HireNetError(errorCodeOr(out.code, 'chromium-failed'), out.message ?? 'video analysis failed');
    const s = out.stats!;
    stderr.write(
      `hirenet: ${s.analysed} frames over ${s.duration.toFixed(2)} s, face in ${(100 * s.faceRatio).toFixed(1)} %, ` +
        `${s.detectMsMedian.toFixed(1)} ms/frame, ${s.speed.toFixed(2)}× real time\n`,
    );
    const csvOut = flags.get('csv');
    if (csvOut === undefined) stdout.write(out.csv!);
    else writeFileSync(csvOut, out.csv!);
    const winOut = flags.get('windows-csv');
    if (winOut !== undefined) {
      const header = ['start', 'faceRatio', 'masked', ...out.schema!.windowColumns].join(',');
      const lines = out.windows!.map((w) =>
        [
          w.start,
          w.faceRatio,
          w.values === null ? 1 : 0,
          ...(w.values ?? out.schema!.windowColumns.map(() => '')),
        ].join(','),
      );
      writeFileSync(winOut, `${[header, ...lines].join('\n')}\n`);
    }
    return 0;
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * What the video page defines on window (packages/sdk/src/video/cli-page.ts), typed here so dist needs no page types.
 */
interface VideoPage {
  hirenetVideo?: (a: unknown) => Promise<unknown>;
}
