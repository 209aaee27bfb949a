// The published packages' manifests (docs/packaging.md): exports a host's tools resolve (the
// workspace's "source" condition first, then types, then import), only built files shipped,
// side effects declared where they are, and no build tool or unused tfjs package at run time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../browser/harness/paths.ts';

interface Manifest {
  name: string;
  license: string;
  sideEffects: boolean | string[];
  exports?: Record<string, string | Record<string, string>>;
  files: string[];
  dependencies: Record<string, string>;
  bin?: Record<string, string>;
}
const read = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(repoRoot, 'packages', dir, 'package.json'), 'utf8')) as Manifest;
const PUBLISHED = ['sdk', 'research', 'relay', 'cli'] as const;

describe('published package manifests', () => {
  it.each(PUBLISHED)('%s: files are dist (+ assets, bin), README and LICENSE; no tsx, vite or esbuild', (dir) => {
    const m = read(dir);
    expect(m.license).toBe('Apache-2.0');
    expect(m.files).toEqual(expect.arrayContaining(['dist', 'README.md', 'LICENSE']));
    expect(m.files.filter((f) => !['dist', 'assets', 'bin', 'README.md', 'LICENSE'].includes(f))).toEqual([]);
    for (const tool of ['tsx', 'vite', 'esbuild', 'typescript']) expect(m.dependencies[tool], tool).toBeUndefined();
  });

  it.each(['sdk', 'research', 'relay'] as const)(
    '%s: every export lists source, types, import in that order',
    (dir) => {
      const m = read(dir);
      const conditional = Object.entries(m.exports ?? {}).filter(([, v]) => typeof v === 'object');
      expect(conditional.length).toBeGreaterThan(0);
      for (const [key, v] of conditional) {
        expect(Object.keys(v as object), key).toEqual(['source', 'types', 'import']);
        const { types, import: js } = v as Record<string, string>;
        expect(types, key).toMatch(/^\.\/dist\/.*\.d\.ts$/);
        expect(js, key).toMatch(/^\.\/dist\/.*\.js$/);
      }
    },
  );

  it('sdk: the bundle and workers are exported, worker entries have side effects, no @tensorflow/tfjs union', () => {
    const m = read('sdk');
    expect(m.exports?.['./bundle']).toMatchObject({ import: './dist/bundle/index.js' });
    expect(m.exports?.['./workers/*.js']).toBe('./dist/workers/*.js');
    expect(m.files).toContain('assets');
    expect(m.sideEffects).toEqual(
      expect.arrayContaining([
        './dist/workers/audio-worker.js',
        './dist/workers/vision-worker.js',
        './dist/workers/capture-worklet.js',
        './src/audio/audio-worker.ts',
        './src/video/vision-worker.ts',
        './src/audio/capture-worklet.ts',
      ]),
    );
    expect(
      Object.keys(m.dependencies)
        .filter((d) => d.startsWith('@tensorflow/'))
        .sort(),
    ).toEqual([
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-webgpu',
      '@tensorflow/tfjs-core',
    ]);
  });

  it('research declares the side effect of its gradient registration; cli ships its bin and playwright-core', () => {
    const research = read('research');
    expect(research.sideEffects).toEqual(
      expect.arrayContaining(['./dist/train/register-gradients.js', './dist/train/tfjs-gradients.js']),
    );
    // Gradients come from tfjs-core's own registrations (bundled at build), not the 210 MB union.
    expect(research.dependencies['@tensorflow/tfjs']).toBeUndefined();
    const cli = read('cli');
    expect(cli.bin).toEqual({ hirenet: './bin/hirenet.js' });
    expect(cli.files).toContain('bin');
    expect(cli.dependencies['playwright-core']).toBeDefined();
  });
});
