/**
 * @hirenet/sdk/model — HireNet (Hemamou et al., AAAI 2019) itself, for research code and hosts
 * that build their own inputs: the model and its ablations, its configuration and weights, the
 * model files (tfjs weights format with per-shard sha256) and the tfjs backends. docs/weight-contract.md.
 */

export { HireNetModel, type ModelMetadata } from '../model/hirenet-model.ts';
export type { HireNetConfig, HireNetVariant, InterviewInput, InterviewOutput } from '../model/types.ts';
export { resolveConfig, DEFAULT_SIZES, type HireNetConfigInput } from '../model/config.ts';
export { weightSpecs, type WeightSpec } from '../model/weight-spec.ts';
export type { WeightData, WeightMap, InitOptions } from '../model/init.ts';
export { padBatch, type PaddedBatch } from '../model/batch.ts';
export type { ForwardResult } from '../model/forward.ts';
export {
  loadModel,
  encodeModel,
  decodeModel,
  sha256Hex,
  MODEL_FORMAT,
  type ModelJson,
  type ModelArtifacts,
} from '../model/io.ts';

// Backends: tfjs cpu / wasm / webgl / webgpu, loaded lazily, wasm binaries self-hosted.
export { initBackend, availableBackends, BackendUnavailableError, type BackendName } from '../backend/backends.ts';
export { selectBackend, type BackendSelection, type BackendTiming, type SelectOptions } from '../backend/select.ts';

// Errors of this entry (all HireNetErrors; codes in docs/errors.md).
export { HireNetInputError, ModelIntegrityError } from '../util/errors.ts';
