import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_VOCAB_DIR, loadVocabularyFromDir } from '@hirenet/research/internal/text/vocabulary-node';
import { WordEmbedder } from '@hirenet/research/internal/train/encode';
import { parseVocabManifest, vocabFingerprint } from '@hirenet/sdk/internal/text/vocabulary';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';

/** The word vectors plus a fingerprint recorded in (and checked against) trained models. */
export async function loadWords(
  dir: string = DEFAULT_VOCAB_DIR,
): Promise<{ words: WordEmbedder; vocab: { format: string; sha256: string } }> {
  const manifest = parseVocabManifest(JSON.parse(await readFile(join(dir, 'vocab.json'), 'utf8')));
  const vocabulary = await loadVocabularyFromDir(dir);
  return {
    words: new WordEmbedder(vocabulary),
    vocab: { format: manifest.format, sha256: vocabFingerprint(manifest) },
  };
}

export function assertSameVocab(recorded: { sha256: string } | undefined, loaded: { sha256: string }): void {
  if (recorded !== undefined && recorded.sha256 !== loaded.sha256) {
    throw new HireNetError(
      'vocab-mismatch',
      [
        `the model was trained with word vectors ${recorded.sha256.slice(0, 12)}…, these are`,
        `${loaded.sha256.slice(0, 12)}…`,
      ].join(' '),
    );
  }
}
