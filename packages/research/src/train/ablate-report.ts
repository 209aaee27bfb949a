import type { BinaryMetrics } from './metrics.ts';
import { FUSION_MODELS, MODEL_LABELS, SINGLE_MODELS, type AblationEntry, type AblationModel } from './ablate.ts';

/** The paper's Table 3 claim, read left to right on F1 of the hirable class. */
export const PAPER_ORDER: readonly AblationModel[] = ['nonseq', 'bigru', 'hn_avg', 'hn_satt', 'hirenet'];

const METRICS = ['precision', 'recall', 'f1', 'auc'] as const;
type Metric = (typeof METRICS)[number];

export interface MeanStd {
  readonly mean: number;
  readonly std: number;
  readonly n: number;
}

export interface SummaryRow {
  readonly modality: string;
  readonly model: AblationModel;
  readonly label: string;
  readonly seeds: number[];
  readonly test: Record<Metric, MeanStd>;
  readonly testClean: Record<Metric, MeanStd> | null;
}

export interface OrderingCheck {
  readonly modality: string;
  readonly lower: AblationModel;
  readonly higher: AblationModel;
  /** Which labels the F1 is measured against. */
  readonly against: 'label' | 'cleanLabel';
  readonly lowerF1: number;
  readonly higherF1: number;
  readonly holds: boolean;
  /** Seeds (present for both models) where the higher model's F1 is strictly above the lower's. */
  readonly seedsHolding: number;
  readonly seedsCompared: number;
}

/** Mean and sample standard deviation (n − 1; 0 for one value); NaNs are left out. */
export function meanStd(values: readonly number[]): MeanStd {
  const v = values.filter((x) => !Number.isNaN(x));
  const n = v.length;
  if (n === 0) return { mean: NaN, std: NaN, n: 0 };
  const mean = v.reduce((a, b) => a + b, 0) / n;
  const std = n < 2 ? 0 : Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  return { mean, std, n };
}

function stats(ms: readonly BinaryMetrics[]): Record<Metric, MeanStd> {
  return Object.fromEntries(METRICS.map((k) => [k, meanStd(ms.map((m) => m[k]))])) as Record<Metric, MeanStd>;
}

export function summarize(entries: readonly AblationEntry[]): SummaryRow[] {
  const order = [...SINGLE_MODELS, ...FUSION_MODELS] as readonly AblationModel[];
  const modalities = [...new Set(entries.map((e) => e.modality))].sort((a, b) =>
    a === 'fusion' ? 1 : b === 'fusion' ? -1 : a.localeCompare(b),
  );
  const rows: SummaryRow[] = [];
  for (const modality of modalities) {
    for (const model of order) {
      const group = entries.filter((e) => e.modality === modality && e.model === model);
      if (group.length === 0) continue;
      const clean = group.map((e) => e.testClean).filter((m): m is BinaryMetrics => m !== null);
      rows.push({
        modality,
        model,
        label: MODEL_LABELS[model],
        seeds: group.map((e) => e.seed),
        test: stats(group.map((e) => e.test)),
        testClean: clean.length === group.length ? stats(clean) : null,
      });
    }
  }
  return rows;
}

/** Each adjacent pair of the paper's ordering, per modality, on mean F1 and seed by seed. */
export function orderingChecks(entries: readonly AblationEntry[]): OrderingCheck[] {
  const checks: OrderingCheck[] = [];
  const modalities = [...new Set(entries.map((e) => e.modality))].filter((m) => m !== 'fusion');
  for (const modality of modalities) {
    for (const against of ['label', 'cleanLabel'] as const) {
      const f1 = (e: AblationEntry): number | null => (against === 'label' ? e.test.f1 : (e.testClean?.f1 ?? null));
      for (let i = 0; i + 1 < PAPER_ORDER.length; i++) {
        const [lower, higher] = [PAPER_ORDER[i] as AblationModel, PAPER_ORDER[i + 1] as AblationModel];
        const lo = entries.filter((e) => e.modality === modality && e.model === lower);
        const hi = entries.filter((e) => e.modality === modality && e.model === higher);
        if (lo.length === 0 || hi.length === 0 || [...lo, ...hi].some((e) => f1(e) === null)) continue;
        const pairs = lo.flatMap((l) =>
          hi.filter((h) => h.seed === l.seed).map((h) => [f1(l) as number, f1(h) as number] as const),
        );
        const lowerF1 = meanStd(lo.map((e) => f1(e) as number)).mean;
        const higherF1 = meanStd(hi.map((e) => f1(e) as number)).mean;
        checks.push({
          modality,
          lower,
          higher,
          against,
          lowerF1,
          higherF1,
          holds: lowerF1 < higherF1,
          seedsHolding: pairs.filter(([l, h]) => h > l).length,
          seedsCompared: pairs.length,
        });
      }
    }
  }
  return checks;
}

const fmt = (s: MeanStd): string =>
  Number.isNaN(s.mean) ? 'n/a' : s.n > 1 ? `${s.mean.toFixed(3)} ± ${s.std.toFixed(3)}` : s.mean.toFixed(3);

export interface ReportContext {
  readonly command: string;
  readonly dataset: string;
  readonly split: string;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly partial: boolean;
  readonly note?: string;
}

export function renderMarkdown(entries: readonly AblationEntry[], ctx: ReportContext): string {
  const rows = summarize(entries);
  const hasClean = rows.some((r) => r.testClean !== null);
  const out: string[] = ['# Ablation (paper Tables 3 and 4)', ''];
  if (ctx.partial)
    out.push('> **PARTIAL RESULTS**: the run did not finish; rows and seeds below are only those completed.', '');
  out.push(`Command: \`${ctx.command}\``, '', `Dataset: ${ctx.dataset}`, '', `Split: ${ctx.split}`, '');
  out.push(
    `Settings: ${Object.entries(ctx.settings)
      .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
      .join(', ')}`,
    '',
  );
  out.push(
    'Test split, hirable class (label 1), threshold 0.5; mean ± sample std over seeds (each seed sets ' +
      'the split and the initialisation).',
    '',
  );
  const head = [
    'modality',
    'model',
    'seeds',
    'precision',
    'recall',
    'F1',
    'AUC',
    ...(hasClean ? ['F1 vs clean', 'AUC vs clean'] : []),
  ];
  out.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
  for (const r of rows) {
    const cells = [
      r.modality,
      r.label,
      String(r.seeds.length),
      fmt(r.test.precision),
      fmt(r.test.recall),
      fmt(r.test.f1),
      fmt(r.test.auc),
    ];
    if (hasClean)
      cells.push(
        r.testClean === null ? 'n/a' : fmt(r.testClean.f1),
        r.testClean === null ? 'n/a' : fmt(r.testClean.auc),
      );
    out.push(`| ${cells.join(' | ')} |`);
  }
  out.push('', "## The paper's ordering (non-sequential < BiGRU < HN_AVG < HN_SATT < HireNet, on F1)", '');
  const checks = orderingChecks(entries);
  if (checks.length === 0) out.push('Not enough models finished to check any pair.');
  for (const c of checks) {
    out.push(
      [
        `- ${c.modality}, against \`${c.against}\`: ${MODEL_LABELS[c.lower]} (${c.lowerF1.toFixed(3)}) <`,
        `${MODEL_LABELS[c.higher]} (${c.higherF1.toFixed(3)}): **${c.holds ? 'holds' : 'does not hold'}**`,
        `on the mean; higher in ${c.seedsHolding} of ${c.seedsCompared} seeds.`,
      ].join(' '),
    );
  }
  if (ctx.note !== undefined) out.push('', ctx.note);
  return `${out.join('\n')}\n`;
}
