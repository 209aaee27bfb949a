import { describe, expect, it } from 'vitest';
import { AudioFeatureExtractor, extractAudioFeatures, type AudioFrame } from './frames.ts';
import { AudioInputError } from './errors.ts';
import { AUDIO_FRAME_FEATURES } from './schema.ts';
import { sine, synthVowel, whiteNoise } from './testing/synth.ts';

function allFinite(frames: readonly AudioFrame[]): boolean {
  return frames.every((f) => AUDIO_FRAME_FEATURES.every((k) => Number.isFinite(f[k])));
}

describe('AudioFeatureExtractor', () => {
  it('emits one frame per 10 ms with every schema column, all finite', () => {
    const { frames, summary } = extractAudioFeatures(synthVowel({ seconds: 1, jitter: 0.01, shimmerDb: 0.3 }), 16000);
    expect(frames.length).toBe(100);
    expect(frames[37]!.time).toBeCloseTo(0.37, 10);
    expect(Object.keys(frames[0]!).sort()).toEqual([...AUDIO_FRAME_FEATURES].sort());
    expect(allFinite(frames)).toBe(true);
    expect(summary.meanF0Hz).toBeGreaterThan(148);
    expect(summary.meanF0Hz).toBeLessThan(152);
    expect(summary.jitterLocal).toBeGreaterThan(0.006);
    expect(summary.jitterLocal).toBeLessThan(0.015);
    expect(summary.voicedFraction).toBeGreaterThan(0.9);
  });

  it('gives the same frames whatever the input rate and chunking (48 kHz in 128-sample blocks)', () => {
    const x48 = synthVowel({ seconds: 0.8, sampleRate: 48000 });
    const ex = new AudioFeatureExtractor({ sampleRate: 48000, globalPeak: 0.5 });
    const chunked: AudioFrame[] = [];
    for (let i = 0; i < x48.length; i += 128) chunked.push(...ex.push(x48.subarray(i, i + 128)));
    chunked.push(...ex.flush());
    const whole = extractAudioFeatures(x48, 48000).frames;
    expect(chunked.length).toBe(whole.length);
    chunked.forEach((f, i) => expect(f.F0_Hz).toBeCloseTo(whole[i]!.F0_Hz, 6));
    const voiced = whole.filter((f) => f.F0_Hz > 0);
    expect(voiced.every((f) => Math.abs(f.F0_Hz / 150 - 1) < 0.02)).toBe(true);
  });

  it('silence → unvoiced frames, zero voice measures, no NaN', () => {
    const { frames, summary } = extractAudioFeatures(new Float32Array(16000), 16000);
    expect(frames.length).toBe(100);
    expect(frames.every((f) => f.F0_Hz === 0 && f.speech === 0)).toBe(true);
    expect(allFinite(frames)).toBe(true);
    expect(Object.values(summary).every(Number.isFinite)).toBe(true);
    expect(summary.voicedFraction).toBe(0);
  });

  it('a DC offset does not make silence look like speech', () => {
    const x = new Float32Array(16000).fill(0.3);
    x.set(
      synthVowel({ seconds: 0.3 }).map((v) => v + 0.3),
      4000,
    );
    const { frames } = extractAudioFeatures(x, 16000);
    // Vowel from 0.25 s to 0.55 s on a constant 0.3 offset.
    // (Frames 0–1 see the step from the implicit zeros before t = 0.)
    expect(frames.slice(3, 22).every((f) => f.speech === 0)).toBe(true);
    expect(frames.slice(28, 53).every((f) => f.speech === 1)).toBe(true);
  });

  it('clipped input (a square-ish, saturated vowel) stays finite and voiced', () => {
    const x = synthVowel({ seconds: 0.5, peak: 1 }).map((v) => Math.max(-0.2, Math.min(0.2, v * 4)));
    const { frames, summary } = extractAudioFeatures(x, 16000);
    expect(allFinite(frames)).toBe(true);
    expect(summary.voicedFraction).toBeGreaterThan(0.8);
  });

  it('a 50 ms input gives 5 frames; an empty input gives none; NaN samples are neutralised', () => {
    expect(extractAudioFeatures(sine(800, 200, 16000), 16000).frames.length).toBe(5);
    const empty = extractAudioFeatures(new Float32Array(0), 16000);
    expect(empty.frames.length).toBe(0);
    expect(Object.values(empty.summary).every(Number.isFinite)).toBe(true);
    const bad = whiteNoise(1600);
    bad[100] = Number.NaN;
    bad[200] = Number.POSITIVE_INFINITY;
    expect(allFinite(extractAudioFeatures(bad, 16000).frames)).toBe(true);
  });

  it('rejects absurd sample rates with a typed error', () => {
    expect(() => new AudioFeatureExtractor({ sampleRate: 0 })).toThrow(AudioInputError);
    expect(() => new AudioFeatureExtractor({ sampleRate: Number.NaN })).toThrow(
      expect.objectContaining({ code: 'invalid-options' }),
    );
  });

  it('keeps memory bounded: 2 minutes streamed leave no growing state', () => {
    const ex = new AudioFeatureExtractor({ sampleRate: 8000 });
    const block = synthVowel({ seconds: 1, sampleRate: 8000 });
    let frames = 0;
    for (let s = 0; s < 120; s++) frames += ex.push(block).length;
    frames += ex.flush().length;
    expect(frames).toBe(12000);
    expect(ex.summary().durationSeconds).toBeCloseTo(120, 6);
    // The pending-spectra map holds only the pitch look-ahead.
    expect((ex as unknown as { pending: Map<number, unknown> }).pending.size).toBe(0);
  }, 120_000);
});
