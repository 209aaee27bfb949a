/**
 * RESULTS.md: ready to record, long tasks and requests per visit of the embed page (issue 15),
 * beside the figures measured before that work (bench/flow.ts at git 82f03b2, 2026-12-05 21:06 UTC,
 * load 23.86 / 24.03 / 22.61, same page, same server, same Chromium).
 */
import type { BytesResult, VisitSummary } from './bytes.ts';

const mib = (b: number): string => `${(b / 2 ** 20).toFixed(2)} MiB`;
const ms = (v: number | null): string => (v === null ? '—' : `${(v / 1000).toFixed(2)} s`);

/** The before run (bench/flow.ts output, kept here: results.json holds only the latest run). */
const BEFORE: { cold: VisitSummary; warm: VisitSummary } = {
  cold: {
    readyMs: 2610,
    doneMs: 11257,
    stages: [],
    longTasks: 9,
    longestMs: 174,
    longTotalMs: 837,
    requests: 36,
    served: 33,
    repeated: {
      '/assets/audio-worker-*.js': 3,
      '/hirenet/capture-worklet.js': 3,
      '/hirenet/tfjs/tfjs-backend-wasm-simd.wasm': 2,
      '/hirenet/mediapipe/vision_wasm_module_internal.wasm': 4,
    },
  },
  warm: {
    readyMs: 3049,
    doneMs: 11861,
    stages: [],
    longTasks: 9,
    longestMs: 208,
    longTotalMs: 900,
    requests: 33,
    served: 4,
    repeated: {
      '/assets/audio-worker-*.js': 3,
      '/hirenet/capture-worklet.js': 3,
      '/hirenet/tfjs/tfjs-backend-wasm-simd.wasm': 2,
      '/hirenet/mediapipe/vision_wasm_module_internal.wasm': 4,
    },
  },
};

const repeats = (r: Record<string, number>): string =>
  Object.keys(r).length === 0
    ? 'none'
    : Object.entries(r)
        .map(([p, n]) => `${p.replace(/^\/(assets|hirenet)\//, '').replace(/-[\w-]{8}\.js$/, '-*.js')} ×${n}`)
        .join(', ');

function row(label: string, before: string, after: string, target: string): string {
  return `| ${label} | ${before} | ${after} | ${target} |`;
}

/** The before/after table of the cold and warm visits; empty when the run has no flow. */
export function flowLines(b: BytesResult): string[] {
  const f = b.flow;
  if (f === undefined) return [];
  const out = [
    '',
    `### Ready to record, long tasks, requests: \`${b.page}\` (issue 15)`,
    [
      'Cold = first visit in a fresh browser context; warm = a second visit in the same context (the',
      'server sends `Cache-Control: max-age=3600`). Ready = navigation start → the page says',
      '"Recording answer 1". Long tasks: main-thread PerformanceObserver `longtask` (> 50 ms) from',
      'navigation to the rendered result. Requests: by the page and its workers, HTTP-cache hits',
      `included; served: those that reached the server. Load average after: ${f.loadavg.join(' / ')};`,
      'before: 23.86 / 24.03 / 22.61 (one run each: upper bounds on a loaded 2-core machine).',
    ].join(' '),
    '',
    '| figure | before | after | target |',
    '|---|---|---|---|',
  ];
  for (const k of ['cold', 'warm'] as const) {
    const [x, y] = [BEFORE[k], f[k]];
    out.push(
      row(`${k}: page load → ready to record`, ms(x.readyMs), `**${ms(y.readyMs)}**`, k === 'cold' ? '≤ 6 s' : '≤ 3 s'),
      row(`${k}: page load → rendered result (2 × 4 s answers)`, ms(x.doneMs), ms(y.doneMs), '—'),
      row(
        `${k}: main-thread long tasks (count, longest, total)`,
        `${x.longTasks}, ${x.longestMs.toFixed(0)} ms, ${x.longTotalMs.toFixed(0)} ms`,
        `**${y.longTasks}, ${y.longestMs.toFixed(0)} ms**, ${y.longTotalMs.toFixed(0)} ms`,
        `0: ${y.longTasks === 0 ? 'met' : '**not met**'}`,
      ),
      ...(y.cpuLongTasks === undefined
        ? []
        : [
            row(
              `${k}: long tasks with > 50 ms of main-thread CPU (most CPU in one task)`,
              'not traced',
              `**${y.cpuLongTasks}** (${(y.maxTaskCpuMs ?? 0).toFixed(0)} ms)`,
              `0: ${y.cpuLongTasks === 0 ? 'met' : '**not met**'}`,
            ),
          ]),
      row(`${k}: requests / served`, `${x.requests} / ${x.served}`, `${y.requests} / ${y.served}`, '—'),
      row(`${k}: requested more than once`, repeats(x.repeated), repeats(y.repeated), 'none'),
    );
  }
  if (b.audioOnly !== undefined)
    out.push(
      row(
        'bytes, with face (gzip -9; each file once)',
        '12.31 MiB (1-answer page, 19:00 run)',
        `**${mib(b.total.gzip)}**`,
        `≤ 8 MiB: ${b.total.gzip <= 8 * 2 ** 20 ? 'met' : '**not met**'}`,
      ),
      row(
        'bytes, audio-only (`&modalities=audio`)',
        'not measured',
        `**${mib(b.audioOnly.gzip)}** (${b.audioOnly.files} files)`,
        `≤ 3 MiB: ${b.audioOnly.gzip <= 3 * 2 ** 20 ? 'met' : '**not met**'}`,
      ),
    );
  out.push(
    '',
    `Progress stages (cold, after): ${f.cold.stages.join(' → ')}.`,
    '',
    [
      '**At matched load** (bench/flow.ts with `HIRENET_FLOW_DIST`, 2026-12-05 21:33 UTC, load 3.3–6.4: a build',
      'of git 82f03b2 (before) and of 419d46d (after), alternated, two runs each, backend auto): ready to record',
      'cold 2.15 / 1.94 s before, 1.69 / 1.94 s after; warm 1.21 / 1.54 s before, 1.18 / 1.47 s after; long',
      'tasks 0–2 per visit in both (52–66 ms, at the warm-up / ready stage); MediaPipe wasm requested 4× before,',
      'once after; requests 36 → 31 cold, served 32–33 → 29–30. On a quiet machine the time to ready was',
      'already within the goals before; what changed is the transfer (three fewer 13 MB fetches and',
      'compilations) and, under load, the long tasks (the 95 ms vocabulary index, cpu chosen by noise).',
    ].join(' '),
    '',
    [
      '**Each asset once; long tasks by main-thread CPU** (bench/flow.ts with `HIRENET_FLOW_DIST` and',
      '`HIRENET_FLOW_TRACE=1`, 2026-12-05 23:55 UTC, load 14.4–17.1, 2 cores shared: a build of git 47e1895',
      '(before: audio worker per answer, tfjs wasm fetched twice, one-shot warm-up, cpu timed) and of',
      '42de722 (after, which also has the word vectors on demand), alternated, two runs each, backend',
      'auto). The trace gives each main-thread task over 50 ms its thread CPU time',
      "(bench/lib/trace-tasks.ts: RunTask `dur` vs `tdur`); under this load the renderer's main thread is",
      'descheduled inside short tasks, so wall time alone does not say whether the page did 50 ms of work.',
    ].join(' '),
    '',
    '| figure (run 1 / run 2) | before | after |',
    '|---|---|---|',
    '| cold: page load → ready to record | 2.70 / 1.91 s | 1.86 / 2.14 s |',
    '| warm: page load → ready to record | 1.63 / 1.62 s | 1.28 / 1.48 s |',
    '| backend chosen | wasm / **cpu** | wasm / wasm |',
    '| cold: long tasks (observer, wall) | 3 (≤ 308 ms) / 1 (78 ms) | 1 (51 ms) / 2 (≤ 86 ms) |',
    '| warm: long tasks (observer, wall) | 4 (≤ 104 ms) / 4 (≤ 89 ms) | 2 (≤ 129 ms) / 3 (≤ 99 ms) |',
    '| most main-thread CPU in one task, cold / warm | 27 / 30 ms; 28 / 29 ms | 1 / 26 ms; 0 / 24 ms |',
    '| tasks with > 50 ms of main-thread CPU | 0 | **0** |',
    '| requested more than once | audio-worker-*.js ×3, tfjs-backend-wasm-simd.wasm ×2 | **none** (cold and warm) |',
    '| requests cold / warm | 39 / 36–38 | 34 / 34 |',
    '',
    [
      'What the traced long tasks were (after, all visits): descheduled waits, e.g. a `Commit` of 337 ms',
      'wall with 0 ms CPU, `FireAnimationFrame` 57 ms / 1 ms, a `HandlePostMessage` 90 ms / 5 ms; the',
      'largest CPU was 26–31 ms at the face-model stage (the MediaPipe digest `DoDigest` 11–12 ms and the',
      'module compile/hand-over) and 15–29 ms at the ready stage. The earlier sampling profile',
      '(bench/profile-long-tasks.ts, wall-clock samples) named the one-shot warm-up (84–175 ms, 175 ms on',
      "the cpu backend) and the notice's first `Intl.ListFormat` (14–26 ms of it measured alone); the",
      'warm-up now grows 1 → 4 → 12 → 40 windows one prediction per task, and cpu is timed only where wasm',
      'does not run. Goal "zero long tasks > 50 ms caused by the SDK": met on CPU time in every traced',
      'visit here and in test/browser/page-requests.test.ts (which asserts it); by wall time alone it',
      'cannot be shown on this loaded machine (1–3 per visit, each ≤ 31 ms of CPU).',
    ].join(' '),
    '',
    [
      'At low load (00:08–00:09 UTC, load 5.4–7.3, two alternated runs each): ready to record cold 1.68 /',
      '1.57 s before, 1.31 / 1.58 s after; warm 0.83 / 1.13 s before, 1.27 / 1.12 s after; observer long',
      'tasks 0–1 per visit in both, each the page\'s own layout before `create` (status "Idle.", 57–120 ms',
      'wall, 5 ms CPU) or after the result (56 ms wall, 0 ms CPU), none from `create` to the rendered',
      'report; requested twice: audio worker ×3 and tfjs wasm ×2 before, nothing after.',
    ].join(' '),
  );
  return out;
}
