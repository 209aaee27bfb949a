/**
 * Test signals with known answers (test-only; not part of the public API).
 *
 * `synthVowel`: a source-filter vowel — band-limited glottal impulses at fractional positions
 * with Gaussian period jitter and amplitude shimmer, a −12 dB/octave glottal roll-off, optional
 * aspiration noise, then a cascade of two-pole formant resonators. Jitter σ is set from the
 * target local jitter J by E|ε_i − ε_(i−1)| = 2σ/√π, shimmer likewise in dB.
 */

import { gaussian, mulberry32 as rng } from '../../util/prng.ts';

/** Deterministic PRNG (mulberry32) so every test run sees the same "random" signal. */
export { gaussian, rng };

export interface VowelOptions {
  readonly sampleRate?: number;
  readonly seconds?: number;
  readonly f0?: number;
  /** Target local jitter as a fraction (0.01 = 1 %). */
  readonly jitter?: number;
  /** Target local shimmer in dB. */
  readonly shimmerDb?: number;
  /** Formant frequencies and bandwidths in Hz. */
  readonly formants?: readonly (readonly [number, number])[];
  /** Aspiration noise RMS relative to the pulse amplitude (0 = none). */
  readonly noise?: number;
  /** Peak level of the result. Default 0.5. */
  readonly peak?: number;
  readonly seed?: number;
}

export function synthVowel(options: VowelOptions = {}): Float32Array {
  const fs = options.sampleRate ?? 16000;
  const n = Math.round((options.seconds ?? 1) * fs);
  const f0 = options.f0 ?? 150;
  const formants = options.formants ?? [
    [700, 80],
    [1220, 90],
    [2600, 120],
  ];
  const rand = rng(options.seed ?? 1);
  const g = gaussian(rand);
  const sigmaT = ((options.jitter ?? 0) * Math.sqrt(Math.PI)) / 2;
  const sigmaA = ((options.shimmerDb ?? 0) / (20 / Math.LN10)) * (Math.sqrt(Math.PI) / 2);
  const src = new Float64Array(n);
  const half = 16;
  let t = 0.5 * (fs / f0);
  while (t < n - half) {
    const amp = Math.exp(sigmaA * g());
    const i0 = Math.floor(t);
    for (let k = -half; k <= half; k++) {
      const x = i0 + k - t;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x * 0.9) / (Math.PI * x * 0.9);
      const w = 0.5 + 0.5 * Math.cos((Math.PI * x) / (half + 1));
      if (i0 + k >= 0) src[i0 + k] = src[i0 + k]! + amp * sinc * w * 0.9;
    }
    t += (fs / f0) * (1 + sigmaT * g());
  }
  // Two one-pole low-passes: the glottal source's spectral roll-off.
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < n; i++) {
    y1 = src[i]! + 0.9 * y1;
    y2 = y1 + 0.9 * y2;
    src[i] = y2;
  }
  if ((options.noise ?? 0) > 0) {
    let rms = 0;
    for (let i = 0; i < n; i++) rms += src[i]! * src[i]!;
    rms = Math.sqrt(rms / n);
    for (let i = 0; i < n; i++) src[i] = src[i]! + (options.noise ?? 0) * rms * g();
  }
  let sig: Float64Array = src;
  for (const [f, bw] of formants) sig = resonate(sig, f, bw, fs);
  let peak = 0;
  for (const v of sig) peak = Math.max(peak, Math.abs(v));
  const out = new Float32Array(n);
  const scale = peak > 0 ? (options.peak ?? 0.5) / peak : 0;
  for (let i = 0; i < n; i++) out[i] = sig[i]! * scale;
  return out;
}

/** Two-pole resonator with unit gain at 0 Hz. */
function resonate(x: Float64Array, f: number, bw: number, fs: number): Float64Array {
  const r = Math.exp((-Math.PI * bw) / fs);
  const a1 = 2 * r * Math.cos((2 * Math.PI * f) / fs);
  const a2 = -r * r;
  const gain = 1 - a1 - a2;
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = gain * x[i]! + a1 * (y[i - 1] ?? 0) + a2 * (y[i - 2] ?? 0);
  return y;
}

export function whiteNoise(n: number, level = 0.3, seed = 7): Float32Array {
  const g = gaussian(rng(seed));
  return Float32Array.from({ length: n }, () => level * g());
}

export function sine(n: number, freq: number, fs: number, amp = 0.5): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => amp * Math.sin((2 * Math.PI * freq * i) / fs));
}

/** 16-bit PCM (or 32-bit float) RIFF/WAVE bytes, interleaving `channels` copies or given channels. */
export function encodeWav(
  channels: readonly Float32Array[],
  sampleRate: number,
  format: 'pcm16' | 'pcm8' | 'pcm24' | 'pcm32' | 'float32' = 'pcm16',
): Uint8Array {
  const bits = { pcm8: 8, pcm16: 16, pcm24: 24, pcm32: 32, float32: 32 }[format];
  const nch = channels.length;
  const frames = channels[0]?.length ?? 0;
  const block = (nch * bits) / 8;
  const buf = new Uint8Array(44 + frames * block);
  const v = new DataView(buf.buffer);
  const str = (o: number, s: string): void => {
    for (let i = 0; i < s.length; i++) buf[o + i] = s.charCodeAt(i);
  };
  str(0, 'RIFF');
  v.setUint32(4, 36 + frames * block, true);
  str(8, 'WAVE');
  str(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, format === 'float32' ? 3 : 1, true);
  v.setUint16(22, nch, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * block, true);
  v.setUint16(32, block, true);
  v.setUint16(34, bits, true);
  str(36, 'data');
  v.setUint32(40, frames * block, true);
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < nch; c++) {
      const s = Math.max(-1, Math.min(1, channels[c]![i]!));
      const o = 44 + i * block + (c * bits) / 8;
      if (format === 'float32') v.setFloat32(o, s, true);
      else if (format === 'pcm8') buf[o] = Math.round(s * 127) + 128;
      else if (format === 'pcm16') v.setInt16(o, Math.round(s * 32767), true);
      else if (format === 'pcm24') {
        const q = Math.round(s * 8388607);
        buf[o] = q & 255;
        buf[o + 1] = (q >> 8) & 255;
        buf[o + 2] = (q >> 16) & 255;
      } else v.setInt32(o, Math.round(s * 2147483647), true);
    }
  }
  return buf;
}
