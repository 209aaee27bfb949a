/**
 * The Content-Security-Policy the demo's pages are served with (dev and preview servers), as
 * an HTTP header: `frame-ancestors` is ignored in a <meta> policy. docs/csp.md explains each
 * directive; the browser test test/browser/demo-csp.test.ts loads every page under it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

export interface CspOptions {
  /** Vite's dev server injects CSS as <style> elements from JS: only there `'unsafe-inline'` styles. */
  readonly dev?: boolean;
  /** Extra connect-src sources (the live room's signaling relay). */
  readonly connect?: readonly string[];
  /** Adds `require-trusted-types-for 'script'; trusted-types default` (the pages define that policy). */
  readonly trustedTypes?: boolean;
}

/** Directive → sources, in the order docs/csp.md explains them. */
export function cspDirectives(o: CspOptions = {}): Record<string, readonly string[]> {
  return {
    'default-src': ["'none'"],
    // Own module scripts only; 'wasm-unsafe-eval' lets tfjs and MediaPipe compile WebAssembly.
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    // The audio and vision workers are same-origin module scripts.
    'worker-src': ["'self'"],
    // Model, vocabulary, wasm binaries and the face model are fetched from the page's origin.
    'connect-src': ["'self'", ...(o.connect ?? [])],
    // The data: favicon; analyze.html's snapshot turns charts into data: images.
    'img-src': ["'self'", 'data:'],
    'style-src': o.dev === true ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'self'"],
    ...(o.trustedTypes === true ? { 'require-trusted-types-for': ["'script'"], 'trusted-types': ['default'] } : {}),
  };
}

export function contentSecurityPolicy(o: CspOptions = {}): string {
  return Object.entries(cspDirectives(o))
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

/** The development relay's port (packages/relay/src, `npm start`); live.html connects there. */
export const DEV_RELAY_PORT = 8787;

/**
 * Trusted Types are required on the pages whose entry installs the `default` policy
 * (src/trusted-types.ts: index, embed, analyze), not in dev, where Vite's error overlay writes
 * innerHTML.
 */
function policyFor(req: IncomingMessage, dev: boolean): string {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (!path.endsWith('/live.html')) return contentSecurityPolicy({ dev, trustedTypes: !dev });
  // The live room signals over a WebSocket to the relay on the same host name, another port.
  const host = new URL(`http://${req.headers.host ?? '127.0.0.1'}`).hostname;
  return contentSecurityPolicy({
    dev,
    connect: [`ws://${host}:${DEV_RELAY_PORT}`, `http://${host}:${DEV_RELAY_PORT}`],
  });
}

/** Sends the policy with every response of the dev and preview servers. */
export function cspHeaders(): Plugin {
  const use =
    (dev: boolean) =>
    (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
      res.setHeader('Content-Security-Policy', policyFor(req, dev));
      next();
    };
  return {
    name: 'hirenet-csp',
    configureServer(server) {
      server.middlewares.use(use(true));
    },
    configurePreviewServer(server) {
      server.middlewares.use(use(false));
    },
  };
}
