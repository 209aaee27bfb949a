/**
 * Loads the SDK once per page. The face model is optional: vite-assets.ts serves it (gzipped,
 * face_landmarker.task.gz) only when ../shared/models/face_landmarker.task exists (or it was
 * fetched, see docs/demo.md). A HEAD request finds out first, so an absent model means a clean
 * audio-only start (no MediaPipe start-up, no failed download) and the consent notice names only
 * the voice.
 */
import { HireNet, type BackendChoice, type LoadProgress, type SessionModality } from '@hirenet/sdk';

export interface Loaded {
  readonly hn: HireNet;
  /** Why the face channel is off, or null when faces are analysed. */
  readonly audioOnlyReason: string | null;
}

const assetsBaseUrl = (): string => new URL('hirenet/', location.href).href;

/** True when the self-hosted face model answers (HEAD: no body either way). */
export async function faceModelPresent(): Promise<boolean> {
  try {
    const r = await fetch(new URL('face_landmarker.task.gz', assetsBaseUrl()), { method: 'HEAD', cache: 'no-store' });
    return r.ok;
  } catch {
    return false;
  }
}

export const MISSING_FACE_MODEL =
  'The face model (face_landmarker.task) is not on this server, so this demo analyses your voice ' +
  'only. To add face analysis, run scripts/fetch-face-model.sh and restart the demo (docs/demo.md).';

export async function loadHireNet(face: boolean, onProgress: (p: LoadProgress) => void): Promise<Loaded> {
  const params = new URLSearchParams(location.search);
  // The words are offered too (text channel); the candidate may consent without them.
  const modalities: SessionModality[] = face ? ['audio', 'video', 'text'] : ['audio', 'text'];
  const hn = await HireNet.create({
    assetsBaseUrl: assetsBaseUrl(),
    // `?backend=wasm` pins a backend (tests, comparisons); default: measured on this device.
    backend: (params.get('backend') ?? 'auto') as BackendChoice,
    modalities,
    faceModelUrl: face ? undefined : null,
    onProgress,
  });
  // The file may be there but fail to load (e.g. a corrupt download failing its sha256 check).
  const failed = hn.warnings.find((w) => w.code === 'face-model-missing');
  const reason = !face
    ? MISSING_FACE_MODEL
    : !hn.modalities.includes('video')
      ? [
          `Face analysis is off: ${failed?.message ?? 'the face model could not be loaded'}. This demo`,
          'analyses your voice only.',
        ].join(' ')
      : null;
  return { hn, audioOnlyReason: reason };
}
