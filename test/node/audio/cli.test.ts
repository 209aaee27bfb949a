/**
 * `hirenet features audio` end to end, on files generated here (recipes inline) — formats,
 * containers via ffmpeg, bad input and a 2-hour file under a heap cap.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  mkdtempSync,
  openSync,
  closeSync,
  ftruncateSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeWav, synthVowel } from '../../../packages/sdk/src/audio/testing/synth.ts';
import { ffmpeg } from '../../browser/harness/tools.ts';

const BIN = fileURLToPath(new URL('../../../packages/cli/bin/hirenet.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hirenet-audio-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], nodeFlags: string[] = []): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...nodeFlags, BIN, 'features', 'audio', ...args], {
    encoding: 'utf8',
    timeout: 110_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, bytes: Uint8Array | string): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

const SUMMARY_KEYS = [
  'meanF0Hz',
  'stdF0semitones',
  'jitterLocal',
  'shimmerLocaldB',
  'HNRdB',
  'speechRate',
  'pauseCount',
  'voicedFraction',
];

describe('hirenet features audio', () => {
  it('--summary prints only a JSON object with the required finite fields', () => {
    const p = file('vowel.wav', encodeWav([synthVowel({ seconds: 1, f0: 180, jitter: 0.01 })], 16000));
    const r = cli([p, '--summary']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Record<string, number>;
    for (const k of SUMMARY_KEYS) expect(Number.isFinite(s[k])).toBe(true);
    expect(s.meanF0Hz).toBeGreaterThan(175);
    expect(s.meanF0Hz).toBeLessThan(185);
    expect(r.stderr).toContain('frames');
  });

  it('--csv writes a header and one row per 10 ms (stereo 24-bit 44.1 kHz input)', () => {
    const x = synthVowel({ seconds: 0.5, sampleRate: 44100 });
    const p = file('stereo24.wav', encodeWav([x, x], 44100, 'pcm24'));
    const out = join(dir, 'frames.csv');
    const r = cli([p, '--csv', out]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    const header = lines[0]!.split(',');
    for (const k of [
      'time',
      'F0_Hz',
      'voicing',
      'loudness',
      'jitterLocal',
      'shimmerLocaldB',
      'HNRdB',
      'F1_Hz',
      'F2_Hz',
      'F3_Hz',
    ])
      expect(header).toContain(k);
    expect(lines.length - 1).toBe(50);
    expect(lines.slice(1).every((l) => l.split(',').every((v) => Number.isFinite(Number(v))))).toBe(true);
  });

  it('decodes other containers through ffmpeg (webm/opus, mp4/aac)', () => {
    const wav = file('src.wav', encodeWav([synthVowel({ seconds: 1, f0: 150 })], 16000));
    for (const [ext, codec] of [
      ['webm', 'libopus'],
      ['m4a', 'aac'],
    ] as const) {
      const p = join(dir, `clip.${ext}`);
      execFileSync(ffmpeg(), ['-v', 'error', '-y', '-i', wav, '-c:a', codec, p]);
      const r = cli([p, '--summary']);
      expect(r.code, r.stderr).toBe(0);
      const s = JSON.parse(r.stdout) as Record<string, number>;
      expect(Math.abs(s.meanF0Hz! / 150 - 1)).toBeLessThan(0.02);
    }
  });

  it('bad input gives a result or a typed error, never NaN or a hang', () => {
    const silence = cli([file('silence.wav', encodeWav([new Float32Array(16000)], 16000)), '--summary']);
    expect(silence.code).toBe(0);
    expect(Object.values(JSON.parse(silence.stdout) as Record<string, number>).every(Number.isFinite)).toBe(true);
    const short = cli([file('short.wav', encodeWav([synthVowel({ seconds: 0.05 })], 8000)), '--summary']);
    expect(short.code).toBe(0);
    const clipped = cli([file('clip.wav', encodeWav([synthVowel({ seconds: 0.5, peak: 3 })], 16000)), '--summary']);
    expect(clipped.code).toBe(0);
    const text = cli([file('notes.wav', 'this is a text file, not audio at all'), '--summary']);
    expect(text.code).toBe(3);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/not-audio/);
    const empty = cli([file('empty.wav', ''), '--summary']);
    expect(empty.code).toBe(3);
    expect(empty.stderr).toMatch(/empty-input/);
    const missing = cli([join(dir, 'nope.wav')]);
    expect(missing.code).toBe(3);
    expect(cli([]).code).toBe(2);
  });

  it('streams a 2-hour file with bounded memory (64 MB heap cap; the PCM alone would be 230 MB as float)', () => {
    // Sparse 16-bit 8 kHz mono file: a 1 s vowel at the start, digital silence for 2 hours.
    const p = join(dir, 'long.wav');
    const seconds = 7200;
    const head = encodeWav([synthVowel({ seconds: 1, sampleRate: 8000 })], 8000);
    new DataView(head.buffer).setUint32(4, 36 + seconds * 16000, true);
    new DataView(head.buffer).setUint32(40, seconds * 16000, true);
    const fd = openSync(p, 'w');
    writeSync(fd, head);
    ftruncateSync(fd, 44 + seconds * 16000);
    closeSync(fd);
    const r = cli([p, '--summary'], ['--max-old-space-size=64']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as Record<string, number>;
    expect(s.durationSeconds).toBeCloseTo(seconds, 1);
    expect(s.meanF0Hz).toBeGreaterThan(140);
  }, 600_000);
});
