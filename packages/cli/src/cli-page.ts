/**
 * Where a prebuilt CLI page is (scripts/build-cli-pages.ts): dist/<name>-page/ beside the compiled
 * CLI (built by `npm run build:packages`, shipped in the package). Running from the TypeScript
 * sources of a checkout, a fresh page is built per run into a temporary directory (a few
 * seconds), so it never lags behind the sources.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';

export interface CliPage {
  readonly dir: string;
  cleanup(): Promise<void>;
}

export async function cliPage(name: 'analyze' | 'video'): Promise<CliPage> {
  const shipped = fileURLToPath(new URL(`./${name}-page/`, import.meta.url));
  if (existsSync(join(shipped, `${name}.html`))) return { dir: shipped, cleanup: async () => undefined };
  const script = new URL('../../../scripts/build-cli-pages.ts', import.meta.url);
  if (!existsSync(fileURLToPath(script)))
    throw new HireNetError('usage', `the ${name} page is missing at ${shipped}: reinstall @hirenet/cli`);
  const dir = await mkdtemp(join(tmpdir(), `hirenet-${name}-page-`));
  try {
    const { buildCliPage } = (await import(script.href)) as {
      buildCliPage(name: string, out: string): Promise<void>;
    };
    await buildCliPage(name, dir);
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
