/**
 * Scores pilot-size cross-validation runs (pilot-folds.ts): for each subset, the out-of-fold
 * predictions of every fold pooled, Pearson r with the clips' `interview` judgement and AUC for the
 * label; beside them word count and TF-IDF + ridge fitted on the same training folds. Mean ± sd over
 * subsets per size. Reads each OUT/nN-sS/foldK: train and test interviews.jsonl, pred-NAME.jsonl.
 *   node --conditions=source --import tsx packages/research/src/fi-v2/pilot-score.ts --out /tmp/cv \
 *     --pred default,paper
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { rocAuc } from '../train/metrics.ts';
import { pearson } from './correlation.ts';
import { fitRidge, ridgePredict } from './ridge.ts';
import { fitTfidfRidge } from './tfidf-ridge.ts';

interface Clip {
  readonly id: string;
  readonly label: number;
  readonly interview: number;
  readonly answers: readonly { text: string }[];
}

const jsonl = async <T>(path: string): Promise<T[]> =>
  (await readFile(path, 'utf8'))
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
const text = (c: Clip): string => c.answers.map((a) => a.text).join(' ');
const words = (c: Clip): number => text(c).split(/\s+/).filter(Boolean).length;

type Scores = Record<string, [r: number, auc: number, foldR: number, foldAuc: number]>;

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Pooled out-of-fold r and AUC, and their means over folds. Pooling mixes each fold's offset with
 * its ranking (a fold whose speakers rate high is predicted low by a training mean that lacks them),
 * so the per-fold means, which read ranking alone, stand beside it.
 */
async function subsetScores(dir: string, preds: readonly string[]): Promise<Scores> {
  const folds = (await readdir(dir)).filter((f) => f.startsWith('fold')).sort();
  const pooled: Record<string, number[]> = {
    wordCount: [],
    tfidf: [],
    ...Object.fromEntries(preds.map((p) => [p, []])),
  };
  const y: number[] = [];
  const labels: number[] = [];
  const perFold: Record<string, [number, number][]> = {};
  for (const f of folds) {
    const start = y.length;
    const train = await jsonl<Clip>(join(dir, f, 'train', 'interviews.jsonl'));
    const test = await jsonl<Clip>(join(dir, f, 'test', 'interviews.jsonl'));
    const wc = fitRidge(
      train.map((c) => Float64Array.of(words(c))),
      train.map((c) => c.interview),
      1,
    );
    const tf = fitTfidfRidge(
      train.map(text),
      train.map((c) => c.interview),
    );
    pooled['wordCount']?.push(...test.map((c) => ridgePredict(wc, Float64Array.of(words(c)))));
    pooled['tfidf']?.push(...test.map((c) => tf.predict(text(c))));
    for (const p of preds) {
      const got = new Map(
        (await jsonl<{ id: string; score: number }>(join(dir, f, `pred-${p}.jsonl`))).map((x) => [x.id, x.score]),
      );
      const missing = test.filter((c) => !got.has(c.id)).length;
      if (missing > 0) throw new HireNetError('invalid-dataset', `${dir}/${f}: ${missing} clips without ${p} score`);
      pooled[p]?.push(...test.map((c) => got.get(c.id) as number));
    }
    y.push(...test.map((c) => c.interview));
    labels.push(...test.map((c) => c.label));
    for (const [k, s] of Object.entries(pooled)) {
      const list = perFold[k] ?? [];
      list.push([pearson(s.slice(start), y.slice(start)), rocAuc(s.slice(start), labels.slice(start))]);
      perFold[k] = list;
    }
  }
  return Object.fromEntries(
    Object.entries(pooled).map(([k, s]) => {
      const folds = perFold[k] ?? [];
      return [k, [pearson(s, y), rocAuc(s, labels), mean(folds.map((x) => x[0])), mean(folds.map((x) => x[1]))]];
    }),
  );
}

const meanSd = (xs: readonly number[]): string => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
  return `${m.toFixed(3)} ± ${sd.toFixed(3)}`;
};

const { values } = parseArgs({ options: { out: { type: 'string' }, pred: { type: 'string', default: 'default' } } });
if (!values.out) throw new HireNetError('usage', 'usage: pilot-score.ts --out DIR [--pred a,b]');
const preds = values.pred.split(',');
const subsets = (await readdir(values.out)).filter((d) => /^n\d+-s\d+$/.test(d)).sort();
const bySize = new Map<string, Scores[]>();
for (const s of subsets) {
  const scores = await subsetScores(join(values.out, s), preds);
  process.stdout.write(
    `${s} ${Object.entries(scores)
      .map(
        ([k, [r, auc, fr, fa]]) =>
          `${k} r ${r.toFixed(3)} AUC ${auc.toFixed(3)} (folds ${fr.toFixed(3)} ${fa.toFixed(3)})`,
      )
      .join(' | ')}\n`,
  );
  const size = s.split('-')[0] as string;
  bySize.set(size, [...(bySize.get(size) ?? []), scores]);
}
process.stdout.write(
  '\n| size (subsets) | predictor | pooled r | pooled AUC | r, mean of folds | AUC, mean of folds |\n' +
    '|---|---|---|---|---|---|\n',
);
for (const [size, list] of bySize)
  for (const k of Object.keys(list[0] ?? {})) {
    const cells = [0, 1, 2, 3].map((j) => meanSd(list.map((x) => x[k]?.[j] ?? NaN)));
    process.stdout.write(`| ${size} (${list.length}) | ${k} | ${cells.join(' | ')} |\n`);
  }
