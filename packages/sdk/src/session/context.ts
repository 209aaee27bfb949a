import type { FaceAnalyzer } from '../video/face-analyzer.ts';
import type { HireNetModel } from '../model/hirenet-model.ts';
import type { Vocabulary } from '../text/vocabulary.ts';
import type { AudioWorkerPool } from '../audio/worker-pool.ts';
import type { BackendName } from '../backend/backends.ts';
import type { SessionModality, SessionWarning } from './types.ts';

/** What a HireNet shares with its interview sessions (internal). */
export interface SessionContext {
  readonly models: ReadonlyMap<SessionModality, HireNetModel>;
  /** The model's window column names per loaded modality. */
  readonly names: Partial<Record<SessionModality, readonly string[]>>;
  readonly vocab: Vocabulary;
  readonly faces: FaceAnalyzer | null;
  readonly modalities: readonly SessionModality[];
  readonly modelVersion: string;
  readonly modelSha256: string;
  readonly backend: BackendName;
  readonly audioWorkletUrl: string;
  /** The audio worker, started once and lent to each answer and file. */
  readonly audioWorkers: AudioWorkerPool;
  readonly persist: boolean;
  readonly loadWarnings: readonly SessionWarning[];
  forget(session: object): void;
}
