import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stderr, stdout } from 'node:process';
import { readManifest, loadDataset } from '@hirenet/research/internal/dataset/read-node';
import type { Modality } from '@hirenet/sdk/internal/dataset/format';
import type { HireNetVariant } from '@hirenet/sdk/internal/model/types';
import { saveModelToDir } from '@hirenet/research';
import { encodeInterview } from '@hirenet/research/internal/train/encode';
import { splitByGroup, splitByInterview } from '@hirenet/research/internal/train/split';
import { fitStandardizer } from '@hirenet/sdk/internal/model/standardize';
import { textStandardizer } from '@hirenet/sdk/internal/model/model-features';
import { splitFractions, TEXT_TRAIN } from '@hirenet/research/internal/train/text-defaults';
import { augmentPlan } from '@hirenet/research/internal/train/augment';
import { DEFAULT_TAKE_LAW } from '@hirenet/research/internal/train/take-perturbation';
import {
  DEFAULT_AUGMENT,
  DEFAULT_TRAIN,
  evaluateEncoded,
  trainHireNet,
} from '@hirenet/research/internal/train/trainer';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { intFlag, parseCommandArgs } from './args.ts';
import { initBackendNode } from '@hirenet/research/internal/node-backend';
import { batchProgress, epochLine } from './progress.ts';
import { FUSION_FORMAT } from './scoring.ts';
import { usageText } from './usage.ts';
import { loadWords } from './words.ts';

const USAGE = usageText('train');

function numberFlag(flags: Map<string, string>, name: string, fallback: number): number {
  const raw = flags.get(name);
  const v = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(v) || v <= 0)
    throw new HireNetError('usage', `--${name} must be a positive number, got ${String(raw)}`);
  return v;
}

function nonNegativeFlag(flags: Map<string, string>, name: string, fallback: number): number {
  const raw = flags.get(name);
  const v = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(v) || v < 0)
    throw new HireNetError('usage', `--${name} must be a number ≥ 0, got ${String(raw)}`);
  return v;
}

function optionalNumber(flags: Map<string, string>, name: string): number | undefined {
  const raw = flags.get(name);
  return raw === undefined ? undefined : nonNegativeFlag(flags, name, 0);
}

function groupKey(v: unknown, id: string, field: string): string {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  throw new HireNetError('invalid-dataset', `interview ${id} has no string or number "${field}" for --group-by`);
}

/** `--length-input on|off`: answer length ℓ as a classifier input (types.ts); on by default for text. */
function lengthFlag(raw: string | undefined, text: boolean): boolean {
  if (raw === undefined) return text && TEXT_TRAIN.lengthInput;
  if (raw !== 'on' && raw !== 'off') throw new HireNetError('usage', `--length-input must be on or off, got ${raw}`);
  return raw === 'on';
}

function selectFlag(raw: string): 'f1' | 'auc' {
  if (raw !== 'f1' && raw !== 'auc') throw new HireNetError('usage', `--select must be f1 or auc, got ${raw}`);
  return raw;
}

/** `hirenet train`: standardise on the training split, fit, select on validation F1, report test. */
export async function runTrain(args: string[]): Promise<number> {
  const { flags } = parseCommandArgs('train', args);
  const data = flags.get('data');
  const out = flags.get('out');
  const modality = flags.get('modality');
  if (
    data === undefined ||
    out === undefined ||
    modality === undefined ||
    !['audio', 'video', 'text', 'both', 'all'].includes(modality)
  ) {
    stderr.write(USAGE);
    return 2;
  }
  await initBackendNode(flags.get('backend') ?? 'wasm');
  if (modality !== 'both' && modality !== 'all') return trainOne(flags, data, out, modality as Modality);
  // 'both': audio and video; 'all': every modality the manifest lists (text included).
  const listed = Object.keys((await readManifest(data)).modalities) as Modality[];
  const members: Modality[] = modality === 'both' ? ['audio', 'video'] : listed;
  // Late fusion (the paper's Table 4): one HireNet per modality, scores averaged at prediction.
  const staging = `${out}.fusion-tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  // A failed member leaves neither a half-built fusion nor its staging directory behind.
  try {
    for (const m of members) {
      stderr.write(`--- ${m} ---\n`);
      const code = await trainOne(flags, data, join(staging, m), m);
      if (code !== 0) {
        await rm(staging, { recursive: true, force: true });
        return code;
      }
    }
    await writeFile(
      join(staging, 'fusion.json'),
      `${JSON.stringify(
        { format: FUSION_FORMAT, rule: 'mean', members: Object.fromEntries(members.map((m) => [m, m])) },
        null,
        2,
      )}\n`,
    );
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  await rm(out, { recursive: true, force: true });
  await rename(staging, out);
  return 0;
}

async function trainOne(flags: Map<string, string>, data: string, out: string, modality: Modality): Promise<number> {
  const variant = (flags.get('variant') ?? 'hirenet') as HireNetVariant;
  const seed = intFlag(flags, 'seed', 1);
  const units = intFlag(flags, 'units', 16);
  const normalize = flags.get('normalize') ?? 'answer';
  if (normalize !== 'answer' && normalize !== 'none')
    throw new HireNetError('usage', `--normalize must be answer or none, got ${normalize}`);

  const text = modality === 'text';
  const augment = flags.get('augment') ?? (text ? 'none' : DEFAULT_AUGMENT);
  if (augment !== 'takes' && augment !== 'none')
    throw new HireNetError('usage', `--augment must be takes or none, got ${augment}`);

  const manifest = await readManifest(data);
  const names = manifest.modalities[modality];
  if (names === undefined)
    throw new HireNetError(
      'usage',
      `${data} has no ${modality} features (manifest lists: ${Object.keys(manifest.modalities).join(', ')})`,
    );
  stderr.write(`reading ${data} …\n`);
  const { interviews } = await loadDataset(data);
  // The small-set split (80/20, no test) is the text modality's default; voice and face keep 80/10/10.
  const fractions = splitFractions(
    text ? interviews.length : Number.POSITIVE_INFINITY,
    optionalNumber(flags, 'validation-fraction'),
    optionalNumber(flags, 'test-fraction'),
  );
  if (!(fractions[0] > 0)) throw new HireNetError('usage', 'validation and test fractions leave nothing to train on');
  // --group-by FIELD: interviews sharing that field (a participant id) stay on one side of the split.
  const groupField = flags.get('group-by');
  const split =
    groupField === undefined
      ? splitByInterview(interviews, seed, fractions)
      : splitByGroup(interviews, (iv) => groupKey(iv.extra[groupField], iv.id, groupField), seed, fractions);
  if (split.train.length === 0 || split.validation.length === 0)
    throw new HireNetError('invalid-dataset', `${interviews.length} interviews are too few to split for training`);
  const { words, vocab } = await loadWords(flags.get('vocab'));
  const standardizer =
    modality === 'text'
      ? textStandardizer(words.dims)
      : fitStandardizer(
          split.train.flatMap((iv) => iv.answers.map((a) => a[modality]).filter((a): a is Float32Array => a != null)),
          names,
          normalize,
        );
  const encode = (list: typeof interviews) => list.map((iv) => encodeInterview(iv, modality, standardizer, words));
  const [train, validation, test] = [encode(split.train), encode(split.validation), encode(split.test)];
  stderr.write(
    [
      `${interviews.length} interviews: ${train.length} train / ${validation.length} validation /`,
      `${test.length} test;`,
      `${text ? `${words.dims}-d word vectors` : `${names.length} ${modality} features`}; variant`,
      `${variant}\n`,
    ].join(' '),
  );

  const metadata = {
    features: {
      modality,
      windowSeconds: manifest.windowSeconds,
      hopSeconds: manifest.hopSeconds,
      standardizer,
      vocab,
      ...(text ? { text: { unknown: 'skip' } } : {}),
    },
    training: {
      dataset: String(manifest['generator'] === undefined ? 'unspecified' : JSON.stringify(manifest['generator'])),
      seed,
      split: [train.length, validation.length, test.length],
    },
  };
  const options = {
    epochs: intFlag(flags, 'epochs', DEFAULT_TRAIN.epochs),
    batchSize: intFlag(flags, 'batch-size', DEFAULT_TRAIN.batchSize),
    learningRate: numberFlag(flags, 'lr', DEFAULT_TRAIN.learningRate),
    patience: intFlag(flags, 'patience', DEFAULT_TRAIN.patience),
    inputNoise: nonNegativeFlag(flags, 'noise', text ? TEXT_TRAIN.inputNoise : (DEFAULT_TRAIN.inputNoise ?? 0)),
    weightDecay: nonNegativeFlag(flags, 'weight-decay', text ? TEXT_TRAIN.weightDecay : 0),
    rowDropout: nonNegativeFlag(flags, 'word-dropout', text ? TEXT_TRAIN.rowDropout : 0),
    startMargin: nonNegativeFlag(flags, 'start-margin', text ? TEXT_TRAIN.startMargin : 0),
    selectOn: selectFlag(flags.get('select') ?? DEFAULT_TRAIN.selectOn ?? 'f1'),
    attentionEntropy: nonNegativeFlag(flags, 'attention-entropy', DEFAULT_TRAIN.attentionEntropy ?? 0),
    queryInitScale: numberFlag(flags, 'query-scale', DEFAULT_TRAIN.queryInitScale ?? 1),
    augment: augment === 'takes' ? augmentPlan(standardizer, DEFAULT_TAKE_LAW) : null,
    seed,
    onEpoch: (e: Parameters<typeof epochLine>[0]) => stderr.write(`${epochLine(e)}\n`),
    onBatch: batchProgress,
  };
  const config = {
    inputDim: standardizer.names.length,
    wordDim: words.dims,
    lowUnits: units,
    contextUnits: units,
    highUnits: units,
    attentionDim: units,
    highAttentionDim: units,
    variant,
    lengthInput: lengthFlag(flags.get('length-input'), text),
  };
  const { model, history } = await trainHireNet(config, train, validation, options, metadata);
  const testMetrics = test.length > 0 ? await evaluateEncoded(model, test) : null;
  const bestEpoch = history.filter((h) => h.best).at(-1);
  const withResults = {
    ...metadata,
    training: {
      ...metadata.training,
      bestEpoch: bestEpoch?.epoch,
      validation: bestEpoch?.validation,
      test: testMetrics,
      secondsPerEpoch: history.map((h) => h.seconds),
    },
  };
  const { HireNetModel } = await import('@hirenet/sdk/internal/model/hirenet-model');
  const final = HireNetModel.fromWeights(model.config, model.getWeights(), withResults);
  model.dispose();
  await saveModelToDir(final, out);
  final.dispose();
  stdout.write(
    `${JSON.stringify({ out, bestEpoch: bestEpoch?.epoch, validation: bestEpoch?.validation, test: testMetrics })}\n`,
  );
  return 0;
}
