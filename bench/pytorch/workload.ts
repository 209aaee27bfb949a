/**
 * Writes the Chromium bench's HireNet workload as a `hirenet-reference/1` file
 * (docs/weight-contract.md, "Reference output") for the PyTorch port (hirenet_torch.py):
 * the same weights (HireNetModel.random(benchConfig, 11, { biasScale: 0.2 }), as
 * bench/pages/bench-workload.ts builds them) and the same interviews (benchInterview(1)
 * and benchInterview(6): 45 descriptors × 240 windows per answer, 100-d words, 32 units), with
 * the outputs our model gives for them (tfjs cpu backend, each interview scored alone like the
 * bench does), so the PyTorch "exact" implementation is checked on exactly what it is timed on.
 *
 *   node --conditions=source --import tsx bench/pytorch/workload.ts --out FILE [--answers 1,6] [--backend cpu|wasm]
 *
 * Run as a child process by bench/lib/pytorch.ts so the caller's tfjs backend is left alone.
 */
import { writeFile } from 'node:fs/promises';
import { argv, stderr } from 'node:process';
import { fileURLToPath } from 'node:url';
import { initBackendNode } from '../../packages/research/src/node-backend.ts';
import { HireNetModel } from '../../packages/sdk/src/model/hirenet-model.ts';
import type { ReferenceFile } from '../../packages/sdk/src/model/reference.ts';
import type { InterviewOutput } from '../../packages/sdk/src/model/types.ts';
import { benchConfig, benchInterview, WINDOWS } from '../pages/bench-workload.ts';

/** The weights seed and init options of bench-workload.ts (benchScoring, benchMemory). */
export const BENCH_WEIGHTS_SEED = 11;
export const BENCH_BIAS_SCALE = 0.2;

export interface WorkloadFile extends ReferenceFile {
  /** Where the numbers come from, for a reader of the file. */
  readonly source: string;
  readonly windows: number;
}

export async function buildBenchWorkload(answerCounts: readonly number[] = [1, 6]): Promise<WorkloadFile> {
  const model = HireNetModel.random(benchConfig, BENCH_WEIGHTS_SEED, { biasScale: BENCH_BIAS_SCALE });
  try {
    const interviews: { inputs: ReturnType<typeof benchInterview>; outputs: InterviewOutput }[] = [];
    for (const n of answerCounts) {
      const inputs = benchInterview(n);
      const [outputs] = await model.predict([inputs]);
      if (outputs === undefined) throw new Error('predict returned no output');
      interviews.push({ inputs, outputs });
    }
    const { variant: _variant, ...config } = model.config;
    const weights = Object.fromEntries(
      Object.entries(model.getWeights()).map(([name, w]) => [name, { shape: [...w.shape], data: Array.from(w.data) }]),
    );
    return {
      format: 'hirenet-reference/1',
      source: [
        `bench workload: HireNetModel.random(benchConfig, ${BENCH_WEIGHTS_SEED}, { biasScale:`,
        `${BENCH_BIAS_SCALE} }), benchInterview(${answerCounts.join('), benchInterview(')})`,
      ].join(' '),
      windows: WINDOWS,
      config,
      weights,
      interviews,
    };
  } finally {
    model.dispose();
  }
}

function flag(name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

if (argv[1] !== undefined && fileURLToPath(import.meta.url) === argv[1]) {
  const out = flag('out');
  if (out === undefined) {
    stderr.write(
      'usage: node --conditions=source --import tsx bench/pytorch/workload.ts --out FILE [--answers ' +
        '1,6] [--backend cpu|wasm]\n',
    );
    process.exit(2);
  }
  const counts = (flag('answers') ?? '1,6').split(',').map(Number);
  await initBackendNode(flag('backend') ?? 'cpu');
  const file = await buildBenchWorkload(counts);
  await writeFile(out, JSON.stringify(file));
  stderr.write(`wrote the bench workload (${counts.join(', ')} answers × ${WINDOWS} windows) to ${out}\n`);
}
