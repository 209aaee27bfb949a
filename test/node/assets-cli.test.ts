// `hirenet assets --out DIR`: the documented layout (docs/packaging.md) copied into a site, every
// data file matching the manifest that ships beside the model, the worker scripts self-contained
// (no bare import a browser could not resolve), and the face model refused unless its sha256 is
// MediaPipe's.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipUnless, sharedPath } from '../browser/harness/paths.ts';
import { hirenet } from './run-cli.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hirenet-assets-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const filesUnder = (root: string): string[] => {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const abs = join(d, n);
      if (statSync(abs).isDirectory()) walk(abs);
      else out.push(relative(root, abs));
    }
  };
  walk(root);
  return out.sort();
};
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('hirenet assets', () => {
  it('copies the documented layout; data files match the shipped manifest; workers are self-contained', async () => {
    const out = join(dir, 'public/hirenet');
    const r = await hirenet('assets', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    // The vocabulary: vocab.json, words.txt and the vector blocks it lists (docs/word-vectors.md).
    const vocabJson = JSON.parse(readFileSync(new URL('../../models/vocab/vocab.json', import.meta.url), 'utf8')) as {
      files: { blocks: { path: string }[] };
    };
    const vocabFiles = ['vocab.json', 'words.txt', ...vocabJson.files.blocks.map((b) => b.path)].map(
      (f) => `vocab/${f}`,
    );
    expect(r.stdout).toContain(`${14 + vocabFiles.length} files`);
    expect(filesUnder(out)).toEqual(
      [
        'audio-worker.js',
        'capture-worklet.js',
        'mediapipe/vision_wasm_module_internal.js',
        'mediapipe/vision_wasm_module_internal.wasm',
        'model/audio/group1-shard1of1.bin',
        'model/audio/model.json',
        'model/fusion.json',
        'model/manifest.json',
        'model/video/group1-shard1of1.bin',
        'model/video/model.json',
        'tfjs/tfjs-backend-wasm-simd.wasm',
        'tfjs/tfjs-backend-wasm-threaded-simd.wasm',
        'tfjs/tfjs-backend-wasm.wasm',
        'vision-worker.js',
        ...vocabFiles,
      ].sort(),
    );
    const manifest = JSON.parse(readFileSync(join(out, 'model/manifest.json'), 'utf8')) as {
      assets: Record<string, Record<string, { bytes: number; sha256: string }>>;
    };
    let checked = 0;
    for (const [group, files] of Object.entries(manifest.assets)) {
      for (const [name, want] of Object.entries(files)) {
        const path = join(out, group, name);
        expect({ name: `${group}/${name}`, bytes: statSync(path).size, sha256: sha(path) }).toEqual({
          name: `${group}/${name}`,
          ...want,
        });
        checked++;
      }
    }
    // The vocabulary: vocab.json and words.txt (vocab.json lists the blocks with their sha256).
    expect(checked).toBe(9 + 2);
    expect(r.stdout).toContain(`manifestSha256 ${sha(join(out, 'model/manifest.json'))}`);
    for (const f of ['audio-worker.js', 'vision-worker.js', 'capture-worklet.js']) {
      const code = readFileSync(join(out, f), 'utf8');
      expect(code.length, f).toBeGreaterThan(f === 'capture-worklet.js' ? 300 : 100_000);
      // A bare specifier ('comlink', 'meyda', …) would need an import map or a bundler.
      const bare = [
        /\bfrom\s*["'][^./"'][^"']*["']/g,
        /\bimport\s*\(\s*["'][^./"'][^"']*["']\s*\)/g,
        /(?:^|[;}\n])\s*import\s*["'][^./"'][^"']*["']/g,
      ].flatMap((re) => code.match(re) ?? []);
      expect(bare, f).toEqual([]);
    }
    expect(readFileSync(join(out, 'capture-worklet.js'), 'utf8')).toContain('registerProcessor');
  });

  it('writes the face model gzip-compressed (face_landmarker.task.gz), unpacking to the exact bundle', async (ctx) => {
    skipUnless(ctx, 'models/face_landmarker.task');
    const out = join(dir, 'with-face');
    const face = sharedPath('models/face_landmarker.task');
    const r = await hirenet('assets', '--out', out, '--face-model', face);
    expect(r.code, r.stderr).toBe(0);
    const files = filesUnder(out);
    expect(files).toContain('face_landmarker.task.gz');
    expect(files).not.toContain('face_landmarker.task');
    const gz = readFileSync(join(out, 'face_landmarker.task.gz'));
    expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
    // A stored zip: gzip takes ~11 % off what goes over the wire.
    expect(gz.length).toBeLessThan(0.92 * statSync(face).size);
    const plain = gunzipSync(gz);
    expect(createHash('sha256').update(plain).digest('hex')).toBe(
      '64184e229b263107bc2b804c6625db1341ff2bb731874b0bcc2fe6544e0bc9ff',
    );
  });

  it('refuses a face model whose sha256 is not MediaPipe face_landmarker.task, and a missing --out', async () => {
    const fake = join(dir, 'face_landmarker.task');
    await writeFile(fake, 'not a model');
    const r = await hirenet('assets', '--out', join(dir, 'x'), '--face-model', fake);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${fake} has sha256 ${createHash('sha256').update('not a model').digest('hex')}`);
    expect(r.stderr).toContain('64184e229b263107bc2b804c6625db1341ff2bb731874b0bcc2fe6544e0bc9ff');
    const none = await hirenet('assets');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--out is required');
  });
});
