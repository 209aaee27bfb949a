/**
 * Node-only: reads a `hirenet-vocab/2` (or /1) directory from disk (by default the one committed under
 * models/vocab). Browser code uses loadVocabulary(url) from vocabulary.ts instead.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelIntegrityError } from '@hirenet/sdk/internal/util/errors';
import { openVocabulary, VOCAB_MANIFEST_FILE, type Vocabulary } from '@hirenet/sdk/internal/text/vocabulary';

/**
 * models/vocab of this repository (found relative to this file, in src/ or dist/), else the copy
 * an installed @hirenet/sdk ships in its assets/ (docs/packaging.md).
 */
export const DEFAULT_VOCAB_DIR = defaultVocabDir();

function defaultVocabDir(): string {
  const checkout = fileURLToPath(new URL('../../../../models/vocab', import.meta.url));
  if (existsSync(join(checkout, VOCAB_MANIFEST_FILE))) return checkout;
  try {
    const sdk = dirname(createRequire(import.meta.url).resolve('@hirenet/sdk/package.json'));
    return join(sdk, 'assets/vocab');
  } catch {
    return checkout;
  }
}

/** Loads and checksum-verifies the vocabulary in `dir`, every vector block read (Node callers embed synchronously). */
export async function loadVocabularyFromDir(dir: string = DEFAULT_VOCAB_DIR): Promise<Vocabulary> {
  const read = async (name: string): Promise<Uint8Array> => {
    try {
      return new Uint8Array(await readFile(join(dir, name)));
    } catch (err) {
      throw new ModelIntegrityError(
        `cannot read ${join(dir, name)}: ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    }
  };
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(await read(VOCAB_MANIFEST_FILE)));
  } catch (err) {
    if (err instanceof ModelIntegrityError) throw err;
    throw new ModelIntegrityError(`${join(dir, VOCAB_MANIFEST_FILE)} is not valid JSON`, { cause: err });
  }
  return openVocabulary(raw, { read, where: (name) => join(dir, name) }, { vectors: 'all' });
}
