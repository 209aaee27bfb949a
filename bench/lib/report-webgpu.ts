/** RESULTS.md's "WebGPU in Node" section: this machine's run (SwiftShader) and the GPU kit's run, if merged. */
import type { BackendRun, NodeWebgpuResult } from '../gpu/types.ts';
import type { BenchResults, Skipped } from './types.ts';

const ms = (v: number): string => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const ratio = (a: number, b: number): string => (a / b >= 10 ? (a / b).toFixed(0) : (a / b).toFixed(2));
const label = (r: BackendRun): string => (r.strategy === null ? r.backend : `${r.backend} (${r.strategy} layout)`);

function adapterLine(r: NodeWebgpuResult): string {
  const a = r.adapter;
  const what = a.software
    ? '**a CPU renderer (SwiftShader), not a GPU: these WebGPU figures say nothing about a GPU**'
    : 'a hardware adapter';
  return [
    `Adapter: vendor \`${a.vendor}\`, architecture \`${a.architecture}\`, device \`${a.device}\`,`,
    `description \`${a.description}\`, isFallbackAdapter ${String(a.isFallbackAdapter)}: ${what}.`,
    r.wasm === undefined || r.wasm === null
      ? ''
      : `wasm build: SIMD ${r.wasm.simd ? 'yes' : 'no'}, threads ${r.wasm.threads ? 'yes' : 'no'}.`,
    `Binding ${a.binding}${a.dawnFlags.length > 0 ? ` (flags ${a.dawnFlags.join(', ')})` : ''}; tfjs ${r.tfjs};`,
    `Node ${r.node}; ${r.cpuModel}, ${r.cores} cores; git ${r.gitCommit.slice(0, 10)}; started ${r.startedAt};`,
    `load average ${r.loadAverageStart.join(' / ')} → ${r.loadAverageEnd.join(' / ')}; ${r.seconds.toFixed(0)} s.`,
  ].join(' ');
}

function timingTable(r: NodeWebgpuResult): string[] {
  const wasm = r.runs.find((x) => x.backend === 'wasm');
  const lines = [
    '| backend | GRU path | 1 answer (median / min ms) | 6 answers (median / min ms) | first call, 6 answers (ms) |' +
      ' backend init (ms) | 6 answers ÷ wasm (same run) | score, 6 answers |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const x of r.runs) {
    const s = x.scoring;
    const rel = wasm === undefined ? '—' : ratio(s.answers6.medianMs, wasm.scoring.answers6.medianMs);
    lines.push(
      [
        `| ${label(x)} | ${x.gruPath} | ${ms(s.answers1.medianMs)} / ${ms(s.answers1.minMs)} |`,
        `**${ms(s.answers6.medianMs)}** / ${ms(s.answers6.minMs)} | ${ms(s.answers6.firstMs)} | ${ms(x.initMs)} |`,
        `${x.backend === 'wasm' ? '1' : `**${rel}**`} | ${s.score6.toFixed(6)} |`,
      ].join(' '),
    );
  }
  return lines;
}

function sweepLines(r: NodeWebgpuResult): string[] {
  const wasm = r.runs.find((x) => x.backend === 'wasm');
  const gpu = r.runs.filter((x) => x.backend === 'webgpu');
  if (wasm === undefined || wasm.sweep.length === 0) return [];
  const lines = [
    '',
    'Batch sweep: N interviews × 6 answers × 240 windows in one `predict()` call (median ms; ratio = webgpu ÷',
    'wasm):',
    '',
    `| interviews per call | wasm | ${gpu.map((g) => `${label(g)} | ratio`).join(' | ')} |`,
    `|---|---|${gpu.map(() => '---|---|').join('')}`,
  ];
  const wins: string[] = [];
  for (const p of wasm.sweep) {
    const cells = gpu.map((g) => {
      const q = g.sweep.find((x) => x.interviews === p.interviews);
      if (q === undefined) return '— | —';
      const k = q.timing.medianMs / p.timing.medianMs;
      if (k < 1) wins.push(`${p.interviews} interview${p.interviews === 1 ? '' : 's'} per call (${label(g)})`);
      const cell = ratio(q.timing.medianMs, p.timing.medianMs);
      return `${ms(q.timing.medianMs)} | ${k < 1 ? `**${cell}**` : cell}`;
    });
    lines.push(`| ${p.interviews} | ${ms(p.timing.medianMs)} | ${cells.join(' | ')} |`);
  }
  for (const g of gpu)
    if (g.scoring.answers6.medianMs < wasm.scoring.answers6.medianMs) wins.unshift(`one interview (${label(g)})`);
  lines.push(
    '',
    wins.length > 0
      ? `Where WebGPU beats wasm in this run: ${[...new Set(wins)].join('; ')}.`
      : 'WebGPU beats wasm nowhere in this run.',
  );
  return lines;
}

function correctnessLines(r: NodeWebgpuResult): string[] {
  const c = r.correctness;
  if ('error' in c) return ['', `Correctness check failed to run: ${c.error}`];
  const lines = [
    '',
    [
      `Same prediction as wasm on the shipped models (models/hirenet-demo), every output number (score and`,
      `attention weights), tolerance ${c.tolerance}: **${c.pass ? 'met' : 'NOT met'}**, max |Δ|`,
      `${c.maxAbsDiff.toExponential(2)}; tf.memory().numTensors ${c.tensorsBefore} → ${c.tensorsAfter}.`,
    ].join(' '),
    '',
    '| model | GRU kernel layout | input | numbers | max abs diff | score wasm / webgpu |',
    '|---|---|---|---|---|---|',
  ];
  for (const m of c.models)
    lines.push(
      `| ${m.model} | ${m.layout} | ${m.input} | ${m.values} | ${m.maxAbsDiff.toExponential(2)} | ` +
        `${m.scores.wasm.map((v) => v.toFixed(6)).join(', ')} /` +
        ` ${m.scores.webgpu.map((v) => v.toFixed(6)).join(', ')} |`,
    );
  const mem = r.runs.filter((x) => x.memory !== null);
  if (mem.length > 0)
    lines.push(
      '',
      `Memory over repeated 6-answer scorings: ${mem
        .map(
          (x) =>
            `${label(x)} ${x.memory?.scorings} scorings, tensors ` +
            `${x.memory?.tensorsBefore} → ${x.memory?.tensorsAfter}`,
        )
        .join('; ')}.`,
    );
  return lines;
}

function runLines(
  title: string,
  r: NodeWebgpuResult | { error: string } | Skipped | null | undefined,
  missing: string,
): string[] {
  if (r === null || r === undefined) return ['', `### ${title}`, missing];
  if ('skipped' in r) return ['', `### ${title}`, `Skipped: ${r.skipped}`];
  if ('error' in r) return ['', `### ${title}`, `Failed: ${r.error}`];
  const errors = (r.errors ?? []).map((e) => `Run failed: ${e.run}: ${e.error}`);
  return [
    '',
    `### ${r.where}`,
    adapterLine(r),
    '',
    ...timingTable(r),
    ...(errors.length > 0 ? ['', ...errors] : []),
    ...sweepLines(r),
    ...correctnessLines(r),
  ];
}

export function nodeWebgpuLines(res: BenchResults): string[] {
  return [
    '## WebGPU in Node (Dawn) beside wasm, one process',
    [
      'tfjs-backend-webgpu over Dawn (npm `webgpu`), the SDK choosing its own GRU WebGPU kernel',
      '(model/kernels/gru-webgpu.ts, one dispatch per direction), beside wasm in the same process: the scoring',
      "rows' workload (seeded 32-unit model, 1 and 6 answers × 240 windows), a batch sweep, and the shipped",
      'models compared. `npm run bench -- --only node-webgpu` here; the GPU machine through bench/gpu (README there).',
    ].join(' '),
    ...runLines('This machine', res.nodeWebgpu, 'Not run (`npm run bench -- --only node-webgpu`).'),
    ...runLines(
      'GPU machine',
      res.nodeWebgpuDevice,
      'Not measured yet: no GPU machine so far. bench/gpu/README.md gives the one device call and the merge.',
    ),
  ];
}
