/**
 * `hirenet features <modality> …` — per-frame descriptors and summaries from media files.
 * Each modality lives in its own module, loaded only when asked for.
 */
import { stderr } from 'node:process';

type Runner = (args: string[]) => Promise<number>;

const modalities: Record<string, () => Promise<Runner>> = {
  audio: async () => (await import('./audio-features.ts')).runAudioFeatures,
  video: async () => (await import('./features-video.ts')).runFeaturesVideo,
};

export async function runFeatures(args: string[]): Promise<number> {
  const [modality, ...rest] = args;
  const load = modality === undefined ? undefined : modalities[modality];
  if (load === undefined) {
    stderr.write(`usage: hirenet features <${Object.keys(modalities).join('|')}> FILE [options]\n`);
    return modality === undefined || modality === '--help' ? 0 : 2;
  }
  return (await load())(rest);
}
