import { stdout } from 'node:process';
import { attentionHits, attentionSharpness, type PlantedEvent } from '@hirenet/research/internal/train/attention-hits';
import { binaryMetrics } from '@hirenet/research/internal/train/metrics';
import { takeSpread } from '@hirenet/research/internal/train/take-spread';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { parseCommandArgs } from './args.ts';
import { initBackendNode } from '@hirenet/research/internal/node-backend';
import { loadModels, scoreDataset } from './scoring.ts';
import { usageText } from './usage.ts';

/** `hirenet eval --data DIR --model PATH [--json]`: precision, recall, F1 (hirable class) and AUC. */
export async function runEval(args: string[]): Promise<number> {
  const { flags } = parseCommandArgs('eval', args);
  const data = flags.get('data');
  const modelPath = flags.get('model');
  if (data === undefined || modelPath === undefined) {
    process.stderr.write(usageText('eval'));
    return 2;
  }
  await initBackendNode(flags.get('backend') ?? 'wasm');
  const models = await loadModels(modelPath);
  const scored = await scoreDataset(data, models);
  // --against: the same interviews in another take (hirenet simulate --take N): score spread between takes.
  const against = flags.get('against');
  const spread =
    against === undefined
      ? undefined
      : takeSpread(scored, await scoreDataset(against, models), Number(flags.get('threshold') ?? 0.5));
  models.forEach((m) => m.dispose());
  // --label-field cleanLabel scores against another 0/1 field of each line (e.g. SimInterview's
  // label before noise) instead of `label`.
  const field = flags.get('label-field');
  const labels = scored.map((s) => {
    const v = field === undefined ? s.label : s.extra[field];
    if (v !== 0 && v !== 1)
      throw new HireNetError('invalid-dataset', `interview ${s.id} has no 0/1 field "${String(field)}"`);
    return v;
  });
  const m = binaryMetrics(
    scored.map((s) => s.score),
    labels,
    Number(flags.get('threshold') ?? 0.5),
  );
  // Datasets with planted events (SimInterview) also get attention scored against ground truth.
  // A text model's attention is over words: SimInterview records those events as `textEvents`.
  const eventsField = models.has('text') && models.size === 1 ? 'textEvents' : 'events';
  const planted = (s: (typeof scored)[number]): unknown => s.extra[eventsField] ?? s.extra['events'];
  const withEvents = scored.filter((s) => Array.isArray(planted(s)));
  const attention =
    withEvents.length > 0
      ? attentionHits(
          withEvents.map((s) => ({ answerAttention: s.answerAttention, events: planted(s) as PlantedEvent[] })),
        )
      : undefined;
  const sharpness = attentionSharpness(scored.flatMap((s) => s.answerAttention));
  if (flags.has('json'))
    stdout.write(
      `${JSON.stringify({
        ...m,
        ...(attention ? { attention } : {}),
        sharpness,
        ...(spread ? { takeSpread: spread } : {}),
      })}\n`,
    );
  else {
    stdout.write(
      [
        `n ${m.n}  precision ${m.precision.toFixed(3)}  recall ${m.recall.toFixed(3)}  F1`,
        `${m.f1.toFixed(3)}  AUC ${m.auc.toFixed(3)}  (model estimates; threshold ${m.threshold})\n`,
      ].join(' '),
    );
    stdout.write(
      [
        `attention sharpness: median peak weight ${sharpness.medianPeak.toFixed(3)}, mean entropy`,
        `${sharpness.meanEntropy.toFixed(2)} nats (${sharpness.meanNormalisedEntropy.toFixed(2)} of`,
        `uniform) over ${sharpness.answers} answers\n`,
      ].join(' '),
    );
    if (spread)
      stdout.write(
        [
          `take spread over ${spread.n} interviews: mean |Δscore| ${spread.meanAbs.toFixed(3)}, median`,
          `${spread.medianAbs.toFixed(3)}, p90 ${spread.p90Abs.toFixed(3)}, decisions flipped`,
          `${(100 * spread.flipRate).toFixed(1)} %\n`,
        ].join(' '),
      );
    if (attention)
      stdout.write(
        [
          `attention: top window within ±1 of the planted event in ${(100 * attention.hitRate).toFixed(1)}`,
          `% of ${attention.answers} answers (${(100 * attention.relevantHitRate).toFixed(1)} % of`,
          `${attention.relevantAnswers} relevant)\n`,
        ].join(' '),
      );
  }
  return 0;
}
