/**
 * `hirenet features <modality> …` — per-frame descriptors and summaries from media files.
 * Each modality lives in its own module, loaded only when asked for.
 */
import { stderr, stdout } from 'node:process';
import { usage } from './args.ts';
import { type FeatureModality, FEATURE_MODALITIES, helpText, usageLine, usageText } from './usage.ts';

type Runner = (args: string[]) => Promise<number>;

// Typed by usage.ts's list, so each modality has its usage text.
const modalities: Record<FeatureModality, () => Promise<Runner>> = {
  audio: async () => (await import('./audio-features.ts')).runAudioFeatures,
  video: async () => (await import('./features-video.ts')).runFeaturesVideo,
};

export async function runFeatures(args: string[]): Promise<number> {
  const [modality, ...rest] = args;
  // Like a bare `hirenet`, a bare `hirenet features` asks what there is (main.ts answers --help itself).
  if (modality === undefined) {
    stdout.write(helpText('features'));
    return 0;
  }
  // A flag before the modality (`features --fps 5 video …`): named, as every command names a flag it refuses.
  if (modality.startsWith('-')) throw usage(`${modality} before the modality\n${usageLine('features')}`);
  if (!Object.hasOwn(FEATURE_MODALITIES, modality)) {
    stderr.write(usageText('features'));
    return 2;
  }
  return (await modalities[modality as FeatureModality]())(rest);
}
