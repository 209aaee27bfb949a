import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stderr } from 'node:process';
import { loadDataset } from '@hirenet/research/internal/dataset/read-node';
import type { Modality } from '@hirenet/sdk/internal/dataset/format';
import type { HireNetModel } from '@hirenet/sdk/internal/model/hirenet-model';
import type { InterviewOutput } from '@hirenet/sdk/internal/model/types';
import { loadModelFromDir } from '@hirenet/research';
import { encodeInterview } from '@hirenet/research/internal/train/encode';
import { assertSameFeatures, featureMetadata } from '@hirenet/sdk/internal/model/model-features';
import { predictEncoded } from '@hirenet/research/internal/train/trainer';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { verifyModelDir } from './manifest-node.ts';
import { modelColumns, withModelColumns } from './model-columns.ts';
import { DEFAULT_VOCAB_DIR } from '@hirenet/research/internal/text/vocabulary-node';
import { assertSameVocab, loadWords } from './words.ts';

/** A late-fusion model directory: one trained HireNet per modality, scores averaged (paper, Table 4). */
export const FUSION_FORMAT = 'hirenet-fusion/1';

export interface ScoredInterview extends InterviewOutput {
  readonly id: string;
  readonly label: 0 | 1;
  readonly extra: Readonly<Record<string, unknown>>;
  /** Per-modality outputs when the model is a late fusion. */
  readonly modalities?: Partial<Record<Modality, InterviewOutput>>;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Loads a single model directory or a fusion directory (`fusion.json` + one subdirectory per modality). */
export async function loadModels(path: string): Promise<Map<Modality, HireNetModel>> {
  // A model directory with an asset manifest (scripts/build-manifest.ts) is checked against it, as in a browser.
  verifyModelDir(path, DEFAULT_VOCAB_DIR);
  const models = new Map<Modality, HireNetModel>();
  if (await exists(join(path, 'fusion.json'))) {
    let fusion: { format?: string; members?: Partial<Record<Modality, string>> };
    try {
      fusion = JSON.parse(await readFile(join(path, 'fusion.json'), 'utf8')) as typeof fusion;
    } catch (e) {
      throw new HireNetError('model-integrity', `${path}/fusion.json is not valid JSON: ${(e as Error).message}`);
    }
    if (fusion.format !== FUSION_FORMAT || fusion.members === undefined)
      throw new HireNetError('model-integrity', `${path}/fusion.json is not a ${FUSION_FORMAT} file`);
    for (const [modality, dir] of Object.entries(fusion.members) as [Modality, string][])
      models.set(modality, await loadModelFromDir(join(path, dir)));
  } else {
    const model = await loadModelFromDir(path);
    const modality = (model.metadata['features'] as { modality?: Modality } | undefined)?.modality;
    if (modality === undefined)
      throw new HireNetError('model-metadata', `${path} was not trained with \`hirenet train\` (no feature metadata)`);
    models.set(modality, model);
  }
  return models;
}

/** Scores every interview of a dataset; a fusion averages the modalities an interview has. */
export async function scoreDataset(dataDir: string, models: Map<Modality, HireNetModel>): Promise<ScoredInterview[]> {
  const { manifest, interviews: all } = await loadDataset(dataDir);
  // An interview with no window of any modality the model reads has nothing to score: a number
  // for it would be the model's bias alone. It is left out, and said so.
  const interviews = all.filter((iv) =>
    iv.answers.some((a) => [...models.keys()].some((m) => (a[m]?.length ?? 0) > 0)),
  );
  const kept = new Set(interviews);
  const empty = all.filter((iv) => !kept.has(iv)).map((iv) => JSON.stringify(iv.id));
  const wanted = [...models.keys()].join(' or ');
  if (interviews.length === 0)
    throw new HireNetError('invalid-dataset', `no interview in ${dataDir} has ${wanted} windows: nothing to score`);
  if (empty.length > 0)
    stderr.write(
      [
        `hirenet: left out ${empty.length} interview(s) with no ${wanted} windows in any answer:`,
        `${empty.slice(0, 5).join(', ')}${empty.length > 5 ? ', …' : ''}\n`,
      ].join(' '),
    );
  const { words, vocab } = await loadWords();
  const perModality = new Map<Modality, InterviewOutput[]>();
  for (const [modality, model] of models) {
    const names = manifest.modalities[modality];
    const at = modelColumns(model, names);
    const features = assertSameFeatures(model, at === null ? names : featureMetadata(model).standardizer.names);
    assertSameVocab(features.vocab, vocab);
    if (at !== null)
      stderr.write(
        `hirenet: the ${modality} model reads ${at.length} of the dataset's ${names!.length} columns, by name\n`,
      );
    const read =
      at === null || modality === 'text' ? interviews : withModelColumns(interviews, modality, names!.length, at);
    const encoded = read.map((iv) => encodeInterview(iv, modality, features.standardizer, words));
    perModality.set(modality, await predictEncoded(model, encoded));
  }
  const [first] = [...perModality.values()];
  return interviews.map((iv, i) => {
    const outs = new Map([...perModality].map(([m, o]) => [m, o[i] as InterviewOutput]));
    // An interview whose modality is missing in every answer gives that model nothing to read.
    const scores = [...outs].filter(([m]) => iv.answers.some((a) => (a[m]?.length ?? 0) > 0)).map(([, o]) => o.score);
    const main = (first?.[i] ?? { answerAttention: [], questionAttention: [] }) as InterviewOutput;
    const base = {
      id: iv.id,
      label: iv.label,
      extra: iv.extra,
      score: scores.reduce((a, b) => a + b, 0) / scores.length,
      answerAttention: main.answerAttention,
      questionAttention: main.questionAttention,
    };
    return outs.size > 1 ? { ...base, modalities: Object.fromEntries(outs) } : base;
  });
}
