/**
 * The local server behind `hirenet analyze`: a Vite dev server on 127.0.0.1 (random port) with
 * packages/demo as root, so analyze.html and the SDK sources are compiled on the fly — no
 * `npm run build` needed — plus the SDK's self-hosted assets (model, vocabulary, tfjs wasm,
 * MediaPipe, face model; the demo's own asset plugin) and the input recordings at
 * /__hirenet/input/<i>. Nothing is fetched from anywhere else.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { basename, resolve } from 'node:path';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';

export interface AnalyzeServerOptions {
  readonly repoRoot: string;
  readonly modelDir: string;
  readonly faceModel: string | null;
  readonly inputs: readonly string[];
}

export interface AnalyzeServer {
  readonly origin: string;
  /** URL path and file name of each input, in order. */
  readonly files: { url: string; name: string }[];
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.flac': 'audio/flac',
};
const mimeOf = (path: string): string =>
  MIME[path.slice(path.lastIndexOf('.')).toLowerCase()] ?? 'application/octet-stream';

export async function startAnalyzeServer(o: AnalyzeServerOptions): Promise<AnalyzeServer> {
  const demoRoot = resolve(o.repoRoot, 'packages/demo');
  if (!existsSync(resolve(demoRoot, 'analyze.html'))) {
    throw new HireNetError(
      'usage',
      `hirenet analyze renders its report with packages/demo/analyze.html, which is missing at ${demoRoot}; run it from a full checkout`,
    );
  }
  const { createServer, defaultClientConditions } = await import('vite');
  // The demo's asset plugin: the same layout HireNet.create({ assetsBaseUrl }) reads in any host page.
  const { hirenetAssets } = await import('../../demo/vite-assets.ts');
  const plugin = hirenetAssets({
    modelDir: o.modelDir,
    vocabDir: resolve(o.repoRoot, 'models/vocab'),
    faceModel: o.faceModel,
    sdkDir: resolve(o.repoRoot, 'packages/sdk'),
  });
  const server = await createServer({
    configFile: false,
    root: demoRoot,
    resolve: { conditions: ['source', ...defaultClientConditions] },
    cacheDir: resolve(o.repoRoot, 'node_modules/.vite-hirenet-analyze'),
    logLevel: 'error',
    clearScreen: false,
    server: {
      host: '127.0.0.1',
      port: 0,
      strictPort: true,
      hmr: false,
      ws: false,
      watch: null,
      fs: { strict: true, allow: [o.repoRoot] },
    },
    // Everything the page and its workers import, pre-bundled up front: a dependency found
    // mid-run makes Vite re-optimise and reload the page under the analysis.
    optimizeDeps: {
      include: [
        '@tensorflow/tfjs-core',
        '@tensorflow/tfjs-backend-cpu',
        '@tensorflow/tfjs-backend-wasm',
        '@tensorflow/tfjs-backend-webgl',
        '@tensorflow/tfjs-backend-webgpu',
        'meyda',
        'comlink',
        'mediabunny',
        ...optionalDeps(demoRoot),
      ],
      exclude: ['@mediapipe/tasks-vision'],
      entries: ['analyze.html'],
    },
    worker: { format: 'es' },
    plugins: [
      plugin,
      {
        name: 'hirenet-analyze-inputs',
        configureServer(s) {
          s.middlewares.use((req, res, next) => {
            const m = /^\/__hirenet\/input\/(\d+)$/.exec(req.url ?? '');
            const path = m === null ? undefined : o.inputs[Number(m[1])];
            if (path === undefined) return next();
            res.setHeader('Content-Type', mimeOf(path));
            res.setHeader('Content-Length', String(statSync(path).size));
            createReadStream(path).pipe(res);
          });
        },
      },
    ],
  });
  await server.listen();
  const origin = `http://127.0.0.1:${(server.httpServer?.address() as AddressInfo).port}`;
  return {
    origin,
    files: o.inputs.map((p, i) => ({ url: `/__hirenet/input/${i}`, name: basename(p) })),
    close: () => server.close(),
  };
}

/** uPlot (the demo report's charts) when the demo has it installed. */
function optionalDeps(demoRoot: string): string[] {
  return ['uplot'].filter(
    (d) => existsSync(resolve(demoRoot, 'node_modules', d)) || existsSync(resolve(demoRoot, '../../node_modules', d)),
  );
}
