import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { argv, stderr, stdout } from 'node:process';
import { loadDataset } from '@hirenet/research/internal/dataset/read-node';
import type { Modality } from '@hirenet/sdk/internal/dataset/format';
import {
  FUSION_MODELS,
  SINGLE_MODELS,
  runAblation,
  type AblationEntry,
  type AblationModel,
} from '@hirenet/research/internal/train/ablate';
import {
  orderingChecks,
  renderMarkdown,
  summarize,
  type ReportContext,
} from '@hirenet/research/internal/train/ablate-report';
import { DEFAULT_TRAIN } from '@hirenet/research/internal/train/trainer';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { intFlag, parseCommandArgs } from './args.ts';
import { initBackendNode } from '@hirenet/research/internal/node-backend';
import { batchProgress, epochLine } from './progress.ts';
import { usageText } from './usage.ts';
import { loadWords } from './words.ts';

const USAGE = usageText('ablate');

const ALL_MODELS: readonly AblationModel[] = [...SINGLE_MODELS, ...FUSION_MODELS];

function positive(flags: Map<string, string>, name: string, fallback: number): number {
  const raw = flags.get(name);
  const v = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(v) || v <= 0)
    throw new HireNetError('usage', `--${name} must be a positive number, got ${String(raw)}`);
  return v;
}

const NOTE =
  'F1 is measured against the dataset `label`; on SimInterview, "vs clean" uses the `cleanLabel` before label noise. ' +
  'Non-sequential and Bo*W are trained answer-wise with the interview label and averaged per ' +
  'interview at test time, as the paper; ' +
  'their learner is L2 logistic regression with λ chosen on validation F1 (the paper takes the best ' +
  'of SVM, ridge and random forest). ' +
  'Neural models are selected on validation F1 with early stopping. With a 10 % test split, one ' +
  'interview moves F1 by several points: read the ± columns.';

interface AblationFile {
  readonly format: string;
  readonly partial: boolean;
  readonly command: string;
  readonly dataset: string;
  readonly generator?: { name?: string; seed?: number };
  readonly settings: Readonly<Record<string, unknown>> & { seeds: number[] };
  readonly entries: AblationEntry[];
}

/**
 * `--merge a.json,b.json,…`: one table from runs of single seeds started side by side (the same
 * dataset and settings, different --first-seed), so seeds can use both cores.
 */
async function mergeFiles(paths: readonly string[], out: string): Promise<number> {
  const files = await Promise.all(paths.map(async (p) => JSON.parse(await readFile(p, 'utf8')) as AblationFile));
  const first = files[0];
  if (first === undefined) throw new HireNetError('usage', '--merge needs at least one ablation.json');
  for (const [i, f] of files.entries()) {
    if (f.format !== 'hirenet-ablation/1')
      throw new HireNetError('usage', `${paths[i]} is not a hirenet-ablation/1 file`);
    if (f.dataset !== first.dataset)
      throw new HireNetError('usage', `${paths[i]} is on ${f.dataset}, ${paths[0]} on ${first.dataset}`);
  }
  const entries = files.flatMap((f) => f.entries);
  const keys = entries.map((e) => `${e.modality}/${e.model}/${e.seed}`);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup !== undefined) throw new HireNetError('usage', `--merge: ${dup} appears in more than one file`);
  const partial = files.some((f) => f.partial);
  const sample = entries[0];
  const seeds = [...new Set(files.flatMap((f) => f.settings.seeds))].sort((a, b) => a - b);
  const settings = { ...first.settings, seeds };
  const gen = first.generator;
  const context: ReportContext = {
    command: files.map((f) => f.command).join(' ; '),
    dataset: `${first.dataset}${gen === undefined ? '' : `, generator ${gen.name ?? '?'} seed ${String(gen.seed)}`}`,
    split:
      sample === undefined
        ? '80/10/10 by interview'
        : `80/10/10 by interview: ${sample.validation.n} validation / ${sample.test.n} test`,
    settings,
    partial,
    note: NOTE,
  };
  await mkdir(out, { recursive: true });
  const json = {
    format: 'hirenet-ablation/1',
    partial,
    command: context.command,
    mergedFrom: paths,
    dataset: first.dataset,
    generator: gen,
    settings,
    summary: summarize(entries),
    ordering: orderingChecks(entries),
    entries,
  };
  await writeAtomic(join(out, 'ablation.json'), `${JSON.stringify(json, null, 1)}\n`);
  await writeAtomic(join(out, 'ablation.md'), renderMarkdown(entries, context));
  stderr.write(`merged ${entries.length} rows from ${files.length} files into ${out}\n`);
  return 0;
}

/** Writes through a temporary name so a reader never sees half a file. */
async function writeAtomic(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
}

/** `hirenet ablate`: the paper's Table 3 (per modality) and Table 4 (fusion), as markdown + JSON. */
export async function runAblate(args: string[]): Promise<number> {
  const { flags } = parseCommandArgs('ablate', args);
  const merge = flags.get('merge');
  if (merge !== undefined) return mergeFiles(merge.split(','), flags.get('out') ?? 'ablation');
  const data = flags.get('data');
  if (data === undefined) {
    stderr.write(USAGE);
    return 2;
  }
  const out = flags.get('out') ?? 'ablation';
  const models = (flags.get('models')?.split(',') ?? ALL_MODELS) as AblationModel[];
  const unknown = models.filter((m) => !ALL_MODELS.includes(m));
  if (unknown.length > 0)
    throw new HireNetError('usage', `--models: unknown ${unknown.join(', ')} (choose from ${ALL_MODELS.join(', ')})`);
  const seedCount = intFlag(flags, 'seeds', 3);
  const firstSeed = intFlag(flags, 'first-seed', 1);
  if (seedCount < 1) throw new HireNetError('usage', '--seeds must be at least 1');
  await initBackendNode(flags.get('backend') ?? 'wasm');

  stderr.write(`reading ${data} …\n`);
  const { manifest, interviews } = await loadDataset(data);
  const available = (['audio', 'video', 'text'] as const).filter((m) => manifest.modalities[m] !== undefined);
  const requested = flags.get('modality') ?? 'both';
  if (!['audio', 'video', 'text', 'both', 'all'].includes(requested))
    throw new HireNetError('usage', `--modality must be audio, video, text, both or all, got ${requested}`);
  // 'both': audio and video, as before text existed; 'all': every modality the dataset has.
  const modalities: Modality[] =
    requested === 'all'
      ? [...available]
      : requested === 'both'
        ? available.filter((m) => m !== 'text')
        : [requested as Modality];
  for (const m of modalities)
    if (!available.includes(m))
      throw new HireNetError('usage', `${data} has no ${m} features (manifest lists: ${available.join(', ')})`);
  if (modalities.length < 2 && models.some((m) => m === 'early' || m === 'late'))
    stderr.write('one modality only: the fusion rows (Table 4) are skipped\n');

  const { words } = await loadWords(flags.get('vocab'));
  const settings = {
    seeds: Array.from({ length: seedCount }, (_, i) => firstSeed + i),
    modalities,
    models,
    epochs: intFlag(flags, 'epochs', DEFAULT_TRAIN.epochs),
    units: intFlag(flags, 'units', 32),
    batchSize: intFlag(flags, 'batch-size', DEFAULT_TRAIN.batchSize),
    learningRate: positive(flags, 'lr', DEFAULT_TRAIN.learningRate),
    patience: intFlag(flags, 'patience', DEFAULT_TRAIN.patience),
    bowK: intFlag(flags, 'bow-k', 64),
    bowSampleWindows: intFlag(flags, 'bow-sample', 10_000),
  };
  const n = interviews.length;
  const nTrain = Math.round(n * 0.8);
  const nVal = Math.round(n * 0.1);
  const generator = manifest['generator'] as { name?: string; seed?: number } | undefined;
  const context = (partial: boolean): ReportContext => ({
    command: `hirenet ${['ablate', ...args].join(' ')}`,
    dataset: [
      `${data}: ${n} interviews, modalities`,
      available.join(' + ') +
        (generator === undefined ? '' : `, generator ${generator.name ?? '?'} seed ${String(generator.seed)}`),
    ].join(' '),
    split: `80/10/10 by interview: ${nTrain} / ${nVal} / ${n - nTrain - nVal}`,
    settings: { ...settings, models: models.join(',') },
    partial,
    note: NOTE,
  });
  await mkdir(out, { recursive: true });
  const write = async (entries: readonly AblationEntry[], partial: boolean): Promise<void> => {
    const json = {
      format: 'hirenet-ablation/1',
      partial,
      command: context(partial).command,
      argv: argv.slice(2),
      dataset: data,
      generator,
      settings,
      summary: summarize(entries),
      ordering: orderingChecks(entries),
      entries,
    };
    await writeAtomic(join(out, 'ablation.json'), `${JSON.stringify(json, null, 1)}\n`);
    await writeAtomic(join(out, 'ablation.md'), renderMarkdown(entries, context(partial)));
  };

  const started = performance.now();
  const entries = await runAblation(interviews, manifest.modalities, words, {
    ...settings,
    log: (line) => stderr.write(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${line}\n`),
    onEpoch: (e) => stderr.write(`    ${epochLine(e)}\n`),
    onBatch: batchProgress,
    // Rewritten after every row: a run cut short still leaves a table, marked partial.
    onEntry: (_, all) => write(all, true),
  });
  await write(entries, false);
  stderr.write(
    [
      `wrote ${join(out, 'ablation.md')} and ${join(out, 'ablation.json')} in`,
      `${((performance.now() - started) / 1000).toFixed(0)} s\n`,
    ].join(' '),
  );
  stdout.write(renderMarkdown(entries, context(false)));
  return 0;
}
