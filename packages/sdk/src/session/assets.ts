/**
 * Loading the trained model(s) from the host's origin: a late-fusion directory
 * (`fusion.json` naming one model directory per modality) or a single `model.json`. Every
 * request is a GET without a body; shard checksums are verified by `loadModel`.
 */
import type { HireNetModel } from '../model/hirenet-model.ts';
import { loadModel, sha256Hex } from '../model/io.ts';
import { featureMetadata } from '../train/model-features.ts';
import { HireNetError, ModelIntegrityError } from '../util/errors.ts';
import { VERSION_PATTERN } from './event-log-validate.ts';
import type { SessionModality } from './types.ts';

export const FUSION_FORMAT = 'hirenet-fusion/1';

export interface LoadedModels {
  readonly models: Map<SessionModality, HireNetModel>;
  /** `metadata.version` when the model records one, else `0.0.0-<first 8 hex of its sha256>`. */
  readonly version: string;
  /** sha256 of fusion.json or model.json, as fetched. */
  readonly sha256: string;
}

async function getText(url: URL): Promise<{ ok: boolean; status: number; text: string }> {
  const res = await fetch(url);
  return { ok: res.ok, status: res.status, text: res.ok ? await res.text() : '' };
}

/** Loads the models of `wanted` modalities; a fusion member the host did not ask for is never fetched. */
export async function loadModels(modelUrl: string, wanted: readonly SessionModality[]): Promise<LoadedModels> {
  const base = new URL(modelUrl, globalThis.location?.href);
  const models = new Map<SessionModality, HireNetModel>();
  let top: string;
  if (base.pathname.endsWith('.json') && !base.pathname.endsWith('/fusion.json')) {
    const got = await getText(base);
    if (!got.ok) throw new ModelIntegrityError(`GET ${base.href} answered ${got.status}`);
    top = got.text;
    const model = await loadModel(base);
    const m = featureMetadata(model).modality;
    if (wanted.includes(m)) models.set(m, model);
    else model.dispose();
  } else {
    const fusionUrl = base.pathname.endsWith('/fusion.json') ? base : new URL('fusion.json', base.href.endsWith('/') ? base : `${base.href}/`);
    const got = await getText(fusionUrl);
    if (!got.ok) throw new ModelIntegrityError(`GET ${fusionUrl.href} answered ${got.status} (modelUrl must be a fusion directory or a model.json)`);
    top = got.text;
    const fusion = JSON.parse(top) as { format?: string; members?: Partial<Record<SessionModality, string>> };
    if (fusion.format !== FUSION_FORMAT || fusion.members === undefined) throw new ModelIntegrityError(`${fusionUrl.href} is not a ${FUSION_FORMAT} file`);
    try {
      for (const [m, dir] of Object.entries(fusion.members) as [SessionModality, string][]) {
        if (!wanted.includes(m)) continue;
        const model = await loadModel(new URL(`${dir.replace(/\/$/, '')}/model.json`, fusionUrl));
        models.set(m, model);
        if (featureMetadata(model).modality !== m) throw new ModelIntegrityError(`fusion member ${m} was trained on ${featureMetadata(model).modality}`);
      }
    } catch (e) {
      for (const model of models.values()) model.dispose();
      throw e;
    }
  }
  if (models.size === 0) throw new HireNetError('model-metadata', `the model at ${base.href} has none of the requested modalities (${wanted.join(', ')})`);
  const sha256 = await sha256Hex(new TextEncoder().encode(top));
  const recorded = [...models.values()][0]?.metadata['version'];
  const version = typeof recorded === 'string' && VERSION_PATTERN.test(recorded) ? recorded : `0.0.0-${sha256.slice(0, 8)}`;
  return { models, version, sha256 };
}
