/**
 * Live-vs-file audio agreement over many window phases, in Node: the browser bench's three takes
 * start wherever the fake mic happens to be, so one run samples three phases of the 0.25 s window
 * grid; this samples eight phases (0, 1/8, …, 7/8 of a hop) at three loop offsets per clip.
 *
 * Each take is what the fake mic plays: the clip decoded by ffmpeg to 44.1 kHz 16-bit (the bench's
 * mic wav, mixed to mono as the capture worklet does), looped from start s and analysed as a live
 * stream (running peak, 128-sample blocks). The file is the mp4's sound at its own rate with the
 * global peak, as `addAnswerFile` analyses it. Rows are compared as agreement-node.ts does (file
 * windows interpolated at clip time, seam windows left out, per-feature r, median over features).
 *
 *   node --conditions=source --import tsx bench/lib/agreement-phases.ts [--features] [--phase=F] [--cubic] [clip …]
 *
 * --features lists each clip's 12 worst features (median r over its takes); --phase=F measures
 * only phase F (fraction of a hop); --cubic interpolates the file's windows with Catmull-Rom
 * instead of linearly (the browser bench interpolates linearly; cubic barely helps: the loss
 * between grid points is aliasing of window values sampled every hop, not the interpolant).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { AudioFeatureExtractor } from '@hirenet/sdk/internal/audio/frames';
import { poolAudioFrames } from '@hirenet/sdk/internal/audio/pooling';
import { AUDIO_FEATURE_SCHEMA } from '@hirenet/sdk/internal/audio/schema';
import { ffmpeg } from '../../test/browser/harness/tools.ts';
import { median, pearson } from '../../test/browser/agreement-stats.ts';

const VIDEO = new URL('../../../shared/fixtures/video/', import.meta.url).pathname;
const NAMES = AUDIO_FEATURE_SCHEMA.windowFeatures;
const HOP = AUDIO_FEATURE_SCHEMA.hopSeconds;
const only = process.argv.find((a) => a.startsWith('--phase='));
const PHASES = only !== undefined ? [Number(only.slice(8))] : [0, 1, 2, 3, 4, 5, 6, 7].map((j) => j / 8);
const OFFSETS = [0.5, 1.75, 3.0];

function decode(file: string, rate: number, s16 = false): Float32Array {
  const fmt = s16 ? ['-f', 's16le'] : ['-f', 'f32le'];
  const args = ['-v', 'error', '-i', file, '-vn', '-ac', '1', '-ar', String(rate), ...fmt, '-'];
  const buf = execFileSync(ffmpeg(), args, { maxBuffer: 1 << 28 });
  if (!s16) return new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4).slice();
  const ints = new Int16Array(buf.buffer, buf.byteOffset, buf.byteLength / 2);
  return Float32Array.from(ints, (v) => v / 32768);
}

function rows(pcm: Float32Array, rate: number, live: boolean): number[][] {
  let peak = 0;
  for (const v of pcm) peak = Math.max(peak, Math.abs(v));
  const ex = new AudioFeatureExtractor({ sampleRate: rate, globalPeak: live ? undefined : peak });
  const frames = [];
  const block = live ? 128 : pcm.length;
  for (let i = 0; i < pcm.length; i += block) frames.push(...ex.push(pcm.subarray(i, i + block)));
  frames.push(...ex.flush());
  return poolAudioFrames(frames).map((w) => [...(w.values ?? [])]);
}

function loop(pcm: Float32Array, rate: number, start: number): Float32Array {
  const out = new Float32Array(pcm.length);
  const o = Math.round(start * rate);
  for (let i = 0; i < out.length; i++) out[i] = pcm[(o + i) % pcm.length]!;
  return out;
}

const CUBIC = process.argv.includes('--cubic');
function catmullRom(p0: number, p1: number, p2: number, p3: number, t: number): number {
  const t2 = t * t;
  const t3 = t2 * t;
  return 0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 + (3 * p1 - p0 - 3 * p2 + p3) * t3);
}

/** Per-feature r of a take's windows against the file's, interpolated at clip time (s + hop·w) mod T. */
function compare(take: number[][], file: number[][], s: number, T: number): number[] {
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
      if (CUBIC && fr > 1e-9) y[f]!.push(catmullRom(a0[f]!, a[f]!, b![f]!, b1[f]!, fr));
      else y[f]!.push(fr > 1e-9 ? a[f]! * (1 - fr) + b![f]! * fr : a[f]!);
    }
  });
  return x.map((xs, f) => pearson(xs, y[f]!));
}

const medianOf = (r: number[]): number => median(r.filter(Number.isFinite));
const showFeatures = process.argv.includes('--features');
const clips = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const header = PHASES.map((p) => p.toFixed(3).padStart(6)).join(' ');
console.log(`${'clip'.padEnd(11)} phase→ ${header} | median  min`);
const all: number[] = [];
for (const clip of clips.length > 0 ? clips : ['talk_f1', 'vrt_face_1', 'vrt_face_4']) {
  const src = join(VIDEO, `${clip}.mp4`);
  const probe = ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=sample_rate', '-of', 'csv=p=0'];
  const rate = Number(execFileSync('ffprobe', [...probe, src], { encoding: 'utf8' }).trim());
  const filePcm = decode(src, rate);
  const mic = decode(src, 44_100, true);
  const T = mic.length / 44_100;
  const file = rows(filePcm, rate, false);
  const perPhase: number[] = [];
  const takes: number[][] = [];
  for (const phase of PHASES) {
    const rs = OFFSETS.map((o) => {
      const s = o + phase * HOP;
      const r = compare(rows(loop(mic, 44_100, s), 44_100, true), file, s, T);
      takes.push(r);
      return medianOf(r);
    });
    perPhase.push(median(rs));
  }
  const perTake = takes.map(medianOf);
  all.push(...perTake);
  const cells = perPhase.map((r) => r.toFixed(3).padStart(6)).join(' ');
  console.log(`${clip.padEnd(11)}        ${cells} | ${median(perTake).toFixed(3)} ${Math.min(...perTake).toFixed(3)}`);
  if (showFeatures) {
    const perFeature = NAMES.map((n, f) => ({ n, r: median(takes.map((r) => r[f]!).filter(Number.isFinite)) }));
    const worst = perFeature.filter((x) => Number.isFinite(x.r)).sort((a, b) => a.r - b.r);
    const shown = worst.slice(0, 12).map((x) => `${x.n} ${x.r.toFixed(2)}`);
    console.log(`  worst: ${shown.join(', ')}`);
  }
}
console.log(`all takes: median ${median(all).toFixed(3)}`);
