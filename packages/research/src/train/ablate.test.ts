import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseInterviewLine } from '@hirenet/sdk/internal/dataset/validate';
import { resolveSimConfig, simManifest } from '../sim/config.ts';
import { generateInterview } from '../sim/interview.ts';
import { FUSION_MODELS, SINGLE_MODELS, runAblation, type AblationOptions } from './ablate.ts';
import type { WordEmbedder } from './encode.ts';

// Word vectors only feed the context encoders here; a tiny fixed embedding keeps the test offline and fast.
const words = {
  dims: 3,
  embed: (text: string) =>
    Float32Array.from(
      text
        .split(/\s+/)
        .filter(Boolean)
        .flatMap((w) => [w.length / 10, w.charCodeAt(0) / 128, 1]),
    ),
} as unknown as WordEmbedder;

const config = resolveSimConfig({
  seed: 5,
  interviews: 40,
  answers: { min: 1, max: 3 },
  windows: { min: 20, max: 30 },
});
const manifest = simManifest(config);
const interviews = Array.from({ length: config.interviews }, (_, i) =>
  parseInterviewLine(JSON.stringify(generateInterview(config, i)), i + 1, manifest),
);

const options = (overrides: Partial<AblationOptions>): AblationOptions => ({
  seeds: [1],
  modalities: ['audio', 'video'],
  models: [...SINGLE_MODELS, ...FUSION_MODELS],
  epochs: 1,
  units: 2,
  batchSize: 16,
  learningRate: 3e-3,
  patience: 1,
  bowK: 4,
  bowSampleWindows: 500,
  log: () => {},
  ...overrides,
});

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('runAblation', () => {
  it('runs every Table 3 model per modality and both Table 4 fusions, without leaking tensors', async () => {
    const before = tf.memory().numTensors;
    const seen: string[] = [];
    const entries = await runAblation(
      interviews,
      manifest.modalities,
      words,
      options({ onEntry: (e) => void seen.push(`${e.modality}/${e.model}`) }),
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(entries.map((e) => `${e.modality}/${e.model}`)).toEqual([
      ...SINGLE_MODELS.map((m) => `audio/${m}`),
      ...SINGLE_MODELS.map((m) => `video/${m}`),
      'fusion/late',
      'fusion/early',
    ]);
    expect(seen).toHaveLength(entries.length);
    for (const e of entries) {
      expect(e.test.n).toBe(4);
      expect(e.testClean?.n).toBe(4);
      expect(e.test.f1).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives the same baseline results for the same seed', async () => {
    const run = () =>
      runAblation(
        interviews,
        manifest.modalities,
        words,
        options({ modalities: ['audio'], models: ['nonseq', 'bow'] }),
      );
    const [a, b] = [await run(), await run()];
    expect(a.map((e) => e.test)).toEqual(b.map((e) => e.test));
  });
});
