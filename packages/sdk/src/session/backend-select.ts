/**
 * The first step of `backend: 'auto'`: a backend must be active before the model is loaded
 * (weights are created on it). The timing itself is backend/select.ts `selectBackend`, run on
 * a prediction of the loaded model once it exists (hirenet.ts). Three shortcuts keep it cheap
 * (issue 15): a choice measured before on this browser and SDK version is reused without timing,
 * GPU backends that would run on a software renderer (SwiftShader) are never timed, and cpu is
 * timed only where wasm does not run: its kernels run synchronously on the page's main thread
 * (its warm-up alone was a 100-175 ms long task on the embed page) and it lost to wasm on every
 * machine measured (bench: 17.8 vs 6.1 ms for 6 answers).
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  BackendUnavailableError,
  backendNames,
  initBackend,
  type BackendName,
  type BackendOptions,
} from '../backend/backends.ts';
import { softwareGpuBackends } from '../backend/software.ts';
import { SDK_VERSION } from '../util/version.ts';
import type { BackendChoice } from './options.ts';
import { STORAGE_PREFIX } from './store.ts';

/** localStorage key of the remembered choice (under the prefix deleteAll() erases). */
export const REMEMBERED_KEY = `${STORAGE_PREFIX}:backend-choice`;

export interface InitialBackend {
  readonly active: BackendName;
  readonly candidates: BackendName[];
  readonly fallbackFrom?: BackendName;
  /** The choice came from an earlier measurement on this device (nothing is timed). */
  readonly remembered?: boolean;
  /** GPU backends left out because they would run in software. */
  readonly software?: BackendName[];
}

const deviceKey = (): string =>
  `${SDK_VERSION}|${globalThis.navigator?.userAgent ?? ''}|${globalThis.navigator?.hardwareConcurrency ?? 0}`;

function rememberedChoice(): BackendName | null {
  try {
    const raw = globalThis.localStorage?.getItem(REMEMBERED_KEY);
    const v = raw == null ? null : (JSON.parse(raw) as { key?: unknown; selected?: unknown });
    return v !== null && v.key === deviceKey() && backendNames.includes(v.selected as BackendName)
      ? (v.selected as BackendName)
      : null;
  } catch {
    return null;
  }
}

/** Keeps `selected` for the next visit of this browser (best effort: storage may be off). */
export function rememberChoice(selected: BackendName): void {
  try {
    globalThis.localStorage?.setItem(REMEMBERED_KEY, JSON.stringify({ key: deviceKey(), selected }));
  } catch {
    // Private mode or a full quota: the next visit measures again.
  }
}

async function initAll(names: readonly BackendName[], wasm: BackendOptions): Promise<BackendName[]> {
  const found: BackendName[] = [];
  for (const name of names) {
    try {
      await initBackend(name, wasm);
      found.push(name);
    } catch (e) {
      if (!(e instanceof BackendUnavailableError)) throw e;
    }
  }
  // The first found is active while the model loads (weights are copied per backend later).
  if (found[0] !== undefined && tf.getBackend() !== found[0]) await initBackend(found[0], wasm);
  return found;
}

/**
 * Makes a backend active; returns the candidates to time once the model is loaded. A requested
 * backend that fails falls back to timing the others (`fallbackFrom`).
 */
export async function initialBackend(
  choice: BackendChoice,
  /** wasmPaths, and the binary's verified bytes (tfjs instantiates them instead of fetching again). */
  wasm: BackendOptions,
  only: readonly BackendName[] | null = null,
): Promise<InitialBackend> {
  if (choice !== 'auto') {
    try {
      await initBackend(choice, wasm);
      return { active: choice, candidates: [choice] };
    } catch (e) {
      if (!(e instanceof BackendUnavailableError)) throw e;
      const found = await initAll(
        backendNames.filter((b) => b !== choice),
        wasm,
      );
      if (found.length === 0) throw e;
      return { active: tf.getBackend() as BackendName, candidates: found, fallbackFrom: choice };
    }
  }
  if (only !== null) {
    const found = await initAll(only, wasm);
    if (found.length === 0)
      throw new BackendUnavailableError(
        only[0] ?? 'cpu',
        `none of backendCandidates (${only.join(', ')}) initialises here`,
      );
    return { active: tf.getBackend() as BackendName, candidates: found };
  }
  const remembered = rememberedChoice();
  if (remembered !== null) {
    try {
      await initBackend(remembered, wasm);
      return { active: remembered, candidates: [remembered], remembered: true };
    } catch (e) {
      if (!(e instanceof BackendUnavailableError)) throw e;
    }
  }
  const software = await softwareGpuBackends();
  const hardware = backendNames.filter((b) => !software.has(b) && b !== 'cpu');
  // cpu only without wasm, software GPU backends only when nothing else works at all.
  let found = await initAll(hardware, wasm);
  if (!found.includes('wasm')) found = await initAll([...found, 'cpu'], wasm);
  if (found.length === 0) found = await initAll([...software], wasm);
  if (found.length === 0) throw new BackendUnavailableError('cpu', 'no tfjs backend initialises in this browser');
  return { active: tf.getBackend() as BackendName, candidates: found, software: [...software] };
}
