/**
 * Audio frames → the audio window vectors of AUDIO_FEATURE_SCHEMA (0.5 s windows, 0.25 s hop):
 * mean and std of each pooled descriptor, voiced-only descriptors over voiced frames, and the
 * voiced fraction last. Thin adapter over the shared features/windows.ts.
 */
import { WindowPooler, type PooledWindow } from '../features/windows.ts';
import type { AudioFrame } from './frames.ts';
import { AUDIO_FEATURE_SCHEMA, AUDIO_POOLED_FEATURES, VOICED_ONLY_FEATURES } from './schema.ts';

export function createAudioWindowPooler(): WindowPooler {
  return new WindowPooler(AUDIO_POOLED_FEATURES.length, {
    frameRate: 1 / AUDIO_FEATURE_SCHEMA.frameStepSeconds,
    windowSeconds: AUDIO_FEATURE_SCHEMA.windowSeconds,
    hopSeconds: AUDIO_FEATURE_SCHEMA.hopSeconds,
    conditionalColumns: AUDIO_POOLED_FEATURES.flatMap((f, i) => (VOICED_ONLY_FEATURES.includes(f) ? [i] : [])),
    appendConditionFraction: true,
    // Tapered like the video windows, so take-to-take window phase barely moves the values.
    taper: 'hann',
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
