/** The headline table of RESULTS.md: one line per figure the issue asks for, beside its target. */
import { END_TO_RESULT_TARGET_MS } from './session.ts';
import type { BenchResults } from './types.ts';
import { fastestChromium, TARGET_6 } from './report-common.ts';
import { FILE_TARGET, LIVE_TARGET } from './video.ts';
import { liveSummaryRows } from './report-live.ts';
import { CLI_MEMORY_TARGET, CLI_TIME_TARGET } from './cli.ts';
import type { NodeWebgpuResult } from '../gpu/types.ts';

const f1 = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : '—');
const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const met = (ok: boolean): string => (ok ? 'met' : '**not met**');
const mib = (b: number): string => `${(b / 2 ** 20).toFixed(1)} MiB`;

type Row = [figure: string, measured: string, target: string];

/** `undefined` → not in these results; a string → why there is no figure (skipped, failed). */
function status(v: unknown): string | undefined {
  if (v === null || v === undefined) return 'not run';
  if (typeof v === 'object' && 'skipped' in v) return 'skipped (see below)';
  if (typeof v === 'object' && 'error' in v) return `failed: ${String((v as { error: unknown }).error).slice(0, 80)}`;
  return undefined;
}

export function summaryTable(res: BenchResults): string[] {
  const rows: Row[] = [];
  const fastest = fastestChromium(res);
  const s6 = fastest?.scoring?.answers6.medianMs;
  rows.push([
    'HireNet scoring, 6 answers × 240 windows, fastest Chromium backend (median)',
    s6 === undefined ? 'not run' : `**${ms(s6)} ms** (${fastest?.backend})`,
    `≤ ${TARGET_6} ms: ${s6 === undefined ? '—' : met(s6 <= TARGET_6)}`,
  ]);

  const py = res.pytorch;
  if (py.available && s6 !== undefined) {
    const ratio = s6 / py.answers6Ms;
    rows.push([
      'Same model in PyTorch on this CPU, 6 answers (fastest of exact / TorchScript / nn.GRU, 1 or 2 ' +
        'threads; same run)',
      [
        `${ms(py.answers6Ms)} ms (${py.fastest6.impl}, ${py.fastest6.threads}`,
        `thread${py.fastest6.threads === 1 ? '' : 's'}); ratio Chromium ÷ PyTorch **${ratio.toFixed(2)}**`,
      ].join(' '),
      `ratio ≤ 1: ${met(ratio <= 1)}`,
    ]);
  } else
    rows.push([
      'Same model in PyTorch on this CPU',
      py.available ? 'no Chromium figure in this run' : py.reason,
      'ratio ≤ 1',
    ]);

  const tf = res.trainingFull;
  const t = res.training;
  if (tf != null && !('error' in tf))
    rows.push([
      `Training, one epoch on ${tf.interviews} interviews (measured, --train-full)`,
      `**${f1(tf.epochSeconds / 60)} min**, peak RSS ${tf.peakRssMiB} MiB`,
      'none stated',
    ]);
  else if (t != null && !('error' in t))
    rows.push([
      'Training, one epoch on 5,000 interviews',
      [
        `~${f1(t.extrapolatedEpochSeconds5000 / 60)} min (extrapolated from ${t.interviews}; run`,
        '--train-full to measure)',
      ].join(' '),
      'none stated',
    ]);
  else rows.push(['Training, one epoch on 5,000 interviews', status(t) ?? '—', 'none stated']);

  const a = res.audio;
  const rtf =
    a != null && !('error' in a) ? Object.values((a['realTimeFactorPerCore'] ?? {}) as Record<string, number>) : [];
  rows.push([
    'Audio descriptors, real-time factor per core (worst input rate)',
    rtf.length > 0 ? `**${f1(Math.min(...rtf))}×**` : (status(a) ?? '—'),
    `≥ 1: ${rtf.length > 0 ? met(Math.min(...rtf) >= 1) : '—'}`,
  ]);

  const v = res.video;
  const vs = status(v);
  const file = vs === undefined && v != null && 'file' in v ? v.file : null;
  if (file != null && 'skipped' in file)
    rows.push(['Video, recorded files: real-time factor', `skipped: ${file.skipped}`, `≥ ${FILE_TARGET}×`]);
  else if (file != null && !('error' in file)) {
    const clipSpeeds = file.clips.map((c) => c.speedMedian);
    rows.push([
      [
        `Video, recorded files: real-time factor at 15 fps, 2 workers (median, ${file.clips.length}`,
        `clip${file.clips.length === 1 ? '' : 's'})`,
      ].join(' '),
      [`**${f1(file.overallMedian)}×** (clips`, `${f1(Math.min(...clipSpeeds))}–${f1(Math.max(...clipSpeeds))}×)`].join(
        ' ',
      ),
      `≥ ${FILE_TARGET}×: ${met(file.overallMedian >= FILE_TARGET)}`,
    ]);
  } else
    rows.push([
      'Video, recorded files: real-time factor',
      vs ?? (file !== null && 'error' in file ? `failed: ${file.error}` : 'not run'),
      `≥ ${FILE_TARGET}×`,
    ]);
  const live = vs === undefined && v != null && 'live' in v ? v.live : [];
  for (const l of live) {
    if ('error' in l) rows.push([`Video, live (${l.mode}): analysed fps`, `failed: ${l.error}`, '15 fps kept']);
    else
      rows.push([
        `Video, live (${l.mode}): analysed fps (analysed ÷ slots)`,
        `**${f1(l.fpsMedian)} fps** (${l.coverageMedian.toFixed(2)})`,
        `15 fps kept (≥ ${LIVE_TARGET}): ${met(l.coverageMedian >= LIVE_TARGET)}`,
      ]);
  }
  if (live.length === 0) rows.push(['Video, live: analysed fps', vs ?? 'not run', '15 fps kept']);

  const s = res.session;
  const ss = status(s);
  const long = ss === undefined && s != null && 'long' in s ? s.long : null;
  const short = ss === undefined && s != null && 'short' in s ? s.short : null;
  if (long !== null) {
    const lt = long.longTasksRecording;
    rows.push([
      `Main-thread long tasks (> 50 ms) during a ${f1(long.seconds)} s live answer (session API)`,
      `**${lt.count}**${lt.count > 0 ? ` (total ${ms(lt.totalMs)} ms, max ${ms(lt.maxMs)} ms)` : ''}`,
      `0: ${met(lt.count === 0)}`,
    ]);
  } else rows.push(['Main-thread long tasks during a 60 s live answer', ss ?? 'not run', '0']);
  if (short !== null && short.endToResultMs.length > 0)
    rows.push([
      `\`endAnswer()\` → \`result()\`, ${f1(short.seconds)} s answers (median of ${short.endToResultMs.length})`,
      `**${ms(short.medianMs)} ms**`,
      `≤ ${END_TO_RESULT_TARGET_MS} ms (ours): ${met(short.medianMs <= END_TO_RESULT_TARGET_MS)}`,
    ]);
  if (long !== null)
    rows.push([
      `\`endAnswer()\` → \`result()\`, the ${f1(long.seconds)} s answer`,
      `**${ms(long.endToResultMs)} ms**`,
      `≤ ${END_TO_RESULT_TARGET_MS} ms (ours): ${met(long.endToResultMs <= END_TO_RESULT_TARGET_MS)}`,
    ]);
  if (short === null && long === null)
    rows.push(['`endAnswer()` → `result()`', ss ?? 'not run', `≤ ${END_TO_RESULT_TARGET_MS} ms (ours)`]);

  const b = res.bytes;
  const bs = status(b);
  if (bs === undefined && b != null && 'total' in b) {
    rows.push([
      'Bytes the embed page downloads (raw / gzip -9 where a server compresses)',
      `**${mib(b.total.bytes)} / ${mib(b.total.gzip)}**` +
        (b.total.gzipAll === undefined ? '' : ` (${mib(b.total.gzipAll)} if .task and .bin are compressed too)`) +
        (b.audioOnly === undefined ? '' : `; audio-only ${mib(b.audioOnly.bytes)} / ${mib(b.audioOnly.gzip)}`) +
        (b.practice === undefined ? '' : `; practice demo ${mib(b.practice.bytes)} / ${mib(b.practice.gzip)}`),
      `gzip ≤ 8 MiB with face: ${met(b.total.gzip <= 8 * 2 ** 20)}` +
        (b.total.gzipAll === undefined ? '' : ` (everything compressed: ${met(b.total.gzipAll <= 8 * 2 ** 20)})`) +
        (b.audioOnly === undefined ? '' : `; ≤ 3 MiB audio-only: ${met(b.audioOnly.gzip <= 3 * 2 ** 20)}`) +
        (b.practice === undefined ? '' : `; practice demo ≤ 8 MiB: ${met(b.practice.gzip <= 8 * 2 ** 20)}`),
    ]);
    const f = b.flow;
    if (f !== undefined)
      rows.push(
        [
          'Embed page load → ready to record, cold / warm HTTP cache',
          `**${((f.cold.readyMs ?? NaN) / 1000).toFixed(2)} s / ${((f.warm.readyMs ?? NaN) / 1000).toFixed(2)} s**`,
          `≤ 6 s / ≤ 3 s: ${met((f.cold.readyMs ?? Infinity) <= 6000)} / ${met((f.warm.readyMs ?? Infinity) <= 3000)}`,
        ],
        [
          'Main-thread long tasks (> 50 ms), embed page load → rendered result (cold)',
          `**${f.cold.longTasks}** (longest ${f.cold.longestMs.toFixed(0)} ms)`,
          `0: ${met(f.cold.longTasks === 0)}`,
        ],
      );
  } else rows.push(['Bytes the embed page downloads', bs ?? 'not run', 'none stated']);
  rows.push(cliRow(res.cli));
  rows.push(...webgpuRows(res));
  rows.push(...liveSummaryRows(res.live));

  return [
    '| figure | measured | target |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    'Medians; the machine is shared (load average below), so every time is an upper bound. Details ' +
      'and per-run figures in the sections below.',
  ];
}

/** `hirenet analyze` on the ~7-s clip, the compiled form (as the published package runs). */
function cliRow(cli: BenchResults['cli']): Row {
  const figure = '`hirenet analyze`, 6.6-s clip with face and voice: wall time ÷ duration; peak RSS (whole tree)';
  const target = `≤ ${CLI_TIME_TARGET}×; ≤ ${CLI_MEMORY_TARGET / 1e6} MB`;
  const st = status(cli);
  if (st !== undefined || cli == null || !('runs' in cli)) return [figure, st ?? 'not run', target];
  const ratio = cli.wallMedianMs / 1000 / cli.seconds;
  const on = cli.browser === undefined ? '' : ` (${cli.browser.source})`;
  const full = cli.fullBrowser === undefined ? '' : `; full browser ${(cli.fullBrowser.rssMedian / 1e6).toFixed(0)} MB`;
  return [
    figure,
    `**${ratio.toFixed(2)}×; ${(cli.rssMedian / 1e6).toFixed(0)} MB**${on}${full}`,
    `${target}: ${met(ratio <= CLI_TIME_TARGET)}; ${met(cli.rssMedian <= CLI_MEMORY_TARGET)}`,
  ];
}

/** WebGPU in Node (Dawn) against wasm, 6 answers, one process: here (SwiftShader) and, once merged, a GPU machine. */
function webgpuRows(res: BenchResults): Row[] {
  const target = 'report where WebGPU beats wasm (issue 15)';
  const one = (label: string, r: NodeWebgpuResult): Row => {
    const wasm = r.runs.find((x) => x.backend === 'wasm')?.scoring.answers6.medianMs;
    const gpu = r.runs.filter((x) => x.backend === 'webgpu').map((x) => x.scoring.answers6.medianMs);
    const best = gpu.length === 0 ? undefined : Math.min(...gpu);
    const kind = r.adapter.software ? `${r.adapter.architecture}, not a GPU` : r.adapter.description;
    const measured =
      wasm === undefined || best === undefined
        ? 'incomplete (see below)'
        : `wasm ${ms(wasm)} ms, webgpu ${ms(best)} ms: **${(best / wasm).toFixed(1)}×** wasm's time (${kind})`;
    return [`WebGPU in Node (Dawn) vs wasm, 6 answers, same process: ${label}`, measured, target];
  };
  const here = res.nodeWebgpu;
  const st = status(here);
  const rows: Row[] = [
    st !== undefined || here == null || !('runs' in here)
      ? ['WebGPU in Node (Dawn) vs wasm: this machine', st ?? 'not run', target]
      : one('this machine', here),
  ];
  const device = res.nodeWebgpuDevice;
  rows.push(
    device == null
      ? ['WebGPU in Node (Dawn) vs wasm: a GPU machine', 'not measured: no GPU machine lent so far (bench/gpu)', target]
      : one(device.where, device),
  );
  return rows;
}
