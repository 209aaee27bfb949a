/**
 * FI V2 text report (docs/text.md): Pearson r and AUC of `hirenet predict` scores on the
 * speaker-disjoint test part, beside word-count and mean-word-vector ridge baselines fitted on
 * the same training part with the same speaker-held validation split. Writes only to --out.
 *   node --conditions=source --import tsx packages/research/src/fi-v2/run.ts \
 *     --train /tmp/fi/train --test /tmp/fi/test --pred /tmp/fi/pred.jsonl --out /tmp/fi/report.json
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ParsedInterview } from '@hirenet/sdk/internal/dataset/validate';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { answerTextRows } from '@hirenet/sdk/internal/text/answer-text';
import { loadDataset } from '../dataset/read-node.ts';
import { loadVocabularyFromDir } from '../text/vocabulary-node.ts';
import { rocAuc } from '../train/metrics.ts';
import { splitByGroup } from '../train/split.ts';
import { pearson } from './correlation.ts';
import { fitRidge, ridgePredict } from './ridge.ts';

const { values } = parseArgs({
  options: { train: { type: 'string' }, test: { type: 'string' }, pred: { type: 'string' }, out: { type: 'string' } },
});
const { train: trainDir, test: testDir, pred, out } = values;
if (!trainDir || !testDir || !pred || !out)
  throw new HireNetError('usage', 'usage: run.ts --train DIR --test DIR --pred FILE --out FILE');

const vocab = await loadVocabularyFromDir();
const target = (iv: ParsedInterview): number => iv.extra['interview'] as number;
const transcript = (iv: ParsedInterview): string => String(iv.answers[0]?.text ?? '');
const wordCount = (iv: ParsedInterview): Float64Array =>
  Float64Array.of(
    transcript(iv)
      .split(/\s+/)
      .filter((w) => w !== '').length,
  );
function meanVector(iv: ParsedInterview): Float64Array {
  const { rows } = answerTextRows(vocab, transcript(iv));
  const v = new Float64Array(vocab.dims);
  for (const r of rows) r.forEach((x, j) => (v[j] = (v[j] as number) + x / rows.length));
  return v;
}

const all = (await loadDataset(trainDir)).interviews;
// The split `hirenet train --group-by speaker --validation-fraction 0.2 --test-fraction 0 --seed 1` uses.
const split = splitByGroup(all, (iv) => String(iv.extra['speaker']), 1, [0.8, 0.2]);
const test = (await loadDataset(testDir)).interviews;
const yTest = test.map(target);
const labels = test.map((iv) => iv.label);

function summary(scores: readonly number[]): { r: number; auc: number } {
  return { r: pearson(scores, yTest), auc: rocAuc(scores, labels) };
}

function ridgeBaseline(featurize: (iv: ParsedInterview) => Float64Array) {
  const x = split.train.map(featurize);
  const y = split.train.map(target);
  let best = { lambda: 0, r: -Infinity };
  for (const lambda of [0.1, 1, 10, 100, 1000, 10000]) {
    const m = fitRidge(x, y, lambda);
    const r = pearson(
      split.validation.map((iv) => ridgePredict(m, featurize(iv))),
      split.validation.map(target),
    );
    if (r > best.r) best = { lambda, r };
  }
  const m = fitRidge(x, y, best.lambda);
  return { lambda: best.lambda, validationR: best.r, ...summary(test.map((iv) => ridgePredict(m, featurize(iv)))) };
}

const predicted = new Map(
  (await readFile(pred, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; score: number })
    .map((p) => [p.id, p.score]),
);
const kept = test.filter((iv) => predicted.has(iv.id));
if (kept.length !== test.length)
  throw new HireNetError('invalid-dataset', `${test.length - kept.length} test clips have no prediction`);
const report = {
  train: split.train.length,
  validation: split.validation.length,
  test: test.length,
  hirenet: summary(test.map((iv) => predicted.get(iv.id) as number)),
  wordCount: ridgeBaseline(wordCount),
  meanWordVector: ridgeBaseline(meanVector),
  meanWordVectorAndCount: ridgeBaseline((iv) => Float64Array.from([...meanVector(iv), ...wordCount(iv)])),
};
await writeFile(out, `${JSON.stringify(report, null, 1)}\n`);
process.stdout.write(`${JSON.stringify(report)}\n`);
