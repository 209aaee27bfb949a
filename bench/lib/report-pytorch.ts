/** The PyTorch comparison in RESULTS.md: the exactness check, every timing, and the ratio. */
import type { BenchResults } from './types.ts';
import { fastestChromium } from './report-common.ts';

const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

export function pytorchLines(res: BenchResults): string[] {
  const py = res.pytorch;
  if (!py.available) return [`PyTorch comparison: not measured — ${py.reason}.`];
  const fastest = fastestChromium(res);
  const s6 = fastest?.scoring?.answers6.medianMs;
  const lines = [
    '',
    `### PyTorch on this CPU (torch ${py.torchVersion}, bench/pytorch)`,
    [
      "The bench's weights and interviews in PyTorch; the exact port's max |Δ| against our outputs is",
      `**${py.exactMaxAbsDiff.toExponential(2)}**. ${py.note}`,
    ].join(' '),
    `Load average ${py.loadAverage.start.join(' / ')} → ${py.loadAverage.end.join(' / ')}.`,
    '',
    '| implementation | threads | 1 answer (median / min ms) | 6 answers (median / min ms) | 6 ' +
      'answers, CPU ms (median) |',
    '|---|---|---|---|---|',
  ];
  const keys = [...new Set(py.timings.map((t) => `${t.impl}|${t.threads}`))];
  for (const k of keys) {
    const [impl, threads] = k.split('|');
    const t1 = py.timings.find((t) => `${t.impl}|${t.threads}` === k && t.answers === 1);
    const t6 = py.timings.find((t) => `${t.impl}|${t.threads}` === k && t.answers === 6);
    const cell = (t: typeof t1): string => (t === undefined ? '—' : `${ms(t.medianMs)} / ${ms(t.minMs)}`);
    lines.push(`| ${impl} | ${threads} | ${cell(t1)} | ${cell(t6)} | ${t6 === undefined ? '—' : ms(t6.cpuMedianMs)} |`);
  }
  if (s6 !== undefined && fastest !== undefined) {
    lines.push(
      '',
      [
        `Ratio, this run: Chromium ${fastest.backend} ${ms(s6)} ms ÷ PyTorch ${ms(py.answers6Ms)} ms`,
        `(${py.fastest6.impl}, ${py.fastest6.threads} thread${py.fastest6.threads === 1 ? '' : 's'}) =`,
        `**${(s6 / py.answers6Ms).toFixed(2)}** (below 1: ours is faster).`,
      ].join(' '),
    );
  }
  return lines;
}
