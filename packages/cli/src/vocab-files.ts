/** The files of a vocabulary directory a host serves: vocab.json and what it lists (Node only). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseVocabManifest, VOCAB_MANIFEST_FILE, vocabFiles } from '@hirenet/sdk/internal/text/vocabulary';

/** What the asset manifest lists of the vocabulary: vocab.json and the word list (vocab.json lists the blocks). */
export function vocabManifestNames(vocabDir: string): string[] {
  return [VOCAB_MANIFEST_FILE, readVocabManifest(vocabDir).files.words.path];
}

export function vocabFileNames(vocabDir: string): string[] {
  return [VOCAB_MANIFEST_FILE, ...vocabFiles(readVocabManifest(vocabDir)).map((f) => f.path)];
}

function readVocabManifest(vocabDir: string): ReturnType<typeof parseVocabManifest> {
  return parseVocabManifest(JSON.parse(readFileSync(join(vocabDir, VOCAB_MANIFEST_FILE), 'utf8')) as unknown);
}
