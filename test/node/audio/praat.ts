/** Runs Praat on a file and parses test/node/audio/praat-reference.praat's output. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeWavFrames, parseWavHeader } from '../../../packages/sdk/src/audio/wav.ts';

export interface PraatReference {
  /** Praat's pitch frames, with its Burg formants (5 up to 5500 Hz) at the same times. */
  readonly frames: {
    readonly time: number;
    readonly f0: number;
    readonly formants: readonly [number, number, number];
  }[];
  readonly meanF0: number;
  readonly jitterLocal: number;
  readonly shimmerLocaldB: number;
  readonly HNRdB: number;
  /** Praat's `To Harmonicity (cc)` frames: dB, or -200 where Praat calls the frame silent. */
  readonly harmonicity: { readonly time: number; readonly db: number }[];
}

const SCRIPT = fileURLToPath(new URL('./praat-reference.praat', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/audio/', import.meta.url));

export function praatAvailable(): boolean {
  try {
    execFileSync('praat', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

export function fixturesAvailable(): boolean {
  return existsSync(FIXTURES);
}

export function runPraat(path: string): PraatReference {
  const out = execFileSync('praat', ['--run', SCRIPT, path], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const frames: { time: number; f0: number; formants: [number, number, number] }[] = [];
  const harmonicity: { time: number; db: number }[] = [];
  const values = new Map<string, number>();
  for (const line of out.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts[0] === 'frame')
      frames.push({
        time: Number(parts[1]),
        f0: Number(parts[2]),
        formants: [Number(parts[3] ?? 0), Number(parts[4] ?? 0), Number(parts[5] ?? 0)],
      });
    else if (parts[0] === 'harm') harmonicity.push({ time: Number(parts[1]), db: Number(parts[2]) });
    else if (parts.length === 2) values.set(parts[0]!, Number(parts[1]));
  }
  const get = (k: string): number => {
    const v = values.get(k);
    return v === undefined || !Number.isFinite(v) ? 0 : v;
  };
  return {
    frames,
    meanF0: get('meanF0'),
    jitterLocal: get('jitterLocal'),
    shimmerLocaldB: get('shimmerLocaldB'),
    HNRdB: get('HNRdB'),
    harmonicity,
  };
}

/** Mono float PCM of a WAVE file (test helper: whole file in memory). */
export function readWav(path: string): { pcm: Float32Array; sampleRate: number } {
  const bytes = new Uint8Array(readFileSync(path));
  const fmt = parseWavHeader(bytes);
  const end = fmt.dataLength === undefined ? bytes.length : Math.min(bytes.length, fmt.dataOffset + fmt.dataLength);
  return { pcm: decodeWavFrames(bytes.subarray(fmt.dataOffset, end), fmt), sampleRate: fmt.sampleRate };
}

export interface PitchAgreement {
  /** Frames both call voiced whose F0 differs by less than 1 semitone, over frames both call voiced. */
  readonly withinSemitone: number;
  /** Frames with the same voiced/unvoiced decision. */
  readonly vuvAgreement: number;
  readonly bothVoiced: number;
  readonly compared: number;
}

/** Compares our 10 ms track (frame k at k·10 ms) with Praat's frames, at Praat's frame times. */
export function comparePitch(ours: readonly { time: number; F0_Hz: number }[], praat: PraatReference): PitchAgreement {
  let both = 0;
  let close = 0;
  let same = 0;
  let compared = 0;
  for (const p of praat.frames) {
    const o = ours[Math.round(p.time / 0.01)];
    if (o === undefined) continue;
    compared++;
    const ov = o.F0_Hz > 0;
    const pv = p.f0 > 0;
    if (ov === pv) same++;
    if (ov && pv) {
      both++;
      if (Math.abs(12 * Math.log2(o.F0_Hz / p.f0)) < 1) close++;
    }
  }
  return {
    withinSemitone: both > 0 ? close / both : 0,
    vuvAgreement: compared > 0 ? same / compared : 0,
    bothVoiced: both,
    compared,
  };
}

export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Median |ours / Praat − 1| of F1..F3 over frames both call voiced and both found the formant. */
export function compareFormants(
  ours: readonly { time: number; F0_Hz: number; F1_Hz: number; F2_Hz: number; F3_Hz: number }[],
  praat: PraatReference,
): [number, number, number] {
  const errs: number[][] = [[], [], []];
  for (const p of praat.frames) {
    const o = ours[Math.round(p.time / 0.01)];
    if (o === undefined || !(o.F0_Hz > 0 && p.f0 > 0)) continue;
    const mine = [o.F1_Hz, o.F2_Hz, o.F3_Hz];
    for (let k = 0; k < 3; k++)
      if (mine[k]! > 0 && p.formants[k]! > 0) errs[k]!.push(Math.abs(mine[k]! / p.formants[k]! - 1));
  }
  const median = (v: number[]): number => (v.length === 0 ? 1 : v.sort((a, b) => a - b)[Math.floor(v.length / 2)]!);
  return [median(errs[0]!), median(errs[1]!), median(errs[2]!)];
}
