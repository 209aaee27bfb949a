import { realpathSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import {
  createLogger,
  createServer,
  defaultClientConditions,
  type Logger,
  type Plugin,
  type ViteDevServer,
} from 'vite';
import { pagesDir, repoRoot, sharedDir } from './paths.ts';

/**
 * Dependencies pre-bundled when the server starts. Anything a page (or a worker it spawns)
 * imports lazily must be here: otherwise Vite discovers it mid-test, re-optimises and reloads
 * the page under the test's feet (PLATFORM-NOTES). Add to this list rather than per test.
 */
export const prebundled: readonly string[] = [
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-backend-wasm',
  '@tensorflow/tfjs-backend-webgl',
  '@tensorflow/tfjs-backend-webgpu',
  'meyda',
  'comlink',
  'mediabunny',
  'uplot',
];

/**
 * Quiet pages. Vite injects /@vite/client into every HTML page, and that client opens an HMR WebSocket even
 * with HMR off (and logs a console error when it fails). Test pages never hot-reload, and their
 * network log must hold only what the page asked for, so the tag is removed.
 */
const quietPages: Plugin = {
  name: 'harness:quiet-pages',
  // Chromium asks every origin for /favicon.ico; answer it so a 404 does not read as a page error.
  configureServer(server) {
    server.middlewares.use('/favicon.ico', (_req, res) => {
      res.statusCode = 204;
      res.end();
    });
  },
  transformIndexHtml: {
    order: 'post',
    handler: (html) => html.replace(/<script type="module" src="\/@vite\/client"><\/script>\s*/, ''),
  },
};

/** A running Vite dev server for harness pages (test/browser/pages, and bench/pages for the bench). */
export interface PageServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly origin: string;
  readonly vite: ViteDevServer;
  /**
   * Set when Vite had to re-optimise dependencies mid-run in a way that reloads pages. Pages
   * carry no Vite client, so they would keep stale modules (possibly two tfjs-core engines):
   * the harness fails the test with this message instead.
   */
  readonly staleModules: () => string | undefined;
  close(): Promise<void>;
}

// Vite reports late dependency discovery only at info level; watch for it whatever the log level. Its complaint
// that MediaPipe's bundle names a source map it does not ship is dropped.
function watchingLogger(onStale: (msg: string) => void): Logger {
  const base = createLogger('warn');
  const plain = (msg: string): string => msg.replace(/\x1b\[[0-9;]*m/g, '');
  const noise = (msg: string): boolean => msg.includes('Failed to load source map');
  return {
    ...base,
    warn: (msg, o) => void (noise(msg) || base.warn(msg, o)),
    error: (msg, o) => void (noise(msg) || base.error(msg, o)),
    info(msg, opts) {
      const text = plain(msg);
      if (/optimized dependencies changed\. reloading/.test(text)) onStale(text);
      else if (/^(dependency|dependencies) optimized: /.test(text) || text.includes('optimizeDeps.include')) {
        process.stderr.write(
          `[harness] Vite ${text.trim()} — add it to \`prebundled\` in test/browser/harness/server.ts\n`,
        );
      }
      base.info(msg, opts);
    },
  };
}

export interface PageServerOptions {
  /** Directory served at /; default test/browser/pages. The bench serves the repository root. */
  readonly root?: string;
  /** Vite's pre-bundle cache; one per user, so a test run and a bench run never re-optimise under each other. */
  readonly cacheDir?: string;
  /** Pre-bundled on top of `prebundled` (the bench's baseline page needs @tensorflow/tfjs-layers). */
  readonly include?: readonly string[];
}

/**
 * Serve harness pages (TypeScript compiled on the fly) on 127.0.0.1 at a free port: the browser tests'
 * server and the bench's (bench/lib/page-server.ts). Pages import SDK sources by relative path and
 * ../shared files via sharedUrl().
 */
export async function startPageServer(options: PageServerOptions = {}): Promise<PageServer> {
  let stale: string | undefined;
  const vite = await createServer({
    configFile: false,
    resolve: { conditions: ['source', ...defaultClientConditions] },
    customLogger: watchingLogger((msg) => {
      stale ??= [
        `Vite re-optimised dependencies mid-run ("${msg.trim()}"); a page imported a package missing from`,
        `\`prebundled\` in test/browser/harness/server.ts`,
      ].join(' ');
    }),
    root: options.root ?? pagesDir,
    // Own cache dir, so the demo's and the harness' pre-bundles never invalidate each other.
    cacheDir: options.cacheDir ?? resolve(repoRoot, 'node_modules/.vite-harness'),
    clearScreen: false,
    server: {
      host: '127.0.0.1',
      port: 0,
      strictPort: true,
      // No HMR socket: pages must not reload themselves and the network log stays plain HTTP.
      hmr: false,
      ws: false,
      watch: null,
      // node_modules by its real path too: in some installs it is a link out of the checkout.
      fs: { strict: true, allow: [repoRoot, sharedDir, realpathSync(resolve(repoRoot, 'node_modules'))] },
    },
    optimizeDeps: {
      include: [...prebundled, ...(options.include ?? [])],
      exclude: ['@mediapipe/tasks-vision'],
      // Pages are entered by URL, not crawled from index.html; the include list is the contract.
      entries: [],
    },
    worker: { format: 'es' },
    plugins: [quietPages],
  });
  await vite.listen();
  const address = vite.httpServer?.address() as AddressInfo | null;
  if (address === null || typeof address !== 'object') throw new Error('Vite did not bind a TCP port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    vite,
    staleModules: () => stale,
    close: () => vite.close(),
  };
}
