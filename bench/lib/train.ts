/**
 * Training time: one epoch of trainHireNet on a fresh SimInterview draw (6 answers × 240
 * windows, audio), measured here, then extrapolated linearly to the paper-sized 5,000 interviews.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initBackendNode } from '../../packages/research/src/node-backend.ts';
import { loadWords } from '../../packages/cli/src/words.ts';
import { loadDataset } from '../../packages/research/src/dataset/read-node.ts';
import { encodeInterview } from '../../packages/research/src/train/encode.ts';
import { fitStandardizer } from '../../packages/sdk/src/model/standardize.ts';
import { DEFAULT_TRAIN, trainHireNet } from '../../packages/research/src/train/trainer.ts';

export interface TrainResult {
  readonly backend: string;
  readonly interviews: number;
  readonly trainInterviews: number;
  readonly validationInterviews: number;
  readonly batchSize: number;
  /** Wall time of the epoch (training steps + validation scoring). */
  readonly epochSeconds: number;
  readonly secondsPerTrainInterview: number;
  /** epochSeconds scaled to 5,000 interviews (80 % train, 10 % validation): NOT measured. */
  readonly extrapolatedEpochSeconds5000: number;
}

export async function benchTraining(backend: 'cpu' | 'wasm', interviews: number): Promise<TrainResult> {
  const dir = mkdtempSync(join(tmpdir(), 'hirenet-bench-sim-'));
  try {
    execFileSync(
      'npx',
      [
        'hirenet',
        'simulate',
        '--out',
        dir,
        '--seed',
        '1',
        '--interviews',
        String(interviews),
        '--modalities',
        'audio',
        '--answers',
        '6',
        '--windows',
        '240',
        '--force',
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const { manifest, interviews: parsed } = await loadDataset(dir);
    const names = manifest.modalities.audio ?? [];
    const { words } = await loadWords();
    const standardizer = fitStandardizer(
      parsed.flatMap((iv) => iv.answers.map((a) => a.audio)).filter((a): a is Float32Array => a != null),
      names,
    );
    const encoded = parsed.map((iv) => encodeInterview(iv, 'audio', standardizer, words));
    // 8:1 like the trainer's 80/10 split, so the epoch includes a proportional validation pass.
    const nVal = Math.max(1, Math.round(encoded.length / 9));
    const train = encoded.slice(nVal);
    const validation = encoded.slice(0, nVal);
    await initBackendNode(backend);
    const config = { inputDim: names.length, wordDim: words.dims };
    let epochSeconds = NaN;
    const options = {
      ...DEFAULT_TRAIN,
      epochs: 1,
      seed: 1,
      onEpoch: (e: { seconds: number }) => (epochSeconds = e.seconds),
    };
    const { model } = await trainHireNet(config, train, validation, options, {});
    model.dispose();
    const perTrain = epochSeconds / train.length;
    return {
      backend,
      interviews: encoded.length,
      trainInterviews: train.length,
      validationInterviews: validation.length,
      batchSize: DEFAULT_TRAIN.batchSize,
      epochSeconds,
      secondsPerTrainInterview: perTrain,
      extrapolatedEpochSeconds5000: (epochSeconds * (4000 + 500)) / (train.length + validation.length),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
