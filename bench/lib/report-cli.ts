/** RESULTS.md's section on `hirenet analyze` end to end (bench/lib/cli.ts). */
import { CLI_MEMORY_TARGET, CLI_TIME_TARGET, type CliResult } from './cli.ts';
import type { Skipped } from './types.ts';

/**
 * Before: the same measurement (benchCli, 3 timed runs after one untimed: 16.6, 13.3, 18.6 s; PSS 1479,
 * 1580, 1587 MB) on a copy of the working tree with packages/cli/src/cli-page.ts as at commit 5b900a3,
 * whose CLI built its page with Vite inside its own process on every run from a checkout; kept here
 * because a bench run measures only the code it runs. At load ~1.5 before this project's load rose, the
 * same CLI took 7.8–13.0 s and 1.55–1.59 GB.
 */
export const CLI_BEFORE = {
  commit: '5b900a3',
  wallMedianMs: 16_575,
  pssMedian: 1_579.7e6,
  rssMedian: 2_236.8e6,
  load: '12.9 → 17.0',
};

const mb = (b: number): string => `${(b / 1e6).toFixed(0)} MB`;
const sec = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export function cliLines(cli: CliResult | { error: string } | Skipped | null | undefined): string[] {
  const head = '## `hirenet analyze` end to end (time and peak memory)';
  if (cli == null) return [head, 'Not run (`npm run bench -- --only cli`).'];
  if ('skipped' in cli) return [head, `Skipped: ${cli.skipped}`];
  if ('error' in cli) return [head, `Failed: ${cli.error}`];
  const met = (ok: boolean): string => (ok ? 'met' : '**not met**');
  const b = CLI_BEFORE;
  return [
    head,
    [
      `\`node packages/cli/bin/hirenet.js analyze\` from this checkout on ${cli.clip} (${cli.seconds.toFixed(1)} s,`,
      'face and voice, one question): wall time from spawn to exit and the peak of the whole process tree’s',
      'summed PSS (the CLI’s Node process, Chromium and every Chromium child; /proc every 100 ms; RSS, which',
      'counts shared pages in every process, beside it). Median of',
      `${cli.runs.length} runs after one untimed run (${sec(cli.firstWallMs)}; it builds the CLI page when its`,
      `sources changed). Load average ${cli.load.start.join(' / ')} → ${cli.load.end.join(' / ')}.`,
      'PSS splits a shared page among all processes mapping it, including other sessions’ Chromiums: with',
      'several running, the libraries count less here than on a quiet machine (Chromium’s browser process: 123 MB',
      'at load 2, 83 MB at load 25).',
    ].join(' '),
    '',
    '| | wall time, median (runs) | ÷ clip duration | peak PSS, median (runs) | peak RSS | target |',
    '|---|---|---|---|---|---|',
    ...(b.wallMedianMs > 0
      ? [
          `| before (\`${b.commit}\`, load ${b.load}) | ${sec(b.wallMedianMs)} | ` +
            `${(b.wallMedianMs / 1000 / cli.seconds).toFixed(2)}× | ${mb(b.pssMedian)} | ${mb(b.rssMedian)} | |`,
        ]
      : []),
    `| now | **${sec(cli.wallMedianMs)}** (${cli.runs.map((r) => sec(r.wallMs)).join(', ')}) | ` +
      `**${cli.timeRatio.toFixed(2)}×** (≤ ${CLI_TIME_TARGET}×: ${met(cli.timeRatio <= CLI_TIME_TARGET)}) | ` +
      `**${mb(cli.pssMedian)}** (${cli.runs.map((r) => mb(r.peakPss)).join(', ')}) | ${mb(cli.rssMedian)} | ` +
      `≤ ${mb(CLI_MEMORY_TARGET)}: ${met(cli.pssMedian <= CLI_MEMORY_TARGET)} |`,
  ];
}
