/**
 * Node-only helpers (file system). Browser code imports from the package root instead.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ModelIntegrityError } from '@hirenet/sdk/internal/util/errors';
import { decodeModel, encodeModel } from '@hirenet/sdk/internal/model/io';
import type { HireNetModel } from '@hirenet/sdk/internal/model/hirenet-model';

export { initBackendNode } from './node-backend.ts';
export { loadVocabularyFromDir, DEFAULT_VOCAB_DIR } from './text/vocabulary-node.ts';
export { writeSimDataset, writeInterviewLines } from './sim/writer.ts';

/**
 * Writes model.json and shards into `dir`. Everything goes to a sibling temp directory first and
 * is renamed into place, so an interrupted save never leaves a half-written model behind.
 */
export async function saveModelToDir(model: HireNetModel, dir: string): Promise<void> {
  const target = resolve(dir);
  const staging = `${target}.tmp-${process.pid}-${Date.now()}`;
  const { json, shards } = await encodeModel(model);
  await mkdir(staging, { recursive: true });
  try {
    const paths = json.weightsManifest[0]?.paths ?? [];
    await Promise.all(shards.map((bytes, i) => writeFile(join(staging, paths[i] ?? `shard${i}.bin`), bytes)));
    await writeFile(join(staging, 'model.json'), `${JSON.stringify(json, null, 2)}\n`);
    await mkdir(dirname(target), { recursive: true });
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
}

/** Reads a model directory written by saveModelToDir (or shipped under models/). */
export async function loadModelFromDir(dir: string): Promise<HireNetModel> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
  } catch (err) {
    throw new ModelIntegrityError(
      `cannot read ${join(dir, 'model.json')}: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  return decodeModel(json, async (path) => {
    if (path.includes('/') || path.includes('\\') || path.startsWith('.'))
      throw new ModelIntegrityError(`shard path ${path} leaves the model directory`);
    return new Uint8Array(await readFile(join(dir, path)));
  });
}
