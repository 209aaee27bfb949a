/**
 * `hirenet manifest --model DIR [--vocab DIR]`: writes DIR/manifest.json (hirenet-manifest/1),
 * the asset manifest a browser session checks every loaded byte against, and prints its sha256
 * (the model identity a host pins with `HireNet.create({ manifestSha256 })`).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_VOCAB_DIR } from '@hirenet/research/internal/text/vocabulary-node';
import { MANIFEST_FILE } from '@hirenet/sdk/internal/session/manifest';
import { manifestText, sha256OfText } from './manifest-node.ts';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { parseCommandArgs, stringFlag } from './args.ts';

export async function runManifest(args: string[]): Promise<number> {
  const { flags } = parseCommandArgs('manifest', args);
  const modelDir = stringFlag(flags, 'model');
  let text: string;
  try {
    text = manifestText({ modelDir, vocabDir: flags.get('vocab') ?? DEFAULT_VOCAB_DIR });
  } catch (e) {
    throw new HireNetError('usage', `cannot build the manifest: ${(e as Error).message}`);
  }
  await writeFile(join(modelDir, MANIFEST_FILE), text);
  process.stdout.write(`${join(modelDir, MANIFEST_FILE)}\nmanifestSha256 ${sha256OfText(text)}\n`);
  return 0;
}
