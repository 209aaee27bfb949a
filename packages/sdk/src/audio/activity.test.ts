import { describe, expect, it } from 'vitest';
import { FilledPauseDetector } from './disfluency.ts';
import { StreamingQuantile } from './quantile.ts';
import { SyllableNucleusCounter } from './syllable-nuclei.ts';
import { PauseDetector } from './vad.ts';

/** A 10 ms intensity contour: `n` syllable-like bumps (raised cosines) separated by dips. */
function bumps(n: number, peakDb = -20, dipDb = -32, framesPer = 20): number[] {
  const out: number[] = [];
  for (let s = 0; s < n; s++) {
    for (let i = 0; i < framesPer; i++)
      out.push(dipDb + (peakDb - dipDb) * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / framesPer)));
  }
  return out;
}

describe('speaking activity', () => {
  it('streaming quantile: median and 99th percentile of a uniform ramp', () => {
    const q = new StreamingQuantile(0, 100, 1000);
    for (let i = 0; i < 1000; i++) q.add(i / 10);
    expect(q.quantile(0.5)).toBeCloseTo(50, 0);
    expect(q.quantile(0.99)).toBeCloseTo(99, 0);
    expect(new StreamingQuantile(0, 1).quantile(0.5, -1)).toBe(-1);
  });

  it('pauses: counts silences ≥ 0.3 s between speech, not leading/trailing ones or short gaps', () => {
    const p = new PauseDetector();
    const seq = [
      ...Array(50).fill(-90),
      ...Array(40).fill(-20),
      ...Array(50).fill(-90),
      ...Array(40).fill(-20),
      ...Array(10).fill(-90),
      ...Array(40).fill(-20),
      ...Array(80).fill(-90),
    ];
    for (const db of seq) p.push(db);
    const s = p.stats();
    expect(s.count).toBe(1);
    expect(s.totalSeconds).toBeCloseTo(0.5, 6);
    expect(s.speechSeconds).toBeCloseTo(1.2, 6);
  });

  it('syllable nuclei: one per voiced intensity bump; unvoiced bumps and small ripples do not count', () => {
    const c = new SyllableNucleusCounter();
    for (const db of bumps(6)) c.push(db, true, -40);
    expect(c.finish()).toBe(6);
    const unvoiced = new SyllableNucleusCounter();
    for (const db of bumps(6)) unvoiced.push(db, false, -40);
    expect(unvoiced.finish()).toBe(0);
    const ripple = new SyllableNucleusCounter();
    for (const db of bumps(6, -20, -21)) ripple.push(db, true, -40);
    expect(ripple.finish()).toBeLessThanOrEqual(1);
  });

  it('filled pause: a steady, low, spectrally still stretch ≥ 0.3 s counts once; varying speech does not', () => {
    const d = new FilledPauseDetector();
    // 1 s of lively speech: F0 swinging ±3 semitones, high flux.
    for (let i = 0; i < 100; i++) d.push(40 + 3 * Math.sin(i / 3), 0.02 + 0.01 * Math.sin(i));
    expect(d.count).toBe(0);
    // 0.5 s "uh": flat, slightly low F0, low flux.
    let flagged = 0;
    for (let i = 0; i < 50; i++) flagged += d.push(38.5, 0.001) ? 1 : 0;
    expect(d.count).toBe(1);
    expect(flagged).toBeGreaterThan(15);
    expect(d.push(0, 0)).toBe(false);
  });
});
