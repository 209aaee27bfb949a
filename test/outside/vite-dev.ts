/**
 * The Vite host's own dev server (`npm run dev` in a create-vite app), started on a free port:
 * what a developer opens first, and where the SDK's dependencies go through Vite's dependency
 * optimiser instead of a production build.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface DevServer {
  readonly origin: string;
  /** Everything the server printed (optimiser messages, reloads, errors). */
  output(): string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

export async function startViteDev(appDir: string, timeoutMs = 60_000): Promise<DevServer> {
  const port = await freePort();
  const vite = join(appDir, 'node_modules/vite/bin/vite.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [vite, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      cwd: appDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const origin = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  while (!out.includes(origin)) {
    if (child.exitCode !== null || Date.now() - t0 > timeoutMs) {
      child.kill();
      throw new Error(`vite dev server did not start in ${appDir}:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    origin,
    output: () => out,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
