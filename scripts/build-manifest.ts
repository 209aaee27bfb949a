/**
 * Writes the asset manifest (hirenet-manifest/1) beside a model: size and sha256 of every file
 * a session loads (model, vocabulary, tfjs and MediaPipe wasm). Run it after the model, the
 * vocabulary or a wasm-shipping dependency changes; test/node/manifest.test.ts fails while the
 * committed one is stale.
 *
 * node --conditions=source --import tsx scripts/build-manifest.ts [--model models/hirenet-demo] [--vocab models/vocab]
 * [--check]
 *
 * Prints the manifest's sha256 (the model identity hosts pin as `manifestSha256`).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from '../packages/cli/src/args.ts';
import { MANIFEST_FILE } from '../packages/sdk/src/session/manifest.ts';
import { manifestText, sha256OfText } from '../packages/cli/src/manifest-node.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { flags } = parseArgs(process.argv.slice(2), ['check']);
const modelDir = resolve(ROOT, flags.get('model') ?? 'models/hirenet-demo');
const vocabDir = resolve(ROOT, flags.get('vocab') ?? 'models/vocab');
const text = manifestText({ modelDir, vocabDir });
const out = join(modelDir, MANIFEST_FILE);
if (flags.has('check')) {
  const same = existsSync(out) && readFileSync(out, 'utf8') === text;
  process.stdout.write(
    same
      ? `${out} is current\n`
      : `${out} is stale: run node --conditions=source --import tsx scripts/build-manifest.ts\n`,
  );
  process.exit(same ? 0 : 1);
}
writeFileSync(out, text);
process.stdout.write(`${out}\nmanifestSha256 ${sha256OfText(text)}\n`);
