/** Results of the Node WebGPU bench (bench/gpu/entry.ts), here or on a GPU machine through the kit. */
import type { GruScanStrategy } from '../../packages/sdk/src/model/kernels/gru-webgpu.ts';
import type { MemoryResult, ScoringResult, TimingResult } from '../pages/bench-workload.ts';
import type { AdapterReport } from './dawn.ts';

/** `interviews` interviews of 6 answers × 240 windows scored in one predict() call. */
export interface SweepPoint {
  readonly interviews: number;
  readonly timing: TimingResult;
}

/** One backend (and for webgpu one GRU kernel layout) in the bench process. */
export interface BackendRun {
  readonly backend: 'wasm' | 'webgpu';
  /** The SDK's GRU WebGPU kernel layout in use (null on wasm). */
  readonly strategy: GruScanStrategy | null;
  /** The GRU path the SDK runs here for the bench model (model/gru-paths.ts), e.g. 'webgpu'. */
  readonly gruPath: string;
  /** Import + initialisation of the backend, ms (0 when it was already initialised). */
  readonly initMs: number;
  /** The scoring rows' workload: the bench's seeded 32-unit model, 1 and 6 answers × 240 windows. */
  readonly scoring: ScoringResult;
  readonly sweep: readonly SweepPoint[];
  readonly memory: MemoryResult | null;
}

/** One shipped model scored on wasm and on webgpu, every output number compared. */
export interface ModelAgreement {
  readonly model: string;
  /** The GRU WebGPU kernel layout forced for this comparison. */
  readonly layout: GruScanStrategy;
  readonly input: string;
  /** Numbers compared: scores and every attention weight. */
  readonly values: number;
  readonly maxAbsDiff: number;
  readonly scores: { readonly wasm: number[]; readonly webgpu: number[] };
}

export interface Correctness {
  readonly tolerance: number;
  readonly models: readonly ModelAgreement[];
  readonly maxAbsDiff: number;
  readonly pass: boolean;
  /** tf.memory().numTensors before the check and after it (both backends, models disposed). */
  readonly tensorsBefore: number;
  readonly tensorsAfter: number;
}

export interface NodeWebgpuResult {
  readonly bench: 'hirenet-node-webgpu';
  /** 'this machine (SwiftShader)', or what the kit's run.sh says (e.g. the device kind). */
  readonly where: string;
  readonly startedAt: string;
  readonly gitCommit: string;
  readonly node: string;
  readonly tfjs: string;
  readonly cpuModel: string;
  readonly cores: number;
  readonly loadAverageStart: number[];
  readonly loadAverageEnd: number[];
  readonly adapter: AdapterReport;
  /** tfjs-backend-wasm's build in use: SIMD, and threads (which would use several of the machine's cores). */
  readonly wasm?: { readonly simd: boolean; readonly threads: boolean } | null;
  readonly runs: readonly BackendRun[];
  readonly correctness: Correctness | { readonly error: string };
  /** Backend runs that threw (the others are still in `runs`). */
  readonly errors?: readonly { readonly run: string; readonly error: string }[];
  readonly seconds: number;
}
