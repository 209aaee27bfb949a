/**
 * `hirenet analyze` end to end (issue #15: ≤ 2× the media duration, ≤ 500 MB for a ~7-s clip):
 * the CLI as a user runs it from this checkout (node packages/cli/bin/hirenet.js), one question,
 * one shared clip with face and voice. Per run: wall time from spawn to exit, and the peak of the
 * whole process tree's summed PSS and RSS (the CLI's Node process, Chromium and all its children),
 * sampled every 100 ms from /proc (proc-tree.ts). One untimed first run builds the CLI page if the
 * sources changed since the last build (its wall time is kept as `firstWallMs`); then `runs` timed
 * runs, whose medians are the result.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedMissing, sharedPath } from '../../test/browser/harness/paths.ts';
import { median } from '../pages/bench-workload.ts';
import { runSampled, type TreeRun } from './proc-tree.ts';
import type { Skipped } from './types.ts';

export const CLI_CLIP = 'fixtures/video/vrt_face_4.mp4';
/** The clip's duration (ffprobe: 6.633 s, 700×700 H.264 at 30 fps with AAC audio). */
export const CLI_CLIP_SECONDS = 6.633;
export const CLI_TIME_TARGET = 2;
export const CLI_MEMORY_TARGET = 500e6;

export interface CliRun {
  readonly wallMs: number;
  readonly peakPss: number;
  readonly peakRss: number;
  readonly processes: number;
}

export interface CliResult {
  readonly clip: string;
  readonly seconds: number;
  readonly runs: CliRun[];
  readonly wallMedianMs: number;
  /** Median wall time ÷ clip duration; target ≤ 2. */
  readonly timeRatio: number;
  readonly pssMedian: number;
  readonly rssMedian: number;
  /** The untimed first run (includes building the CLI page when its sources changed). */
  readonly firstWallMs: number;
  readonly load: { start: number[]; end: number[] };
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const round2 = (v: number): number => Math.round(v * 100) / 100;

export async function benchCli(runs: number, log: (m: string) => void): Promise<CliResult | Skipped> {
  const missing = sharedMissing(CLI_CLIP, 'models/face_landmarker.task');
  if (missing !== undefined) return { skipped: missing };
  const dir = await mkdtemp(join(tmpdir(), 'hirenet-bench-cli-'));
  const start = loadavg().map(round2);
  try {
    const once = async (): Promise<TreeRun> => {
      const args = ['packages/cli/bin/hirenet.js', 'analyze', '--job', 'Engineer', '--question', 'Why this role?'];
      const r = await runSampled(
        process.execPath,
        [...args, sharedPath(CLI_CLIP), '--out', join(dir, 'r.html')],
        repoRoot,
      );
      if (r.code !== 0) throw new Error(`hirenet analyze exited ${r.code}: ${r.stderr.slice(-500)}`);
      return r;
    };
    log('cli: first run (builds the CLI page if its sources changed) …');
    const first = await once();
    const timed: CliRun[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await once();
      timed.push({ wallMs: r.wallMs, peakPss: r.peakPss, peakRss: r.peakRss, processes: r.peakProcesses });
      log(`cli: run ${i + 1}/${runs}: ${(r.wallMs / 1000).toFixed(1)} s, PSS ${(r.peakPss / 1e6).toFixed(0)} MB`);
    }
    const wallMedianMs = median(timed.map((r) => r.wallMs));
    return {
      clip: CLI_CLIP.split('/').pop()!,
      seconds: CLI_CLIP_SECONDS,
      runs: timed,
      wallMedianMs,
      timeRatio: wallMedianMs / 1000 / CLI_CLIP_SECONDS,
      pssMedian: median(timed.map((r) => r.peakPss)),
      rssMedian: median(timed.map((r) => r.peakRss)),
      firstWallMs: first.wallMs,
      load: { start, end: loadavg().map(round2) },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
