import { describe, expect, it } from 'vitest';
import { Resampler } from './resample.ts';
import { sine } from './testing/synth.ts';

function run(r: Resampler, x: Float32Array, chunk: number): Float32Array {
  const parts: Float32Array[] = [];
  for (let i = 0; i < x.length; i += chunk) parts.push(r.process(x.subarray(i, i + chunk)));
  parts.push(r.flush());
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function rms(x: Float32Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i]! * x[i]!;
  return Math.sqrt(s / (to - from));
}

describe('Resampler', () => {
  it('44.1 kHz → 16 kHz keeps a 1 kHz tone at the same level and length', () => {
    const x = sine(44100, 1000, 44100);
    const y = run(new Resampler(44100, 16000), x, 1000);
    expect(Math.abs(y.length - 16000)).toBeLessThanOrEqual(2);
    expect(rms(y, 1000, 15000)).toBeCloseTo(0.5 / Math.SQRT2, 2);
    // Zero-crossing count → frequency.
    let zc = 0;
    for (let i = 1001; i < 15000; i++) if (y[i - 1]! < 0 && y[i]! >= 0) zc++;
    expect(zc / (14000 / 16000)).toBeGreaterThan(990);
    expect(zc / (14000 / 16000)).toBeLessThan(1010);
  });

  it('removes content above the new Nyquist (a 12 kHz tone from 48 kHz)', () => {
    const y = run(new Resampler(48000, 16000), sine(48000, 12000, 48000), 4800);
    expect(rms(y, 1000, 15000)).toBeLessThan(0.01);
  });

  it('streams: chunk size does not change the output', () => {
    const x = sine(22050, 300, 22050);
    const a = run(new Resampler(22050, 16000), x, 100);
    const b = run(new Resampler(22050, 16000), x, 22050);
    expect(a.length).toBe(b.length);
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 6));
  });

  it('upsamples 8 kHz and passes 16 kHz through', () => {
    expect(Math.abs(run(new Resampler(8000, 16000), sine(8000, 200, 8000), 512).length - 16000)).toBeLessThanOrEqual(2);
    expect(new Resampler(16000, 16000).process(new Float32Array(5)).length).toBe(5);
  });
});
