/** RESULTS.md's section on `hirenet analyze` end to end (bench/lib/cli.ts). */
import { CLI_MEMORY_TARGET, CLI_TIME_TARGET, type CliResult } from './cli.ts';
import type { Skipped } from './types.ts';

/**
 * Before: `hirenet analyze` run from a copy of the working tree with packages/cli/src/cli-page.ts as at
 * commit 5b900a3 (its CLI built the page with Vite inside its own process on every run from a checkout),
 * measured like benchCli and interleaved with the same copy at this change (3 rounds, load 12.7–13.8):
 * before 25.0, 14.8, 15.0 s and PSS 1436, 1564, 1566 MB; after 13.5, 9.9, 10.9 s and PSS 974, 945, 943 MB.
 * Kept here because a bench run measures only the code it runs.
 */
export const CLI_BEFORE = {
  commit: '5b900a3',
  wallMedianMs: 15_000,
  pssMedian: 1_564e6,
  rssMedian: 2_220e6,
  load: '12.7–13.1',
};

/** Where the peak is, per process (one run at load ~2 with a cached page, 2026-12-05; not re-measured by the bench). */
const WHERE = [
  [
    'Where the peak is (PSS per process at the peak, one run at load ~2 with a cached page, 944 MB in all):',
    'the CLI’s',
    'Node process 146 MB (tsx, playwright-core, the assets it serves; 746 MB while it still built the page',
    'itself);',
    'Chromium’s browser process 124, its two zygotes 34, network and storage services 59, GPU process (SwiftShader,',
    'which MediaPipe’s WebGL2 image path needs) 53, a `--top-chrome-webui` renderer that new headless mode',
    'starts for',
    'its own UI 75, one more renderer 20; the page’s renderer 433: 121 MB with audio only, ~250 MB once the vision',
    'worker has MediaPipe and the face model, then growing by ~180 MB while the video is decoded and analysed.',
    'Switches tried without a clear gain (peak PSS within run-to-run spread, 770–920 MB either way):',
    '`--renderer-process-limit=1`, `--in-process-gpu`, `NetworkServiceInProcess2`,',
    '`--js-flags=--optimize-for-size`.',
  ].join(' '),
];

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
    '',
    ...WHERE,
  ];
}
