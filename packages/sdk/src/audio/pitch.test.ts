import { describe, expect, it } from 'vitest';
import { PitchAnalyzer } from './pitch.ts';
import { PitchPath } from './pitch-path.ts';
import { synthVowel, whiteNoise } from './testing/synth.ts';

/** Whole-signal track at 10 ms steps through the analyser and path (no other descriptors). */
function track(x: Float32Array, fs = 16000): number[] {
  const pa = new PitchAnalyzer({ sampleRate: fs });
  const path = new PitchPath();
  let peak = 0;
  for (const v of x) peak = Math.max(peak, Math.abs(v));
  const out: number[] = [];
  const half = pa.windowLength / 2;
  for (let c = half; c + half <= x.length; c += fs / 100) {
    for (const d of path.push(pa.analyze(x.subarray(c - half, c + half), peak))) out.push(d.f0);
  }
  for (const d of path.flush()) out.push(d.f0);
  return out;
}

describe('pitch (autocorrelation + path)', () => {
  it('finds 150 Hz in a pulse train with 1 % jitter: every frame within 3 %, mean within 0.5 %', () => {
    const f0 = track(synthVowel({ f0: 150, jitter: 0.01, seconds: 1 }));
    expect(f0.length).toBeGreaterThan(90);
    // Each 40 ms window sees a few jittered periods, so single frames wander by about the jitter.
    for (const f of f0) expect(Math.abs(f / 150 - 1)).toBeLessThan(0.03);
    expect(Math.abs(f0.reduce((a, b) => a + b, 0) / f0.length / 150 - 1)).toBeLessThan(0.005);
  });

  it('tracks a low (90 Hz) and a high (400 Hz) voice', () => {
    for (const hz of [90, 400]) {
      const f0 = track(synthVowel({ f0: hz, seconds: 0.6 }));
      const ok = f0.filter((f) => Math.abs(12 * Math.log2(f / hz)) < 0.5).length;
      expect(ok / f0.length).toBeGreaterThan(0.95);
    }
  });

  it('calls white noise unvoiced almost everywhere', () => {
    const f0 = track(whiteNoise(16000));
    expect(f0.filter((f) => f > 0).length / f0.length).toBeLessThan(0.1);
  });

  it('calls digital silence unvoiced, with finite numbers', () => {
    const pa = new PitchAnalyzer({ sampleRate: 16000 });
    const r = pa.analyze(new Float32Array(pa.windowLength), 0);
    expect(r.candidates).toHaveLength(1);
    expect(r.candidates[0]!.frequency).toBe(0);
    expect(Number.isFinite(r.candidates[0]!.strength)).toBe(true);
    expect(track(new Float32Array(8000)).every((f) => f === 0)).toBe(true);
  });

  it('path prefers continuity over an isolated octave jump', () => {
    const frame = (f: number, alt: number, rAlt: number) => ({
      candidates: [
        { frequency: 0, strength: 0.45, r: 0 },
        { frequency: f, strength: 0.8, r: 0.8 },
        { frequency: alt, strength: rAlt, r: rAlt },
      ],
      localPeak: 1,
      maxR: 0.9,
      meanSquare: 0.1,
    });
    const path = new PitchPath({ lag: 3 });
    const out = [
      frame(150, 300, 0.5),
      frame(150, 300, 0.5),
      frame(150, 300, 0.85),
      frame(150, 300, 0.5),
      frame(150, 300, 0.5),
    ].flatMap((f) => path.push(f));
    out.push(...path.flush());
    expect(out.map((d) => d.f0)).toEqual([150, 150, 150, 150, 150]);
  });
});
