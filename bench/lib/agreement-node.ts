/**
 * Live-vs-file audio agreement taken apart in Node, without a browser: which difference between a
 * live take and the uploaded file moves which window feature. The clip's sound is decoded with
 * ffmpeg and analysed as the file (global peak); each "take" is the same samples looped from a
 * start s and analysed from there, so only what the experiment changes differs. Rows are compared
 * the way the browser bench does (file windows linearly interpolated at clip time s + 0.25 w,
 * windows straddling the loop seam left out, per-feature Pearson r, median over features).
 *
 *   node --conditions=source --import tsx bench/lib/agreement-node.ts [clip …]
 *
 * Experiments: sub-frame (starts on the window grid plus < 10 ms: the frame grid cuts the
 * waveform elsewhere), phase (starts between window-grid points: interpolation between windows),
 * live (phase, plus the running peak and 128-sample blocks of a live stream), resampler (ours from
 * the clip's rate vs ffmpeg's soxr, same grid, no shift), fixed-vad (phase, with the speech
 * threshold fixed at the whole file's final value: what the running 99th percentile costs).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { AUDIO_FEATURE_SCHEMA } from '@hirenet/sdk/internal/audio/schema';
import { PauseDetector } from '@hirenet/sdk/internal/audio/vad';
import { ffmpeg } from '../../test/browser/harness/tools.ts';
import { windowRows } from './agreement-phase-rows.ts';
import { median, pearson } from '../../test/browser/agreement-stats.ts';

const VIDEO = new URL('../../../shared/fixtures/video/', import.meta.url).pathname;
const NAMES = AUDIO_FEATURE_SCHEMA.windowFeatures;
const SUBFRAME = [0.25 + 0.0037, 1.0 + 0.0081, 2.5 + 0.0013, 3.75 + 0.0055];
const PHASE = [0.25 + 0.0637, 1.0 + 0.1381, 2.5 + 0.1913, 3.75 + 0.0955];

function decode(file: string, rate: number, filter: string[] = []): Float32Array {
  const args = ['-v', 'error', '-i', file, '-vn', '-ac', '1', ...filter, '-ar', String(rate), '-f', 'f32le', '-'];
  const buf = execFileSync(ffmpeg(), args, { maxBuffer: 1 << 28 });
  return new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4).slice();
}

const rows = (pcm: Float32Array, rate: number, live = false): number[][] => windowRows(pcm, rate, live);

function loop(pcm: Float32Array, rate: number, start: number): Float32Array {
  const out = new Float32Array(pcm.length);
  const o = Math.round(start * rate);
  for (let i = 0; i < out.length; i++) out[i] = pcm[(o + i) % pcm.length]!;
  return out;
}

/** Per-feature r of a take's windows against the file's, interpolated at clip time (s + 0.25 w) mod T. */
function compare(take: number[][], file: number[][], s: number, T: number): number[] {
  const width = file[0]?.length ?? 0;
  const x: number[][] = Array.from({ length: width }, () => []);
  const y: number[][] = Array.from({ length: width }, () => []);
  take.forEach((row, w) => {
    const t0 = s + 0.25 * w;
    if (Math.floor(t0 / T) !== Math.floor((t0 + 0.5) / T)) return;
    const p = (t0 % T) / 0.25;
    const i = Math.floor(p);
    const fr = p - i;
    const a = file[i];
    const b = file[i + 1];
    if (a === undefined || (fr > 1e-9 && b === undefined)) return;
    for (let f = 0; f < width; f++) {
      x[f]!.push(row[f]!);
      y[f]!.push(fr > 1e-9 ? a[f]! * (1 - fr) + b![f]! * fr : a[f]!);
    }
  });
  return x.map((xs, f) => pearson(xs, y[f]!));
}

/** Median over takes of the per-take median r, and the per-feature medians (NaN-free). */
function summarise(rs: number[][]): { r: number; perFeature: number[] } {
  const perFeature = NAMES.map((_, f) => median(rs.map((r) => r[f]!).filter(Number.isFinite)));
  return { r: median(rs.map((r) => median(r.filter(Number.isFinite)))), perFeature };
}

function report(clip: string, label: string, rs: number[][], watch: readonly string[]): void {
  const { r, perFeature } = summarise(rs);
  const shown = watch.map((n) => `${n} ${perFeature[NAMES.indexOf(n)]!.toFixed(2)}`).join(', ');
  console.log(`${clip.padEnd(11)} ${label.padEnd(10)} r ${r.toFixed(3)} | ${shown}`);
}

const WATCH = ['F1_Hz_mean', 'F2_Hz_mean', 'F3_Hz_mean', 'jitterLocal_mean', 'jitterLocal_std', 'speech_std'];

for (const clip of process.argv.length > 2 ? process.argv.slice(2) : ['talk_f1', 'vrt_face_1', 'vrt_face_4']) {
  const src = join(VIDEO, `${clip}.mp4`);
  const probe = ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=sample_rate', '-of', 'csv=p=0'];
  const rate = Number(execFileSync('ffprobe', [...probe, src], { encoding: 'utf8' }).trim());
  const pcm = decode(src, rate);
  const T = pcm.length / rate;
  const file = rows(pcm, rate);
  const takes = (starts: number[], live = false) =>
    starts.map((s) => compare(rows(loop(pcm, rate, s), rate, live), file, s, T));
  report(clip, 'sub-frame', takes(SUBFRAME), WATCH);
  report(clip, 'phase', takes(PHASE), WATCH);
  report(clip, 'live', takes(PHASE, true), WATCH);
  const soxr = rows(decode(src, 16_000, ['-af', 'aresample=resampler=soxr:precision=28']), 16_000);
  const n = Math.min(soxr.length, file.length);
  const col = (m: number[][], f: number) => m.slice(0, n).map((r) => r[f]!);
  report(clip, 'resampler', [NAMES.map((_, f) => pearson(col(file, f), col(soxr, f)))], WATCH);
  // The whole file's final speech threshold, held fixed on both sides.
  let last: PauseDetector | null = null;
  const push = PauseDetector.prototype.push;
  PauseDetector.prototype.push = function (this: PauseDetector, db: number) {
    last = this;
    return push.call(this, db);
  };
  rows(pcm, rate);
  const fixed = (last as PauseDetector | null)?.threshold() ?? -60;
  const threshold = PauseDetector.prototype.threshold;
  PauseDetector.prototype.threshold = () => fixed;
  const fileFixed = rows(pcm, rate);
  report(
    clip,
    'fixed-vad',
    PHASE.map((s) => compare(rows(loop(pcm, rate, s), rate), fileFixed, s, T)),
    WATCH,
  );
  PauseDetector.prototype.push = push;
  PauseDetector.prototype.threshold = threshold;
}
