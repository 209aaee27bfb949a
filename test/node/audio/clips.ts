/**
 * Clips for the Praat agreement test, made at test time in a temporary folder: the audio track of
 * the shared talking-head videos (ffmpeg), espeak-ng sentences in several voices, pitches and
 * rates (a variant only works on a full voice name: 'en-gb+f2' is silently the plain en-gb voice,
 * hence 'en-gb-x-rp+f2'), and those sentences with white noise at set signal-to-noise ratios.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeWav, gaussian, rng } from '../../../packages/sdk/src/audio/testing/synth.ts';
import { readWav } from './praat.ts';
import { ffmpeg } from '../../browser/harness/tools.ts';

export const VIDEO_FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/video/', import.meta.url));

export function toolAvailable(command: string, versionFlag = '--version'): boolean {
  return spawnSync(command, [versionFlag], { stdio: 'ignore' }).status === 0;
}

/** Mono WAVE at the video's own rate for every shared .mp4, written into `dir`. */
export function videoSoundtracks(dir: string): string[] {
  if (!existsSync(VIDEO_FIXTURES)) return [];
  return readdirSync(VIDEO_FIXTURES)
    .filter((n) => n.endsWith('.mp4'))
    .sort()
    .map((n) => {
      const out = join(dir, `${basename(n, '.mp4')}.wav`);
      execFileSync(ffmpeg(), ['-loglevel', 'error', '-y', '-i', join(VIDEO_FIXTURES, n), '-vn', '-ac', '1', out]);
      return out;
    });
}

export interface EspeakVoice {
  readonly voice: string;
  /** espeak-ng -p (0–99, 50 is the voice's own pitch). */
  readonly pitch: number;
  /** espeak-ng -s, words per minute. */
  readonly speed: number;
}

export const ESPEAK_VOICES: readonly EspeakVoice[] = [
  { voice: 'en-us', pitch: 50, speed: 150 },
  { voice: 'en-gb-x-rp+f2', pitch: 70, speed: 170 },
  { voice: 'en+m3', pitch: 30, speed: 130 },
  { voice: 'en-us+f3', pitch: 60, speed: 160 },
  { voice: 'en+f4', pitch: 85, speed: 180 },
  { voice: 'en-us+m7', pitch: 40, speed: 140 },
];

/** Signal-to-noise ratios of the noisy copies, dB (noise power against the mean power of the non-silent samples). */
export const NOISE_SNRS_DB: readonly number[] = [20, 10];

const SENTENCE = 'Tell me about a project you are proud of, and what you would do differently next time.';

export interface MadeClip {
  readonly name: string;
  readonly path: string;
}

/** Each voice clean (espeak-ng's 22.05 kHz output) and with white noise at each of NOISE_SNRS_DB. */
export function espeakClips(dir: string): MadeClip[] {
  const out: MadeClip[] = [];
  ESPEAK_VOICES.forEach((v, i) => {
    const name = `espeak ${v.voice} p${v.pitch} s${v.speed}`;
    const clean = join(dir, `espeak-${i}.wav`);
    execFileSync('espeak-ng', ['-v', v.voice, '-p', String(v.pitch), '-s', String(v.speed), '-w', clean, SENTENCE]);
    out.push({ name, path: clean });
    const { pcm, sampleRate } = readWav(clean);
    for (const snr of NOISE_SNRS_DB) {
      const path = join(dir, `espeak-${i}-snr${snr}.wav`);
      writeFileSync(path, encodeWav([withNoise(pcm, snr, 1000 * i + snr)], sampleRate));
      out.push({ name: `${name} +noise ${snr} dB`, path });
    }
  });
  return out;
}

/** `pcm` plus seeded white Gaussian noise `snrDb` below the mean power of its non-silent samples. */
export function withNoise(pcm: Float32Array, snrDb: number, seed: number): Float32Array {
  let energy = 0;
  let count = 0;
  for (const s of pcm) {
    if (Math.abs(s) > 1e-4) {
      energy += s * s;
      count++;
    }
  }
  if (count === 0) throw new Error('withNoise: the clip is silent, so an SNR has no meaning');
  const level = Math.sqrt(energy / count / 10 ** (snrDb / 10));
  const g = gaussian(rng(seed));
  return pcm.map((s) => s + level * g());
}
