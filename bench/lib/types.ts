import type { PytorchResult } from './pytorch.ts';
import type { BaselineResult } from '../pages/bench-baseline.ts';
import type { MemoryResult, ScoringResult } from '../pages/bench-workload.ts';
import type { BackendSelection } from '../../packages/sdk/src/backend/select.ts';
import type { LoopResult } from './loop.ts';
import type { MachineInfo } from './machine.ts';
import type { TrainResult } from './train.ts';
import type { TrainFullResult } from './train-full.ts';
import type { VideoResult } from './video.ts';
import type { SessionBenchResult } from './session.ts';
import type { BytesResult } from './bytes.ts';
import type { AgreementResult } from './agreement.ts';
import type { LiveResult } from './live-room.ts';
import type { CliResult } from './cli.ts';
import type { NodeWebgpuResult } from '../gpu/types.ts';

/** A section not measured in this kind of run, and why (e.g. too long for --quick). */
export interface Skipped {
  readonly skipped: string;
}

/** One backend in one runtime; `error` when it could not run here. */
export interface BackendRow {
  readonly runtime: 'chromium' | 'node';
  readonly backend: string;
  readonly scoring?: ScoringResult;
  readonly baseline?: BaselineResult | null;
  readonly memory?: MemoryResult | null;
  readonly initMs?: number;
  readonly error?: string;
}

export interface BenchResults {
  readonly bench: 'hirenet';
  readonly quick: boolean;
  readonly machine: MachineInfo;
  readonly workload: {
    inputDim: number;
    wordDim: number;
    units: number;
    windows: number;
    plan: Record<string, { runs: number; baselineRuns: number; memoryScorings: number } | null>;
  };
  readonly loop: LoopResult | null;
  readonly rows: BackendRow[];
  /** selectBackend's choice in Chromium with its default warm-up (full runs only). */
  readonly auto: BackendSelection | { error: string } | null;
  readonly training: TrainResult | { error: string } | null;
  readonly audio: Record<string, unknown> | { error: string } | null;
  /** Face analysis speed: file real-time factor and live analysed fps (absent in older results). */
  readonly video?: VideoResult | { error: string } | Skipped | null;
  /** Long tasks during a live answer and endAnswer() → result(), through the session API. */
  readonly session?: SessionBenchResult | { error: string } | Skipped | null;
  /** Bytes the demo's embed page downloads, by asset. */
  readonly bytes?: BytesResult | { error: string } | Skipped | null;
  /** Live vs file agreement, identical file runs, backends, test–retest (absent in older results). */
  readonly agreement?: AgreementResult | { error: string } | Skipped | null;
  /** The 1 + 5 live room on loopback (issue #17; absent in older results). */
  readonly live?: LiveResult | { error: string } | Skipped | null;
  /** `hirenet analyze` end to end: wall time and peak memory of the process tree (issue #15). */
  readonly cli?: CliResult | { error: string } | Skipped | null;
  /** WebGPU in Node (Dawn) beside wasm in one process, on this machine (SwiftShader here). */
  readonly nodeWebgpu?: NodeWebgpuResult | { error: string } | Skipped | null;
  /** The same bench run on a GPU machine through the kit (bench/gpu), merged by bench/gpu/merge.ts. */
  readonly nodeWebgpuDevice?: NodeWebgpuResult | null;
  /** One real epoch on 5,000 interviews (opt-in --train-full); carries its own provenance. */
  readonly trainingFull?: TrainFullResult | { error: string; interviews: number } | null;
  /** The same model in PyTorch on this CPU (bench/pytorch), measured right after the Chromium rows. */
  readonly pytorch: { available: false; reason: string } | ({ available: true } & PytorchResult);
  readonly seconds: number;
  /** Set when --only merged this run into earlier results: which run measured what. */
  readonly combined?: { startedAt: string; gitCommit: string; load: number[]; what: string }[];
}
