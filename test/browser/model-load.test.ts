import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HireNetModel, type InterviewOutput } from '@hirenet/sdk/model';
import { saveModelToDir } from '../../packages/research/src/index.ts';
import { closeHarness, withPage } from './harness/index.ts';
import { batchInterviews, initOptions, modelConfig, modelSeed } from './pages/model-shared.ts';

const dir = join(import.meta.dirname, 'pages', `tmp-models-${process.pid}`);
let expected: InterviewOutput[] = [];

beforeAll(async () => {
  await tf.setBackend('cpu');
  const model = HireNetModel.random(modelConfig, modelSeed, initOptions);
  expected = await model.predict(batchInterviews());
  await saveModelToDir(model, join(dir, 'good'));
  await saveModelToDir(model, join(dir, 'tampered'));
  model.dispose();
  const shard = join(dir, 'tampered', 'group1-shard1of1.bin');
  const bytes = await readFile(shard);
  bytes[100] = (bytes[100] ?? 0) ^ 0x40;
  await writeFile(shard, bytes);
});

afterAll(async () => {
  await closeHarness();
  await rm(dir, { recursive: true, force: true });
});

describe('model files in the browser', () => {
  it('a model saved in Node loads over fetch in Chromium and scores bit-identically on cpu', async () => {
    await withPage('model-load.html', async (page) => {
      const base = `tmp-models-${process.pid}`;
      const r = await page.run<{ ok: boolean; outputs: InterviewOutput[]; leaked: number }>({
        url: `${base}/good/model.json`,
        interviews: batchInterviews(),
      });
      expect(r.ok).toBe(true);
      expect(r.outputs).toEqual(expected);
      expect(r.leaked).toBe(0);
      const bad = await page.run<{ ok: boolean; code: string; message: string; leaked: number }>({
        url: `${base}/tampered/model.json`,
        interviews: batchInterviews(),
      });
      expect(bad.ok).toBe(false);
      expect(bad.code).toBe('model-integrity');
      expect(bad.message).toMatch(/sha256/);
      expect(bad.leaked).toBe(0);
      const missing = await page.run<{ ok: boolean; code: string }>({
        url: `${base}/nowhere/model.json`,
        interviews: [],
      });
      expect(missing).toMatchObject({ ok: false, code: 'model-integrity' });
      expect(page.externalRequests()).toEqual([]);
    });
  });
});

await mkdir(dir, { recursive: true });
