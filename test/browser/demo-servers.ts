/**
 * The demo's own servers for the CSP tests: `vite preview` of a production build and `vite`
 * (dev), both started with packages/demo/vite.config.ts, so the headers checked are the ones
 * the config sends. Plus a collector of CSP violations and Trusted Types refusals in a page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { repoRoot, SOURCE_NODE_ARGS } from './harness/index.ts';

export interface DemoServer {
  readonly origin: string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

/** `vite preview --outDir dist` (mode 'preview') or `vite` (mode 'dev') of packages/demo on a free port. */
export async function startDemoServer(mode: 'preview' | 'dev', dist?: string): Promise<DemoServer> {
  const port = await freePort();
  const vite = join(repoRoot, 'node_modules/vite/bin/vite.js');
  const args =
    mode === 'preview'
      ? [...SOURCE_NODE_ARGS, vite, 'preview', '--outDir', dist ?? 'dist']
      : [...SOURCE_NODE_ARGS, vite];
  const child: ChildProcess = spawn(
    process.execPath,
    [...args, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      cwd: join(repoRoot, 'packages/demo'),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const close = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  for (const t0 = Date.now(); Date.now() - t0 < 60_000; ) {
    if (child.exitCode !== null) throw new Error(`vite ${mode} exited (${child.exitCode}):\n${log}`);
    const up = await fetch(`${origin}/embed.html`, { method: 'HEAD' }).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { origin, close };
    await new Promise((r) => setTimeout(r, 250));
  }
  await close();
  throw new Error(`vite ${mode} did not answer within 60 s:\n${log}`);
}

/**
 * Every `securitypolicyviolation` (pages and frames of the context) and every console message
 * about CSP or Trusted Types, as text. Must be called before the pages open.
 */
export async function collectCspViolations(ctx: BrowserContext): Promise<string[]> {
  const found: string[] = [];
  await ctx.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        [
          `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at`,
          `${e.sourceFile}:${e.lineNumber}`,
        ].join(' '),
      );
    });
  });
  ctx.on('console', (m) => {
    if (/Content Security Policy|CSP violation|TrustedScriptURL|Trusted Type/i.test(m.text())) found.push(m.text());
  });
  ctx.on('weberror', (e) => {
    if (/Trusted|Content Security/i.test(e.error().message)) found.push(e.error().message);
  });
  return found;
}
