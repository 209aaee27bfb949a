/**
 * `hirenet assets --out DIR [--model DIR] [--face-model PATH] [--bundle]`: copies the asset layout a session
 * loads from `assetsBaseUrl` (assets-layout.ts) into a site, e.g. `--out public/hirenet`, from the
 * installed packages: the demo model and the vocabulary (@hirenet/sdk assets/), the tfjs and
 * MediaPipe wasm (the SDK's dependencies), the prebuilt worklet and workers (@hirenet/sdk
 * dist/workers); with --bundle also the one-file SDK (dist/bundle/index.js) as hirenet-sdk.js, for
 * a page without a bundler. The face model is the user's own download: with --face-model it is written,
 * gzip-compressed, as face_landmarker.task.gz (the SDK's default faceModelUrl; assets-layout.ts says why) after
 * its sha256 matches the one the SDK expects; without it the site runs audio-only.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FACE_LANDMARKER_SHA256 } from '@hirenet/sdk/internal/video/options';
import { parseCommandArgs, stringFlag, usage } from './args.ts';
import { assetFiles, packagedSources } from './assets-layout.ts';
import { usageLine } from './usage.ts';

const USAGE = usageLine('assets');

/** The face model only when it is byte for byte the bundle the SDK was built and tested with. */
function checkFaceModel(path: string): string {
  if (!existsSync(path)) throw usage(`face model not found at ${path}\n${USAGE}`);
  const sha = createHash('sha256').update(readFileSync(path)).digest('hex');
  if (sha !== FACE_LANDMARKER_SHA256)
    throw usage(
      `${path} has sha256 ${sha}; the SDK expects MediaPipe's face_landmarker.task, ${FACE_LANDMARKER_SHA256}`,
    );
  return path;
}

/** dist/bundle/index.js of the installed SDK (a checkout has it after `npm run build:packages`). */
function sdkBundle(sdkDir: string): string {
  const path = join(sdkDir, 'dist/bundle/index.js');
  if (!existsSync(path)) throw usage(`${path} is missing: in a checkout, run \`npm run build:packages\` first`);
  return path;
}

export async function runAssets(args: string[]): Promise<number> {
  // Unknown options and stray words are refused by parseCommandArgs (its flags are usage.ts's).
  const { flags } = parseCommandArgs('assets', args);
  const out = resolve(stringFlag(flags, 'out'));
  const model = flags.get('model');
  if (model !== undefined && !existsSync(join(model, 'fusion.json')) && !existsSync(join(model, 'model.json')))
    throw usage(`no model at ${resolve(model)} (fusion.json or model.json)`);
  const face = flags.get('face-model');
  const src = await packagedSources({
    ...(model === undefined ? {} : { modelDir: resolve(model) }),
    faceModel: face === undefined ? null : checkFaceModel(resolve(face)),
  });
  let bytes = 0;
  const files = assetFiles(src);
  // For a page without a bundler: the one-file SDK beside the assets, refreshed with them on every upgrade.
  if (flags.has('bundle')) files.set('hirenet-sdk.js', () => readFileSync(sdkBundle(src.sdkDir)));
  for (const [rel, read] of files) {
    const target = join(out, rel);
    mkdirSync(dirname(target), { recursive: true });
    const data = read();
    writeFileSync(target, data);
    bytes += data.byteLength;
  }
  const manifest = files.get('model/manifest.json')?.();
  const sha = manifest === undefined ? null : createHash('sha256').update(manifest).digest('hex');
  process.stdout.write(
    `${out}: ${files.size} files, ${(bytes / 1e6).toFixed(1)} MB` +
      `${sha === null ? '' : `\nmanifestSha256 ${sha}`}` +
      `${face === undefined ? '\nno face model (--face-model PATH): sessions run audio-only' : ''}\n`,
  );
  return 0;
}
