import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import type { Modality } from '@hirenet/sdk/internal/dataset/format';
import type { ParsedInterview } from '@hirenet/sdk/internal/dataset/validate';
import type { HireNetModel } from '@hirenet/sdk/internal/model/hirenet-model';
import type { HireNetVariant } from '@hirenet/sdk/internal/model/types';
import {
  bowBaseline,
  earlyFusion,
  meanRowBaseline,
  nonSequentialBaseline,
  type BaselineResult,
} from './ablate-baselines.ts';
import { lastLayerEncoded } from './ablate-fusion.ts';
import { encodeInterview, type EncodedInterview, type WordEmbedder } from './encode.ts';
import { binaryMetrics, type BinaryMetrics } from './metrics.ts';
import { splitByInterview } from './split.ts';
import { fitStandardizer } from '@hirenet/sdk/internal/model/standardize';
import { textStandardizer } from '@hirenet/sdk/internal/model/model-features';
import { TEXT_TRAIN } from './text-defaults.ts';
import { DEFAULT_TRAIN, predictEncoded, trainHireNet, type EpochReport } from './trainer.ts';

/** The rows of the paper's Table 3 (per modality) and Table 4 (fusion), in its order. */
export const SINGLE_MODELS = ['nonseq', 'bow', 'bigru', 'hn_avg', 'hn_satt', 'hirenet'] as const;
export const FUSION_MODELS = ['early', 'late'] as const;
export type SingleModel = (typeof SINGLE_MODELS)[number];
export type FusionModel = (typeof FUSION_MODELS)[number];
export type AblationModel = SingleModel | FusionModel;

export const MODEL_LABELS: Readonly<Record<AblationModel, string>> = {
  nonseq: 'Non-sequential',
  bow: 'Bo*W',
  bigru: 'BiGRU',
  hn_avg: 'HN_AVG',
  hn_satt: 'HN_SATT',
  hirenet: 'HireNet',
  early: 'Early fusion',
  late: 'Late fusion',
};

export interface AblationEntry {
  readonly modality: Modality | 'fusion';
  readonly model: AblationModel;
  readonly seed: number;
  /** Metrics against the dataset's `label` on the validation split (the selection criterion). */
  readonly validation: BinaryMetrics;
  /** Metrics against the dataset's `label` on the test split. */
  readonly test: BinaryMetrics;
  /** Against `cleanLabel` when the dataset records one (SimInterview), else null. */
  readonly testClean: BinaryMetrics | null;
  readonly seconds: number;
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface AblationOptions {
  readonly seeds: readonly number[];
  readonly modalities: readonly Modality[];
  readonly models: readonly AblationModel[];
  readonly epochs: number;
  readonly units: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly patience: number;
  readonly bowK: number;
  readonly bowSampleWindows: number;
  readonly log: (line: string) => void;
  readonly onEpoch?: (e: EpochReport) => void;
  readonly onBatch?: (done: number, total: number) => void;
  /** Called after every finished row, so a caller can write partial results. */
  readonly onEntry?: (entry: AblationEntry, all: readonly AblationEntry[]) => Promise<void> | void;
}

function cleanLabels(items: readonly EncodedInterview[]): number[] | null {
  const labels = items.map((iv) => iv.source.extra['cleanLabel']);
  return labels.every((l) => l === 0 || l === 1) ? (labels as number[]) : null;
}

function hasModality(iv: EncodedInterview): boolean {
  return iv.answers.some((a) => a !== null && a.length > 0);
}

interface Encoded {
  readonly train: EncodedInterview[];
  readonly validation: EncodedInterview[];
  readonly test: EncodedInterview[];
}

/** Trains and tests every requested model for every seed; the split and the initialisation share the seed. */
export async function runAblation(
  interviews: readonly ParsedInterview[],
  featureNames: Partial<Record<Modality, readonly string[]>>,
  words: WordEmbedder,
  options: AblationOptions,
): Promise<AblationEntry[]> {
  const entries: AblationEntry[] = [];
  const record = async (entry: AblationEntry): Promise<void> => {
    entries.push(entry);
    const m = entry.test;
    const c = entry.testClean;
    const clean = c === null ? '' : `; vs clean F1 ${c.f1.toFixed(3)} AUC ${c.auc.toFixed(3)}`;
    options.log(
      [
        `  ${entry.modality} ${MODEL_LABELS[entry.model]} (seed ${entry.seed}): test P`,
        `${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)} AUC`,
        `${m.auc.toFixed(3)}${clean}`,
        ` (${entry.seconds.toFixed(0)} s)`,
      ].join(' '),
    );
    await options.onEntry?.(entry, entries);
  };
  const wantFusion = options.modalities.length > 1 && options.models.some((m) => m === 'early' || m === 'late');

  for (const seed of options.seeds) {
    const split = splitByInterview(interviews, seed);
    options.log(
      [
        `seed ${seed}: ${split.train.length} train / ${split.validation.length} validation /`,
        `${split.test.length} test interviews`,
      ].join(' '),
    );
    const fusionParts = new Map<Modality, { model: HireNetModel; data: Encoded }>();
    try {
      for (const modality of options.modalities) {
        const names = featureNames[modality];
        if (names === undefined) throw new HireNetError('invalid-dataset', `the dataset has no ${modality} features`);
        const text = modality === 'text';
        const standardizer = text
          ? textStandardizer(words.dims)
          : fitStandardizer(
              split.train.flatMap((iv) =>
                iv.answers.map((a) => a[modality]).filter((a): a is Float32Array => a != null),
              ),
              names,
              'answer',
            );
        const width = standardizer.names.length;
        const encode = (list: readonly ParsedInterview[]): EncodedInterview[] =>
          list.map((iv) => encodeInterview(iv, modality, standardizer, words));
        const data: Encoded = {
          train: encode(split.train),
          validation: encode(split.validation),
          test: encode(split.test),
        };
        const testLabels = data.test.map((iv) => iv.label);
        const testClean = cleanLabels(data.test);
        const finish = async (model: SingleModel, started: number, r: BaselineResult): Promise<void> => {
          await record({
            modality,
            model,
            seed,
            validation: r.validation,
            test: binaryMetrics(r.testScores, testLabels),
            testClean: testClean === null ? null : binaryMetrics(r.testScores, testClean),
            seconds: (performance.now() - started) / 1000,
            detail: r.detail,
          });
        };
        for (const model of SINGLE_MODELS.filter(
          (m) => options.models.includes(m) || (m === 'hirenet' && wantFusion),
        )) {
          const started = performance.now();
          options.log(`seed ${seed} · ${modality} · ${MODEL_LABELS[model]} …`);
          if (model === 'nonseq')
            await finish(
              model,
              started,
              (text ? meanRowBaseline : nonSequentialBaseline)(data.train, data.validation, data.test, width),
            );
          else if (model === 'bow')
            await finish(
              model,
              started,
              bowBaseline(data.train, data.validation, data.test, width, {
                k: options.bowK,
                seed,
                sampleWindows: options.bowSampleWindows,
              }),
            );
          else {
            const config = {
              inputDim: width,
              wordDim: words.dims,
              lowUnits: options.units,
              contextUnits: options.units,
              highUnits: options.units,
              attentionDim: options.units,
              highAttentionDim: options.units,
              variant: model as HireNetVariant,
            };
            const train = {
              epochs: options.epochs,
              batchSize: options.batchSize,
              learningRate: options.learningRate,
              patience: options.patience,
              ...(text ? TEXT_TRAIN : { inputNoise: DEFAULT_TRAIN.inputNoise }),
              seed,
              onEpoch: options.onEpoch,
              onBatch: options.onBatch,
            };
            const { model: trained, history } = await trainHireNet(config, data.train, data.validation, train, {});
            const best = history.filter((h) => h.best).at(-1);
            const testScores = (await predictEncoded(trained, data.test)).map((o) => o.score);
            const detail = {
              bestEpoch: best?.epoch,
              epochsRun: history.length,
              secondsPerEpoch: history.map((h) => Number(h.seconds.toFixed(1))),
            };
            if (best === undefined) throw new HireNetError('invalid-options', 'training produced no epoch');
            await finish(model, started, { validation: best.validation, testScores, detail });
            if (model === 'hirenet' && wantFusion) fusionParts.set(modality, { model: trained, data });
            else trained.dispose();
          }
        }
      }
      if (wantFusion && fusionParts.size === options.modalities.length) await fuse(seed, fusionParts, options, record);
    } finally {
      for (const { model } of fusionParts.values()) model.dispose();
    }
  }
  return entries;
}

/** Table 4: early fusion (v concatenated → logistic regression) and late fusion (mean score). */
async function fuse(
  seed: number,
  parts: Map<Modality, { model: HireNetModel; data: Encoded }>,
  options: AblationOptions,
  record: (e: AblationEntry) => Promise<void>,
): Promise<void> {
  const members = [...parts.values()];
  const first = members[0];
  if (first === undefined) return;
  const testLabels = first.data.test.map((iv) => iv.label);
  const testClean = cleanLabels(first.data.test);
  const entry = (model: FusionModel, started: number, r: BaselineResult): AblationEntry => ({
    modality: 'fusion',
    model,
    seed,
    validation: r.validation,
    test: binaryMetrics(r.testScores, testLabels),
    testClean: testClean === null ? null : binaryMetrics(r.testScores, testClean),
    seconds: (performance.now() - started) / 1000,
    detail: r.detail,
  });

  if (options.models.includes('late')) {
    const started = performance.now();
    // As `hirenet predict` on a fusion model: average the modalities an interview actually has.
    const lateScores = async (pick: (d: Encoded) => EncodedInterview[]): Promise<number[]> => {
      const perModality = await Promise.all(
        members.map(async ({ model, data }) => ({
          items: pick(data),
          scores: (await predictEncoded(model, pick(data))).map((o) => o.score),
        })),
      );
      return pick(first.data).map((_, i) => {
        const usable = perModality.filter((p) => hasModality(p.items[i] as EncodedInterview));
        const from = usable.length > 0 ? usable : perModality;
        return from.reduce((s, p) => s + (p.scores[i] as number), 0) / from.length;
      });
    };
    const validation = binaryMetrics(
      await lateScores((d) => d.validation),
      first.data.validation.map((iv) => iv.label),
    );
    await record(
      entry('late', started, {
        validation,
        testScores: await lateScores((d) => d.test),
        detail: { members: [...parts.keys()] },
      }),
    );
  }
  if (options.models.includes('early')) {
    const started = performance.now();
    const concat = async (pick: (d: Encoded) => EncodedInterview[]): Promise<Float64Array[]> => {
      const vs = await Promise.all(members.map(({ model, data }) => lastLayerEncoded(model, pick(data))));
      return pick(first.data).map((_, i) => Float64Array.from(vs.flatMap((v) => Array.from(v[i] as Float32Array))));
    };
    const result = earlyFusion(
      { v: await concat((d) => d.train), labels: first.data.train.map((iv) => iv.label) },
      { v: await concat((d) => d.validation), labels: first.data.validation.map((iv) => iv.label) },
      await concat((d) => d.test),
    );
    await record(entry('early', started, { ...result, detail: { ...result.detail, members: [...parts.keys()] } }));
  }
  options.log(`seed ${seed}: fusion done`);
}
