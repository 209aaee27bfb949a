/**
 * `--train-full`: one real training epoch on a 5,000-interview SimInterview draw (bench/train-full.ts,
 * run in a child process so its peak RSS is its own). Takes ~20+ min of both cores here, so it
 * is opt-in; its row carries its own provenance and is kept in results.json by every later run
 * that does not measure it again. `--train-full-interviews N` shrinks the draw (to test the path).
 */
import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../train-full.ts', import.meta.url));

export interface TrainFullResult {
  readonly backend: string;
  readonly interviews: number;
  readonly answers: number;
  readonly windows: number;
  readonly trainInterviews: number;
  readonly validationInterviews: number;
  readonly batchSize: number;
  /** Generating the draw in memory, then splitting, standardising and encoding it. */
  readonly generateSeconds: number;
  readonly encodeSeconds: number;
  /** The epoch as trainHireNet reports it (training steps + validation scoring), wall time. */
  readonly epochSeconds: number;
  /** CPU time of the process (all threads) over the trainHireNet call. */
  readonly epochCpuSeconds: number;
  readonly trainCallSeconds: number;
  /** Process start of the draw → epoch done. */
  readonly totalSeconds: number;
  /** resourceUsage().maxRSS of the child, MiB; sampledPeakRssMiB from memoryUsage().rss every 0.5 s. */
  readonly peakRssMiB: number;
  readonly sampledPeakRssMiB: number;
  readonly measuredAt: string;
  readonly gitCommit: string;
  readonly load: { start: number[]; end: number[] };
}

const round = (v: number): number => Math.round(v * 100) / 100;

export async function benchTrainingFull(
  interviews: number,
  gitCommit: string,
): Promise<TrainFullResult | { error: string; interviews: number }> {
  const measuredAt = new Date().toISOString();
  const start = loadavg().map(round);
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', script, '--interviews', String(interviews)],
      { timeout: 4 * 3600_000, maxBuffer: 1 << 20 },
      (err, stdout) => {
        if (err !== null) return resolve({ error: err.message.split('\n')[0] ?? 'failed', interviews });
        try {
          const r = JSON.parse(stdout) as Omit<TrainFullResult, 'measuredAt' | 'gitCommit' | 'load'>;
          resolve({ ...r, measuredAt, gitCommit, load: { start, end: loadavg().map(round) } });
        } catch {
          resolve({ error: `unparseable output: ${stdout.slice(0, 200)}`, interviews });
        }
      },
    );
    child.stderr?.pipe(process.stderr);
  });
}
