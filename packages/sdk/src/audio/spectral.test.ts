import Meyda from 'meyda';
import { describe, expect, it } from 'vitest';
import { createMeydaInstance } from './meyda-instance.ts';
import { SpectralAnalyzer } from './spectral.ts';
import { sine, whiteNoise } from './testing/synth.ts';

describe('spectral descriptors', () => {
  it('MFCC 1–4 equal Meyda’s own mfcc extractor on the same spectrum', () => {
    const x = whiteNoise(400, 0.2, 11);
    const dc = x.reduce((a, b) => a + b, 0) / x.length; // the analyser removes the frame's DC first
    const sa = new SpectralAnalyzer(16000);
    const ours = sa.analyze(x).mfcc;
    // Independent path: Meyda's extractor on an amplitude spectrum of the same Hann-windowed frame.
    const inst = createMeydaInstance(16000, 512);
    const amp = new Float32Array(256);
    for (let k = 0; k < 256; k++) {
      let re = 0;
      let im = 0;
      for (let t = 0; t < 400; t++) {
        const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * (t + 0.5)) / 400);
        re += (x[t]! - dc) * w * Math.cos((2 * Math.PI * k * t) / 512);
        im -= (x[t]! - dc) * w * Math.sin((2 * Math.PI * k * t) / 512);
      }
      amp[k] = Math.hypot(re, im);
    }
    const ref = inst.extractors.mfcc!({
      ampSpectrum: amp,
      melFilterBank: inst.melFilterBank,
      numberOfMFCCCoefficients: 13,
      bufferSize: 512,
    }) as number[];
    for (let c = 0; c < 4; c++) expect(ours[c]).toBeCloseTo(ref[c + 1]!, 3);
  });

  it('does not touch Meyda’s global configuration', () => {
    const before = { sr: Meyda.sampleRate, bs: Meyda.bufferSize };
    new SpectralAnalyzer(16000);
    createMeydaInstance(8000, 256);
    expect({ sr: Meyda.sampleRate, bs: Meyda.bufferSize }).toEqual(before);
  });

  it('alpha ratio and Hammarberg index are positive for a low tone, negative for a high one', () => {
    const low = new SpectralAnalyzer(16000).analyze(sine(400, 300, 16000));
    const high = new SpectralAnalyzer(16000).analyze(sine(400, 3000, 16000));
    expect(low.alphaRatio).toBeGreaterThan(20);
    expect(high.alphaRatio).toBeLessThan(-20);
    expect(low.hammarbergIndex).toBeGreaterThan(20);
    expect(high.hammarbergIndex).toBeLessThan(-20);
  });

  it('flux is 0 for a repeated frame and positive when the spectrum changes', () => {
    const sa = new SpectralAnalyzer(16000);
    const a = sine(400, 500, 16000);
    sa.analyze(a);
    expect(sa.analyze(a).flux).toBeCloseTo(0, 12);
    expect(sa.analyze(sine(400, 2500, 16000)).flux).toBeGreaterThan(0.001);
  });

  it('is finite on silence (Meyda’s shape features are NaN there)', () => {
    const f = new SpectralAnalyzer(16000).analyze(new Float32Array(400));
    for (const v of [
      f.loudness,
      f.intensityDb,
      f.alphaRatio,
      f.hammarbergIndex,
      f.slope0to500,
      f.slope500to1500,
      f.flux,
      ...f.mfcc,
    ]) {
      expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('louder input has higher loudness and intensity (+20 dB for ×10)', () => {
    const sa = new SpectralAnalyzer(16000);
    const a = sa.analyze(sine(400, 1000, 16000, 0.05));
    const b = sa.analyze(sine(400, 1000, 16000, 0.5));
    expect(b.loudness).toBeGreaterThan(a.loudness);
    expect(b.intensityDb - a.intensityDb).toBeCloseTo(20, 3);
  });
});
