/**
 * Runs the Chromium half of the scoring benchmark: bench/pages/bench-model.html once per
 * tfjs backend, each in a fresh context, on the bench's own Vite server (page-server.ts), with
 * Chromium flags for heap figures.
 */
import type { BackendSelection } from '../../packages/sdk/src/backend/select.ts';
import type { BenchPageArgs, BenchPageResult } from '../pages/bench-model.ts';
import { startPageRunner } from './page-server.ts';

export interface BrowserSession {
  readonly version: string;
  run(args: BenchPageArgs, timeoutMs: number): Promise<BenchPageResult | BackendSelection | { error: string }>;
  close(): Promise<void>;
}

export async function startBrowserSession(): Promise<BrowserSession> {
  const runner = await startPageRunner({ args: ['--enable-precise-memory-info', '--js-flags=--expose-gc'] });
  return {
    version: runner.version,
    run: (args, timeoutMs) =>
      runner.run<BenchPageResult | BackendSelection>('bench/pages/bench-model.html', args, timeoutMs),
    close: () => runner.close(),
  };
}
