/**
 * The face model served gzip-compressed (face_landmarker.task.gz, what `npx hirenet assets` writes):
 * the vision worker unpacks it and checks the sha256 of the plain bundle; a corrupt or truncated
 * .gz is a `video-model` error, never a hang. The files are made at test time under
 * node_modules/.cache (inside the repo, so the harness's Vite server may serve them).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeHarness, repoRoot, sharedMissing, sharedPath, withPage } from './harness/index.ts';

const MODEL = 'models/face_landmarker.task';
const missing = sharedMissing(MODEL);
if (missing) console.warn(`[video-task-gzip] ${missing}`);

const dir = join(repoRoot, 'node_modules/.cache/hirenet-task-gzip');
// Served by a route, not by Vite: Vite's server adds `Content-Encoding: gzip` to .gz files, so the
// browser would unpack them before the worker sees a byte. `encoded` serves them that way on purpose.
const PREFIX = '/task-gzip/';
const url = (name: string): string => `${PREFIX}${name}`;

interface PageResult {
  initMs?: number;
  initError?: { code: string | null; message: string };
}

function init(modelUrl: string, encoded = false): Promise<PageResult> {
  return withPage('video/file.html', async (h) => {
    // Context-level: the model is fetched by the vision worker, not by the page.
    await h.page.context().route(`**${PREFIX}**`, (route) =>
      route.fulfill({
        body: readFileSync(join(dir, new URL(route.request().url()).pathname.slice(PREFIX.length))),
        contentType: 'application/octet-stream',
        headers: encoded ? { 'Content-Encoding': 'gzip' } : {},
      }),
    );
    return h.run<PageResult>({ modelUrl, files: [] });
  });
}

describe.skipIf(missing !== undefined)('face model served as .task.gz', () => {
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    const gz = gzipSync(readFileSync(sharedPath(MODEL)), { level: 9 });
    writeFileSync(join(dir, 'face.task.gz'), gz);
    writeFileSync(join(dir, 'truncated.task.gz'), gz.subarray(0, gz.length >> 1));
    // Deflate data overwritten in the middle: an invalid block or a CRC mismatch at the end.
    const corrupt = Buffer.from(gz);
    corrupt.fill(0xa5, corrupt.length >> 1, (corrupt.length >> 1) + 4096);
    writeFileSync(join(dir, 'corrupt.task.gz'), corrupt);
    // gzip of other bytes: unpacks fine, then fails the sha256 of the plain bundle.
    writeFileSync(join(dir, 'other.task.gz'), gzipSync(Buffer.from('PK not a landmarker')));
  });
  afterAll(async () => {
    await closeHarness();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts the landmarker from the .gz, checking the default sha256 on the unpacked bytes', async () => {
    const r = await init(url('face.task.gz'));
    console.log(`[video-task-gzip] init from .task.gz: ${r.initMs?.toFixed(0)} ms`);
    expect(r.initError).toBeUndefined();
    expect(r.initMs).toBeGreaterThan(0);
  });

  it('also when the server sends the .gz with Content-Encoding: gzip (fetch unpacks it: no magic left)', async () => {
    const r = await init(url('face.task.gz'), true);
    expect(r.initError).toBeUndefined();
  });

  it('a truncated or corrupt .gz is refused with video-model (not a valid gzip file)', async () => {
    for (const name of ['truncated.task.gz', 'corrupt.task.gz']) {
      const r = await init(url(name));
      expect(r.initError?.code, name).toBe('video-model');
      expect(r.initError?.message, name).toMatch(/not a valid gzip file/);
    }
  });

  it('a .gz of other bytes unpacks, then fails the sha256 with video-model', async () => {
    const r = await init(url('other.task.gz'));
    expect(r.initError?.code).toBe('video-model');
    expect(r.initError?.message).toMatch(/sha256/);
  });
});
