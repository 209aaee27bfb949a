import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root (this file lives in test/browser/harness). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** ../shared beside the checkout: read-only fixtures, models and papers (see its README). */
export const sharedDir = resolve(repoRoot, '..', 'shared');

/** Directory served as the test pages' web root. */
export const pagesDir = resolve(repoRoot, 'test/browser/pages');

/** Absolute path of a file under ../shared, e.g. sharedPath('fixtures/audio/jfk.wav'). */
export function sharedPath(rel: string): string {
  return resolve(sharedDir, rel);
}

/**
 * URL under which a page can fetch a ../shared file from the harness server. Vite serves files
 * outside its root at /@fs/<absolute path> when `server.fs.allow` lists them (it does).
 */
export function sharedUrl(rel: string): string {
  return `/@fs${sharedPath(rel)}`;
}

/** Why the given ../shared files cannot be used, or undefined when they are all there. */
export function sharedMissing(...rels: string[]): string | undefined {
  const missing = rels.filter((rel) => !existsSync(sharedPath(rel)));
  if (missing.length === 0) return undefined;
  return `needs ../shared (${sharedDir}) with ${missing.join(', ')} — absent on this machine, skipped`;
}

/** The part of Vitest's test context that skipUnless needs. */
interface Skippable {
  skip(condition: boolean, note?: string): void;
}

/**
 * Skip the running test with a readable note unless every listed ../shared file exists (under CI=true
 * it throws instead, failing the test):
 *   it('scores a real interview', (ctx) => { skipUnless(ctx, 'fixtures/video/vrt_face_1.mp4'); … })
 * For a whole file use `describe.skipIf(sharedMissing('…'))` (Vitest shows no note there, so
 * the reason is also printed).
 */
export function skipUnless(ctx: Skippable, ...rels: string[]): void {
  const why = sharedMissing(...rels);
  // CI has ../shared beside the checkout: a missing file there is a failure, never a skip.
  if (why !== undefined && process.env['CI'] === 'true') throw new Error(`CI must not skip: ${why}`);
  if (why !== undefined) {
    console.warn(`[harness] ${why}`);
    ctx.skip(true, why);
  }
}

/** Node flags that run workspace TypeScript: packages resolve to their sources (the "source" condition). */
export const SOURCE_NODE_ARGS = ['--conditions=source', '--import', 'tsx'] as const;
