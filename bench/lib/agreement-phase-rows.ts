/**
 * Live-vs-file audio rows over window phases, in Node (used by agreement-phases.ts and by
 * test/node/audio/phase-agreement.test.ts). A take is what the bench's fake mic plays: the clip
 * decoded by ffmpeg to 44.1 kHz 16-bit (the bench's mic wav, mixed to mono as the capture worklet
 * does), looped from start s and analysed as a live stream (running peak, 128-sample blocks). The
 * file is the clip's sound at its own rate with the global peak, as `addAnswerFile` analyses it.
 * Rows are compared as the browser bench does: file windows linearly interpolated at clip time
 * (s + hop·w) mod T, windows straddling the loop seam left out, Pearson r per feature.
 */
import { execFileSync } from 'node:child_process';
import { AudioFeatureExtractor } from '@hirenet/sdk/internal/audio/frames';
import { poolAudioFrames } from '@hirenet/sdk/internal/audio/pooling';
import { AUDIO_FEATURE_SCHEMA } from '@hirenet/sdk/internal/audio/schema';
import { ffmpeg } from '../../test/browser/harness/tools.ts';
import { median, pearson } from '../../test/browser/agreement-stats.ts';

export const MIC_RATE = 44_100;
const HOP = AUDIO_FEATURE_SCHEMA.hopSeconds;

/** Mono PCM of a media file's sound at `rate` (as 16-bit, like the mic wav, when `s16`). */
export function decodeSound(file: string, rate: number, s16 = false): Float32Array {
  const fmt = s16 ? ['-f', 's16le'] : ['-f', 'f32le'];
  const args = ['-v', 'error', '-i', file, '-vn', '-ac', '1', '-ar', String(rate), ...fmt, '-'];
  const buf = execFileSync(ffmpeg(), args, { maxBuffer: 1 << 28 });
  if (!s16) return new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4).slice();
  const ints = new Int16Array(buf.buffer, buf.byteOffset, buf.byteLength / 2);
  return Float32Array.from(ints, (v) => v / 32768);
}

/** The sound's own sample rate (ffprobe). */
export function soundRate(file: string): number {
  const probe = ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=sample_rate', '-of', 'csv=p=0'];
  return Number(execFileSync('ffprobe', [...probe, file], { encoding: 'utf8' }).trim());
}

/** Window rows of a whole signal, as a file (global peak) or a live stream (running peak, 128-sample blocks). */
export function windowRows(pcm: Float32Array, rate: number, live: boolean): number[][] {
  let peak = 0;
  for (const v of pcm) peak = Math.max(peak, Math.abs(v));
  const ex = new AudioFeatureExtractor({ sampleRate: rate, globalPeak: live ? undefined : peak });
  const frames = [];
  const block = live ? 128 : pcm.length;
  for (let i = 0; i < pcm.length; i += block) frames.push(...ex.push(pcm.subarray(i, i + block)));
  frames.push(...ex.flush());
  return poolAudioFrames(frames).map((w) => [...(w.values ?? [])]);
}

/** The signal looped from `start` seconds, as long as itself (a take that starts mid-loop). */
export function loopFrom(pcm: Float32Array, rate: number, start: number): Float32Array {
  const out = new Float32Array(pcm.length);
  const o = Math.round(start * rate);
  for (let i = 0; i < out.length; i++) out[i] = pcm[(o + i) % pcm.length]!;
  return out;
}

function catmullRom(p0: number, p1: number, p2: number, p3: number, t: number): number {
  const t2 = t * t;
  const t3 = t2 * t;
  return 0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 + (3 * p1 - p0 - 3 * p2 + p3) * t3);
}

/** Per-feature r of a take's windows against the file's at clip time (s + hop·w) mod T. */
export function compareRows(take: number[][], file: number[][], s: number, T: number, cubic = false): number[] {
  const width = file[0]?.length ?? 0;
  const x: number[][] = Array.from({ length: width }, () => []);
  const y: number[][] = Array.from({ length: width }, () => []);
  take.forEach((row, w) => {
    const t0 = s + HOP * w;
    if (Math.floor(t0 / T) !== Math.floor((t0 + 2 * HOP) / T)) return;
    const p = (t0 % T) / HOP;
    const i = Math.floor(p);
    const fr = p - i;
    const a = file[i];
    const b = file[i + 1];
    if (a === undefined || (fr > 1e-9 && b === undefined)) return;
    const a0 = file[i - 1] ?? a;
    const b1 = file[i + 2] ?? b ?? a;
    for (let f = 0; f < width; f++) {
      x[f]!.push(row[f]!);
      if (cubic && fr > 1e-9) y[f]!.push(catmullRom(a0[f]!, a[f]!, b![f]!, b1[f]!, fr));
      else y[f]!.push(fr > 1e-9 ? a[f]! * (1 - fr) + b![f]! * fr : a[f]!);
    }
  });
  return x.map((xs, f) => pearson(xs, y[f]!));
}

/** Median of the finite values (features constant in a take or the file have no r). */
export const medianFinite = (r: readonly number[]): number => median(r.filter(Number.isFinite));

/** One clip's sound as the file and as the mic plays it; `take(s)` gives a take's per-feature r. */
export function clipAgreement(file: string, cubic = false): { take: (start: number) => number[] } {
  const rate = soundRate(file);
  const fileRows = windowRows(decodeSound(file, rate), rate, false);
  const mic = decodeSound(file, MIC_RATE, true);
  const T = mic.length / MIC_RATE;
  return {
    take: (start) => compareRows(windowRows(loopFrom(mic, MIC_RATE, start), MIC_RATE, true), fileRows, start, T, cubic),
  };
}
