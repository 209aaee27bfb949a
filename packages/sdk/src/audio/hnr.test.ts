import { describe, expect, it } from 'vitest';
import { AudioInputError } from './errors.ts';
import { HarmonicityAnalyzer, HNR_MAX_DB, HNR_MIN_DB, hnrDb } from './hnr.ts';
import { gaussian, rng } from './testing/synth.ts';

const FS = 16000;

/** Frame buffer for `analyze`, centred on sample `centre` of `signal`. */
function frameOf(h: HarmonicityAnalyzer, signal: Float32Array, centre: number): Float32Array {
  return signal.subarray(centre - h.before, centre - h.before + h.length);
}

/** A harmonic complex (five partials, falling 6 dB each) plus white noise at a set SNR. */
function voiceWithNoise(f0: number, snrDb: number, seed: number): Float32Array {
  const n = FS;
  const out = new Float32Array(n);
  let power = 0;
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let k = 1; k <= 5; k++) v += 0.5 ** (k - 1) * Math.sin((2 * Math.PI * k * f0 * i) / FS + k);
    out[i] = v;
    power += v * v;
  }
  const level = Math.sqrt(power / n / 10 ** (snrDb / 10));
  const g = gaussian(rng(seed));
  for (let i = 0; i < n; i++) out[i] = out[i]! * 0.3 + 0.3 * level * g();
  return out;
}

describe('HNR from a correlation peak', () => {
  it('is 0 dB at r = 0.5 and 10·log10(9) at r = 0.9', () => {
    expect(hnrDb(0.5)).toBeCloseTo(0, 10);
    expect(hnrDb(0.9)).toBeCloseTo(10 * Math.log10(9), 10);
  });

  it('stays finite at the extremes', () => {
    expect(hnrDb(1)).toBe(HNR_MAX_DB);
    expect(hnrDb(0)).toBe(HNR_MIN_DB);
    expect(hnrDb(Number.NaN)).toBe(HNR_MIN_DB);
  });
});

describe('HarmonicityAnalyzer (cross-correlation over one period of the floor, as Praat)', () => {
  const h = new HarmonicityAnalyzer({ sampleRate: FS });

  it('recovers the SNR of a periodic signal in white noise within 1.5 dB (median over frames)', () => {
    for (const [f0, snr] of [
      [120, 0],
      [180, 10],
      [230, 20],
    ] as const) {
      const x = voiceWithNoise(f0, snr, f0);
      let peak = 0;
      for (const v of x) peak = Math.max(peak, Math.abs(v));
      const values: number[] = [];
      for (let c = 2000; c < FS - 2000; c += 160) {
        const f = h.analyze(frameOf(h, x, c), peak);
        expect(f.sounding).toBe(true);
        values.push(hnrDb(f.r));
      }
      values.sort((a, b) => a - b);
      expect(Math.abs(values[values.length >> 1]! - snr), `f0 ${f0} Hz, SNR ${snr} dB`).toBeLessThan(1.5);
    }
  });

  it('finds the peak between lags: a 150 Hz tone (106.7-sample period) reads above 30 dB', () => {
    const x = Float32Array.from({ length: 4000 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 150 * i) / FS));
    const f = h.analyze(frameOf(h, x, 2000), 0.5);
    expect(f.sounding).toBe(true);
    expect(hnrDb(f.r)).toBeGreaterThan(30);
  });

  it('calls silence and frames under a tenth of the peak silent, and only computes r for the latter on request', () => {
    expect(h.analyze(new Float32Array(h.length), 1)).toEqual({ r: 0, sounding: false, skipped: false });
    const quiet = Float32Array.from({ length: 4000 }, (_, i) => 0.04 * Math.sin((2 * Math.PI * 150 * i) / FS));
    expect(h.analyze(frameOf(h, quiet, 2000), 1)).toEqual({ r: 0, sounding: false, skipped: true });
    const forced = h.analyze(frameOf(h, quiet, 2000), 1, true);
    expect(forced.sounding).toBe(false);
    expect(forced.skipped).toBe(false);
    expect(forced.r).toBeGreaterThan(0.99);
  });

  it('gives white noise a low value', () => {
    const g = gaussian(rng(3));
    const x = Float32Array.from({ length: 4000 }, () => 0.2 * g());
    const f = h.analyze(frameOf(h, x, 2000), 0.5);
    expect(hnrDb(f.r)).toBeLessThan(-3);
  });

  it('rejects options that cannot make a window', () => {
    expect(() => new HarmonicityAnalyzer({ sampleRate: 0 })).toThrow(AudioInputError);
    expect(() => new HarmonicityAnalyzer({ sampleRate: FS, minPitch: -1 })).toThrow(AudioInputError);
    expect(() => new HarmonicityAnalyzer({ sampleRate: 100, minPitch: 75 })).toThrow(/too short/);
  });
});
