/**
 * Audio frames → the audio window vectors of AUDIO_FEATURE_SCHEMA (0.5 s windows, 0.25 s hop):
 * mean and std of each pooled descriptor, voiced-only descriptors over voiced frames, and the
 * voiced fraction last. Thin adapter over the shared features/windows.ts, plus the sparse-voicing
 * fade below.
 */
import { WindowPooler, type PooledWindow } from '../features/windows.ts';
import type { AudioFrame } from './frames.ts';
import { AUDIO_FEATURE_SCHEMA, AUDIO_POOLED_FEATURES, VOICED_ONLY_FEATURES } from './schema.ts';

const VOICED_COLUMNS = AUDIO_POOLED_FEATURES.flatMap((f, i) => (VOICED_ONLY_FEATURES.includes(f) ? [i] : []));

/**
 * Voiced share (taper-weighted) below which the voiced-only means and stds fade linearly to 0,
 * the value of a window with no voiced frame. Without it a window whose only voiced frames sit at
 * its edge, with almost no weight, still reports their full mean (normalised by their own small
 * weight), while the same window a few frames later reports 0: the voiced-only columns then jump
 * with the window's phase. Above this share the columns are the plain voiced-only statistics.
 * 0.35: live vs file median r at the worst of 8 window phases 0.86 → 0.91 on vrt_face_4 (Node,
 * bench/lib/agreement-phases.ts, docs/same-media.md); 0.2 left 0.84, 0.5 gave 0.92 but fades
 * most windows of ordinary speech with pauses.
 */
export const VOICED_FADE_SHARE = 0.35;

export function createAudioWindowPooler(): WindowPooler {
  return new WindowPooler(AUDIO_POOLED_FEATURES.length, {
    frameRate: 1 / AUDIO_FEATURE_SCHEMA.frameStepSeconds,
    windowSeconds: AUDIO_FEATURE_SCHEMA.windowSeconds,
    hopSeconds: AUDIO_FEATURE_SCHEMA.hopSeconds,
    conditionalColumns: VOICED_COLUMNS,
    appendConditionFraction: true,
    // Tapered, so take-to-take window phase barely moves the values; sine rather than Hann
    // because window values sampled every 0.25 s alias less (windows.ts, docs/same-media.md).
    taper: 'sine',
  });
}

/** Scales the voiced-only columns of a window by min(1, voiced share / VOICED_FADE_SHARE), in place. */
export function fadeSparseVoicing(w: PooledWindow): PooledWindow {
  const v = w.values;
  if (v === null) return w;
  const share = v[v.length - 1]!;
  if (share >= VOICED_FADE_SHARE) return w;
  const k = share / VOICED_FADE_SHARE;
  for (const c of VOICED_COLUMNS) {
    v[2 * c] = v[2 * c]! * k;
    v[2 * c + 1] = v[2 * c + 1]! * k;
  }
  return w;
}

/** Feeds one frame to a pooler from createAudioWindowPooler(); returns completed windows. */
export function pushAudioFrame(pooler: WindowPooler, frame: AudioFrame): PooledWindow[] {
  return pooler
    .push(
      AUDIO_POOLED_FEATURES.map((f) => frame[f]),
      true,
      frame.F0_Hz > 0,
    )
    .map(fadeSparseVoicing);
}

/** Final windows after the last frame (a recording shorter than one window), faded like the rest. */
export function flushAudioPooler(pooler: WindowPooler): PooledWindow[] {
  return pooler.flush().map(fadeSparseVoicing);
}

/** All windows of a finished list of frames. */
export function poolAudioFrames(frames: readonly AudioFrame[]): PooledWindow[] {
  const pooler = createAudioWindowPooler();
  const out = frames.flatMap((f) => pushAudioFrame(pooler, f));
  out.push(...flushAudioPooler(pooler));
  return out;
}
