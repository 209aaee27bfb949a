import { AssetError, ModelIntegrityError } from '../util/errors.ts';
import { resolveConfig } from './config.ts';
import { HireNetModel, type ModelMetadata } from './hirenet-model.ts';
import type { WeightMap } from './init.ts';
import type { HireNetConfig } from './types.ts';

export const MODEL_FORMAT = 'hirenet-model/1';
/** tfjs' own converter splits shards at 4 MiB; we follow it so any tfjs tooling can read ours. */
const SHARD_BYTES = 4 * 1024 * 1024;

interface ManifestEntry {
  readonly name: string;
  readonly shape: number[];
  readonly dtype: 'float32';
}

/** model.json: tfjs' weights format plus a `hirenet` block (docs/weight-contract.md, "Files"). */
export interface ModelJson {
  readonly format: typeof MODEL_FORMAT;
  readonly generatedBy: string;
  readonly weightsManifest: { paths: string[]; weights: ManifestEntry[] }[];
  readonly hirenet: { config: HireNetConfig; shardSha256: string[]; metadata: ModelMetadata };
}

export interface ModelArtifacts {
  readonly json: ModelJson;
  /** Shard bytes, in `weightsManifest[0].paths` order. */
  readonly shards: Uint8Array[];
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Serialises weights (float32, little-endian, storage order) into checksummed shards. */
export async function encodeModel(model: HireNetModel): Promise<ModelArtifacts> {
  const weights = model.getWeights();
  const entries = Object.entries(weights);
  const total = entries.reduce((n, [, w]) => n + w.data.byteLength, 0);
  const all = new Uint8Array(total);
  let offset = 0;
  for (const [, w] of entries) {
    all.set(new Uint8Array(w.data.buffer, w.data.byteOffset, w.data.byteLength), offset);
    offset += w.data.byteLength;
  }
  const count = Math.max(1, Math.ceil(total / SHARD_BYTES));
  const shards = Array.from({ length: count }, (_, i) =>
    all.slice(i * SHARD_BYTES, Math.min(total, (i + 1) * SHARD_BYTES)),
  );
  const paths = shards.map((_, i) => `group1-shard${i + 1}of${count}.bin`);
  const json: ModelJson = {
    format: MODEL_FORMAT,
    generatedBy: '@hirenet/sdk',
    weightsManifest: [
      { paths, weights: entries.map(([name, w]) => ({ name, shape: [...w.shape], dtype: 'float32' })) },
    ],
    hirenet: { config: model.config, shardSha256: await Promise.all(shards.map(sha256Hex)), metadata: model.metadata },
  };
  return { json, shards };
}

function parseJson(raw: unknown): ModelJson {
  const json = raw as Partial<ModelJson> | null;
  if (json === null || typeof json !== 'object' || json.format !== MODEL_FORMAT) {
    throw new ModelIntegrityError(`model.json is not a ${MODEL_FORMAT} file`);
  }
  const group = json.weightsManifest?.[0];
  if (
    json.weightsManifest?.length !== 1 ||
    group === undefined ||
    !Array.isArray(group.paths) ||
    !Array.isArray(group.weights)
  ) {
    throw new ModelIntegrityError('model.json needs exactly one weightsManifest group with paths and weights');
  }
  if (
    json.hirenet === undefined ||
    !Array.isArray(json.hirenet.shardSha256) ||
    json.hirenet.shardSha256.length !== group.paths.length
  ) {
    throw new ModelIntegrityError('model.json lacks a sha256 for every shard');
  }
  return json as ModelJson;
}

/**
 * Rebuilds a model from model.json and a shard reader, verifying every shard's sha256 first:
 * a tampered or truncated file is refused rather than silently scoring with wrong weights.
 */
export async function decodeModel(
  rawJson: unknown,
  readShard: (path: string) => Promise<Uint8Array>,
): Promise<HireNetModel> {
  const json = parseJson(rawJson);
  const group = json.weightsManifest[0] as ModelJson['weightsManifest'][number];
  const shards = await Promise.all(
    group.paths.map(async (path, i) => {
      const bytes = await readShard(path);
      const actual = await sha256Hex(bytes);
      if (actual !== json.hirenet.shardSha256[i]) {
        throw new ModelIntegrityError(
          `shard ${path} has sha256 ${actual}, model.json records ${String(json.hirenet.shardSha256[i])}`,
        );
      }
      return bytes;
    }),
  );
  const total = shards.reduce((n, s) => n + s.byteLength, 0);
  const all = new Uint8Array(total);
  let offset = 0;
  for (const s of shards) {
    all.set(s, offset);
    offset += s.byteLength;
  }
  const weights: WeightMap = {};
  offset = 0;
  for (const entry of group.weights) {
    if (entry.dtype !== 'float32')
      throw new ModelIntegrityError(`weight ${entry.name} has dtype ${String(entry.dtype)}, only float32 is supported`);
    const bytes = entry.shape.reduce((a, b) => a * b, 1) * 4;
    if (offset + bytes > total) throw new ModelIntegrityError(`shards end before weight ${entry.name}`);
    weights[entry.name] = { shape: entry.shape, data: new Float32Array(all.slice(offset, offset + bytes).buffer) };
    offset += bytes;
  }
  if (offset !== total) throw new ModelIntegrityError(`shards hold ${total - offset} bytes beyond the manifest`);
  return HireNetModel.fromWeights(resolveConfig(json.hirenet.config), weights, json.hirenet.metadata ?? {});
}

/** Loads `model.json` and its shards over fetch (browser, or Node with an http URL). */
export async function loadModel(
  modelUrl: string | URL,
  fetcher: typeof fetch = globalThis.fetch,
): Promise<HireNetModel> {
  const base = new URL(modelUrl, globalThis.location?.href);
  const get = async (url: URL): Promise<Response> => {
    const res = await fetcher(url);
    if (!res.ok) throw new ModelIntegrityError(`GET ${url.href} answered ${res.status}`);
    return res;
  };
  const res = await get(base);
  // An HTML error page or a truncated file would otherwise surface as an untyped SyntaxError.
  const type = res.headers.get('content-type') ?? '';
  if (/^text\/html\b/i.test(type)) throw new AssetError('asset-invalid', base.href, `answered ${type}, not model.json`);
  let json: unknown;
  try {
    json = JSON.parse(await res.text());
  } catch (e) {
    throw new AssetError('asset-invalid', base.href, `not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  return decodeModel(json, async (path) => new Uint8Array(await (await get(new URL(path, base))).arrayBuffer()));
}
