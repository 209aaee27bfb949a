/**
 * Where the prebuilt analyze page is: dist/analyze-page/ beside the compiled CLI (built by
 * `npm run build:packages`, shipped in the package). Running from the TypeScript sources of a
 * checkout, a fresh page is built per run into a temporary directory (scripts/build-analyze-page.ts,
 * a few seconds), so it never lags behind the sources.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';

export interface AnalyzePage {
  readonly dir: string;
  cleanup(): Promise<void>;
}

export async function analyzePage(): Promise<AnalyzePage> {
  const shipped = fileURLToPath(new URL('./analyze-page/', import.meta.url));
  if (existsSync(join(shipped, 'analyze.html'))) return { dir: shipped, cleanup: async () => undefined };
  const script = new URL('../../../scripts/build-analyze-page.ts', import.meta.url);
  if (!existsSync(fileURLToPath(script)))
    throw new HireNetError('usage', `the analyze page is missing at ${shipped}: reinstall @hirenet/cli`);
  const dir = await mkdtemp(join(tmpdir(), 'hirenet-analyze-page-'));
  try {
    const { buildAnalyzePage } = (await import(script.href)) as { buildAnalyzePage(out: string): Promise<void> };
    await buildAnalyzePage(dir);
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
