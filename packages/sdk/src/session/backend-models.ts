/**
 * The model weights, one copy per tfjs backend. `backend: 'auto'` times a scoring on every
 * backend; a tf.Variable used under another backend is *moved* there, and moving it back reads
 * it with that backend's readSync — which on WebGPU goes through an OffscreenCanvas and, on
 * SwiftShader's fallback adapter, returned zeros: every live result was then exactly 0.5 with
 * flat attention (issue 12). So weights are snapshotted once as host arrays on the backend they
 * were loaded on, each backend builds its own models from that snapshot, and only the chosen
 * backend's copy survives. A model's tensors never change backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import { HireNetModel } from '../model/hirenet-model.ts';
import type { WeightMap } from '../model/init.ts';
import type { SessionModality } from './types.ts';

type Models = Map<SessionModality, HireNetModel>;

interface Snapshot {
  readonly model: HireNetModel;
  readonly weights: WeightMap;
}

export class BackendModels {
  private readonly snapshots = new Map<SessionModality, Snapshot>();
  private readonly copies = new Map<string, Models>();

  /** `loaded` must live on the backend active now; they become that backend's copy. */
  constructor(loaded: ReadonlyMap<SessionModality, HireNetModel>) {
    for (const [m, model] of loaded) this.snapshots.set(m, { model, weights: model.getWeights() });
    this.copies.set(tf.getBackend(), new Map(loaded));
  }

  /** The models on the active backend, built from the snapshot the first time. */
  active(): ReadonlyMap<SessionModality, HireNetModel> {
    const name = tf.getBackend();
    let models = this.copies.get(name);
    if (models === undefined) {
      models = new Map();
      for (const [m, s] of this.snapshots)
        models.set(m, HireNetModel.fromWeights(s.model.config, s.weights, s.model.metadata));
      this.copies.set(name, models);
    }
    return models;
  }

  /** Keeps `backend`'s copy (building it if needed) and frees every other. */
  keep(backend: string): ReadonlyMap<SessionModality, HireNetModel> {
    if (tf.getBackend() !== backend) throw new Error(`keep(${backend}) while ${tf.getBackend()} is active`);
    const kept = this.active();
    for (const [name, models] of this.copies) {
      if (name === backend) continue;
      for (const model of models.values()) model.dispose();
      this.copies.delete(name);
    }
    return kept;
  }

  /** Frees every copy (creation failed). */
  disposeAll(): void {
    for (const models of this.copies.values()) for (const model of models.values()) model.dispose();
    this.copies.clear();
  }
}
