/**
 * Does WebGPU give wasm's answer on the model the product ships? Each shipped model
 * (models/hirenet-demo: audio and video) is decoded on each backend, scores one interview, and
 * every output number (score, every answer- and question-attention weight) is compared, for both
 * layouts of the SDK's GRU WebGPU kernel ('row' is what SwiftShader gets, 'unit' what a GPU gets).
 * The audio model reads real recordings (inputs.ts); the video model, whose rows need MediaPipe in
 * a browser, reads seeded rows of its width.
 */
import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HireNetModel } from '../../packages/sdk/src/model/hirenet-model.ts';
import { decodeModel } from '../../packages/sdk/src/model/io.ts';
import { featureMetadata } from '../../packages/sdk/src/model/model-features.ts';
import { standardize } from '../../packages/sdk/src/model/standardize.ts';
import type { InterviewInput, InterviewOutput } from '../../packages/sdk/src/model/types.ts';
import { gaussian, mulberry32 } from '../../packages/sdk/src/util/prng.ts';
import { type GruScanStrategy, setWebgpuGruStrategy } from '../../packages/sdk/src/model/kernels/gru-webgpu.ts';
import type { RecordingRows } from './inputs.ts';
import type { Correctness, ModelAgreement } from './types.ts';

/**
 * |webgpu − wasm| bound on every output number. Both run float32; the GPU sums in another order
 * and may use faster exp/tanh, so the bound is float32 rounding over 240 recurrent steps with margin.
 */
export const WEBGPU_TOLERANCE = 1e-4;

const SHIPPED = ['audio', 'video'] as const;

export async function loadShipped(dir: string, name: string): Promise<HireNetModel> {
  const base = join(dir, name);
  const json = JSON.parse(readFileSync(join(base, 'model.json'), 'utf8')) as unknown;
  return decodeModel(json, async (path) => new Uint8Array(readFileSync(join(base, path))));
}

function seededRows(n: number, width: number, seed: number): number[][] {
  const normal = gaussian(mulberry32(seed));
  return Array.from({ length: n }, () => Array.from({ length: width }, () => Math.fround(normal())));
}

/** One interview for `model`: the recordings (audio) or seeded rows, standardised as a session does. */
function interviewFor(model: HireNetModel, name: string, rec: RecordingRows | null): [InterviewInput, string] {
  const { inputDim, wordDim } = model.config;
  const real = name === 'audio' && rec !== null;
  const raw = real ? rec.answers : [0, 1, 2].map((i) => seededRows(60 + 40 * i, inputDim, 100 + i));
  const s = featureMetadata(model).standardizer;
  if (s.names.length !== inputDim) throw new Error(`${name}: standardiser width ${s.names.length} ≠ ${inputDim}`);
  const answers = raw.map((rows) => {
    const flat = standardize(Float32Array.from(rows.flat()), s);
    return rows.map((_, t) => Array.from(flat.subarray(t * inputDim, (t + 1) * inputDim)));
  });
  const input: InterviewInput = {
    jobTitle: seededRows(3, wordDim, 1),
    questions: answers.map((_, i) => seededRows(8, wordDim, 10 + i)),
    answers,
  };
  const windows = answers.map((a) => a.length).join('/');
  return [input, real ? `${rec.source} (windows ${windows})` : `seeded rows (windows ${windows})`];
}

function flatten(o: InterviewOutput): number[] {
  return [o.score, ...o.questionAttention, ...o.answerAttention.flat()];
}

async function score(modelDir: string, rec: RecordingRows | null): Promise<Map<string, [string, InterviewOutput]>> {
  const out = new Map<string, [string, InterviewOutput]>();
  for (const name of SHIPPED) {
    const model = await loadShipped(modelDir, name);
    try {
      const [input, label] = interviewFor(model, name, rec);
      const [o] = await model.predict([input]);
      if (o === undefined) throw new Error(`${name}: predict returned nothing`);
      out.set(name, [label, o]);
    } finally {
      model.dispose();
    }
  }
  return out;
}

/**
 * Scores each shipped model on wasm, then on webgpu once per GRU kernel layout (`use` makes a
 * backend active), and compares every output number with wasm's.
 * @param modelDir the folder holding audio/ and video/ (models/hirenet-demo in the repo).
 */
export async function checkShipped(
  modelDir: string,
  rec: RecordingRows | null,
  use: (backend: 'wasm' | 'webgpu') => Promise<void>,
  layouts: readonly GruScanStrategy[] = ['row', 'unit'],
): Promise<Correctness> {
  await use('wasm');
  // tf.memory() needs an active backend; the engine's tensor count spans every backend.
  const tensorsBefore = tf.memory().numTensors;
  const reference = await score(modelDir, rec);
  await use('webgpu');
  const models: ModelAgreement[] = [];
  try {
    for (const layout of layouts) {
      setWebgpuGruStrategy(layout);
      const got = await score(modelDir, rec);
      for (const name of SHIPPED) {
        const [label, want] = reference.get(name) ?? [];
        const have = got.get(name)?.[1];
        if (want === undefined || have === undefined || label === undefined) throw new Error(`${name}: not scored`);
        const a = flatten(want);
        const b = flatten(have);
        if (a.length !== b.length) throw new Error(`${name}: ${a.length} numbers on wasm, ${b.length} on webgpu`);
        models.push({
          model: `hirenet-demo/${name}`,
          layout,
          input: label,
          values: a.length,
          maxAbsDiff: Math.max(...a.map((v, i) => Math.abs(v - (b[i] as number)))),
          scores: { wasm: [want.score], webgpu: [have.score] },
        });
      }
    }
  } finally {
    setWebgpuGruStrategy('auto');
  }
  const maxAbsDiff = Math.max(...models.map((m) => m.maxAbsDiff));
  const tensorsAfter = tf.memory().numTensors;
  return {
    tolerance: WEBGPU_TOLERANCE,
    models,
    maxAbsDiff,
    // NaN fails too: every comparison with NaN is false.
    pass: maxAbsDiff <= WEBGPU_TOLERANCE && tensorsAfter === tensorsBefore,
    tensorsBefore,
    tensorsAfter,
  };
}
