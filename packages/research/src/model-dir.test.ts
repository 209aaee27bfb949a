import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModelFromDir, saveModelToDir } from './index.ts';
import { ModelIntegrityError } from '@hirenet/sdk/internal/util/errors';
import { HireNetModel } from '@hirenet/sdk/internal/model/hirenet-model';
import { TINY, UNEVEN_SHAPES, unevenInterviews } from '@hirenet/sdk/internal/model/testing/fixtures';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hirenet-io-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('model files', () => {
  it('round-trips weights bit-exactly and scores identically, leaking no tensors', async () => {
    const before = tf.memory().numTensors;
    const model = HireNetModel.random({ ...TINY, variant: 'hirenet' }, 21, { biasScale: 0.3 }, { note: 'kept' });
    const dir = join(await tempDir(), 'm');
    await saveModelToDir(model, dir);
    const loaded = await loadModelFromDir(dir);
    expect(loaded.config).toEqual(model.config);
    expect(loaded.metadata).toEqual({ note: 'kept' });
    const [a, b] = [model.getWeights(), loaded.getWeights()];
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const [name, w] of Object.entries(a)) {
      expect(Buffer.from((b[name]?.data ?? new Float32Array()).buffer).equals(Buffer.from(w.data.buffer)), name).toBe(
        true,
      );
    }
    const interviews = unevenInterviews(5, TINY, UNEVEN_SHAPES);
    expect(await loaded.predict(interviews)).toEqual(await model.predict(interviews));
    model.dispose();
    loaded.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('writes tfjs weights format with a sha256 per shard', async () => {
    const model = HireNetModel.random({ ...TINY, variant: 'hn_satt' }, 2);
    const dir = join(await tempDir(), 'm');
    await saveModelToDir(model, dir);
    model.dispose();
    const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
    expect(json.format).toBe('hirenet-model/1');
    expect(json.weightsManifest[0].paths).toEqual(['group1-shard1of1.bin']);
    expect(json.weightsManifest[0].weights[0]).toEqual({
      name: 'questionEncoder/kernel',
      shape: [4, 9],
      dtype: 'float32',
    });
    expect(json.hirenet.shardSha256[0]).toMatch(/^[0-9a-f]{64}$/);
    expect((await readdir(join(dir, '..'))).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('refuses a tampered shard, a truncated shard and a foreign model.json', async () => {
    const model = HireNetModel.random({ ...TINY, variant: 'hn_avg' }, 3);
    const dir = join(await tempDir(), 'm');
    await saveModelToDir(model, dir);
    model.dispose();
    const shard = join(dir, 'group1-shard1of1.bin');
    const bytes = await readFile(shard);
    const flipped = Buffer.from(bytes);
    flipped[10] = (flipped[10] ?? 0) ^ 1;
    await writeFile(shard, flipped);
    await expect(loadModelFromDir(dir)).rejects.toThrow(ModelIntegrityError);
    await expect(loadModelFromDir(dir)).rejects.toThrow(/sha256/);
    await writeFile(shard, bytes.subarray(0, bytes.length - 4));
    await expect(loadModelFromDir(dir)).rejects.toThrow(/sha256/);
    await writeFile(join(dir, 'model.json'), '{"format":"something-else"}');
    await expect(loadModelFromDir(dir)).rejects.toThrow(/not a hirenet-model\/1 file/);
    await expect(loadModelFromDir(join(dir, 'nowhere'))).rejects.toThrow(ModelIntegrityError);
  });
});
