/**
 * Audio frames → the audio window vectors of AUDIO_FEATURE_SCHEMA (0.5 s windows, 0.25 s hop):
 * mean and std of each pooled descriptor, voiced-only descriptors over voiced frames, and the
 * voiced fraction last. Thin adapter over the shared features/windows.ts.
 */
import { WindowPooler, type PooledWindow } from '../features/windows.ts';
import type { AudioFrame } from './frames.ts';
import { AUDIO_FEATURE_SCHEMA, AUDIO_POOLED_FEATURES, VOICED_ONLY_FEATURES } from './schema.ts';

/**
 * Voiced share of a window (taper-weighted) below which its voiced-only means and stds fade
 * linearly to 0, the value of a window with no voiced frame (windows.ts `fadeBelowShare`): a
 * window whose only voiced frames sit at its edge otherwise reports their full mean, and the
 * same window a few frames later 0. Above this share the columns are the plain voiced-only
 * statistics. 0.35: live vs file median r at the worst of 8 window phases 0.86 → 0.91 on
 * vrt_face_4 (bench/lib/agreement-phases.ts, docs/same-media.md); 0.2 left 0.84; 0.5 gave 0.92
 * but fades most windows of ordinary speech with pauses.
 */
export const VOICED_FADE_SHARE = 0.35;

export function createAudioWindowPooler(): WindowPooler {
  return new WindowPooler(AUDIO_POOLED_FEATURES.length, {
    frameRate: 1 / AUDIO_FEATURE_SCHEMA.frameStepSeconds,
    windowSeconds: AUDIO_FEATURE_SCHEMA.windowSeconds,
    hopSeconds: AUDIO_FEATURE_SCHEMA.hopSeconds,
    conditionalColumns: AUDIO_POOLED_FEATURES.flatMap((f, i) => (VOICED_ONLY_FEATURES.includes(f) ? [i] : [])),
    appendConditionFraction: true,
    // Tapered, so take-to-take window phase barely moves the values; sine rather than Hann
    // because window values sampled every 0.25 s then alias less (windows.ts, docs/same-media.md).
    taper: 'sine',
    fadeBelowShare: VOICED_FADE_SHARE,
  });
}

/** Feeds one frame to a pooler from createAudioWindowPooler(); returns completed windows. */
export function pushAudioFrame(pooler: WindowPooler, frame: AudioFrame): PooledWindow[] {
  return pooler.push(
    AUDIO_POOLED_FEATURES.map((f) => frame[f]),
    true,
    frame.F0_Hz > 0,
  );
}

/** All windows of a finished list of frames. */
export function poolAudioFrames(frames: readonly AudioFrame[]): PooledWindow[] {
  const pooler = createAudioWindowPooler();
  const out = frames.flatMap((f) => pushAudioFrame(pooler, f));
  out.push(...pooler.flush());
  return out;
}
