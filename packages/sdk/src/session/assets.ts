/**
 * Loading the trained model(s) from the host's origin: a late-fusion directory
 * (`fusion.json` naming one model directory per modality) or a single `model.json`. Every
 * request is a GET without a body, and every byte is checked against the asset manifest
 * (manifest.ts) before it is parsed.
 */
import type { HireNetModel } from '../model/hirenet-model.ts';
import { loadModel } from '../model/io.ts';
import { featureMetadata } from '../model/model-features.ts';
import { AssetError, HireNetError, ModelIntegrityError } from '../util/errors.ts';
import { VERSION_PATTERN } from './event-log-validate.ts';
import type { ManifestVerifier } from './manifest.ts';
import type { SessionModality } from './types.ts';

export const FUSION_FORMAT = 'hirenet-fusion/1';

export interface LoadedModels {
  readonly models: Map<SessionModality, HireNetModel>;
  /** `metadata.version` when the model records one, else `0.0.0-<first 8 hex of its sha256>`. */
  readonly version: string;
  /** sha256 of the asset manifest, as fetched: one value per model and asset set. */
  readonly sha256: string;
}

/** The directory the manifest's `model` names are relative to: fusion.json's, or model.json's. */
export function modelBaseUrl(modelUrl: string): { base: string; single: URL | null } {
  const u = new URL(modelUrl, globalThis.location?.href);
  if (u.pathname.endsWith('.json') && !u.pathname.endsWith('/fusion.json'))
    return { base: new URL('./', u).href, single: u };
  if (u.pathname.endsWith('/fusion.json')) return { base: new URL('./', u).href, single: null };
  return { base: u.href.endsWith('/') ? u.href : `${u.href}/`, single: null };
}

function parseFusion(bytes: Uint8Array, url: string): { members: Partial<Record<SessionModality, string>> } {
  let fusion: { format?: string; members?: Partial<Record<SessionModality, string>> } | null;
  try {
    fusion = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as typeof fusion;
  } catch (e) {
    throw new AssetError('asset-invalid', url, `not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  if (
    fusion === null ||
    typeof fusion !== 'object' ||
    fusion.format !== FUSION_FORMAT ||
    typeof fusion.members !== 'object' ||
    fusion.members === null
  ) {
    throw new AssetError('asset-invalid', url, `not a ${FUSION_FORMAT} file`);
  }
  return { members: fusion.members };
}

/** Loads the models of `wanted` modalities; a fusion member the host did not ask for is never fetched. */
export async function loadModels(
  modelUrl: string,
  wanted: readonly SessionModality[],
  verifier: ManifestVerifier,
): Promise<LoadedModels> {
  const { base, single } = modelBaseUrl(modelUrl);
  const fetcher = verifier.fetcherFor('model', base);
  const models = new Map<SessionModality, HireNetModel>();
  try {
    if (single !== null) {
      const model = await loadModel(single, fetcher);
      const m = featureMetadata(model).modality;
      if (wanted.includes(m)) models.set(m, model);
      else model.dispose();
    } else {
      const fusionUrl = new URL('fusion.json', base).href;
      const fusion = parseFusion(await verifier.fetchVerified('model', 'fusion.json', fusionUrl), fusionUrl);
      for (const [m, dir] of Object.entries(fusion.members) as [SessionModality, string][]) {
        if (!wanted.includes(m)) continue;
        const model = await loadModel(new URL(`${dir.replace(/\/$/, '')}/model.json`, base), fetcher);
        models.set(m, model);
        if (featureMetadata(model).modality !== m)
          throw new ModelIntegrityError(`fusion member ${m} was trained on ${featureMetadata(model).modality}`);
      }
    }
  } catch (e) {
    for (const model of models.values()) model.dispose();
    throw e;
  }
  if (models.size === 0)
    throw new HireNetError(
      'model-metadata',
      `the model at ${base} has none of the requested modalities (${wanted.join(', ')})`,
    );
  const recorded = [...models.values()][0]?.metadata['version'];
  const version =
    typeof recorded === 'string' && VERSION_PATTERN.test(recorded) ? recorded : `0.0.0-${verifier.sha256.slice(0, 8)}`;
  return { models, version, sha256: verifier.sha256 };
}
