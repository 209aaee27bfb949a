/**
 * The filled-pause proxy end to end: an espeak-ng sentence alone has none; the same sentence
 * with a steady synthetic "uh" (0.6 s at 95 Hz, /ə/-like formants) spliced in the middle has
 * one, found where it was put.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractAudioFeatures } from '../../../packages/sdk/src/audio/frames.ts';
import { Resampler } from '../../../packages/sdk/src/audio/resample.ts';
import { synthVowel } from '../../../packages/sdk/src/audio/testing/synth.ts';
import { needs, toolsMissing } from '../../browser/harness/tools.ts';
import { readWav } from './praat.ts';

const skip = needs('filled-pause', toolsMissing('espeak-ng'));
const dir = mkdtempSync(join(tmpdir(), 'hirenet-uh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(skip)('filled-pause proxy', () => {
  it('finds one spliced-in "uh" and none in the plain sentence', () => {
    const wav = join(dir, 's.wav');
    execFileSync('espeak-ng', [
      '-v',
      'en-us',
      '-s',
      '140',
      '-w',
      wav,
      'Tell me about a project you are proud of, and what you would do differently next time.',
    ]);
    const { pcm, sampleRate } = readWav(wav);
    const r = new Resampler(sampleRate, 16000);
    const a = r.process(pcm);
    const b = r.flush();
    const x = new Float32Array(a.length + b.length);
    x.set(a);
    x.set(b, a.length);
    const uh = synthVowel({
      seconds: 0.6,
      f0: 95,
      jitter: 0.005,
      formants: [
        [550, 80],
        [1500, 100],
        [2500, 150],
      ],
      peak: 0.3,
    });
    const mid = Math.floor(x.length / 2);
    const y = new Float32Array(x.length + uh.length + 3200);
    y.set(x.subarray(0, mid));
    y.set(uh, mid + 1600);
    y.set(x.subarray(mid), mid + 3200 + uh.length);
    expect(extractAudioFeatures(x, 16000).summary.filledPauseCount).toBe(0);
    const withUh = extractAudioFeatures(y, 16000);
    expect(withUh.summary.filledPauseCount).toBe(1);
    const flagged = withUh.frames.filter((f) => f.filledPause === 1).map((f) => f.time);
    const start = (mid + 1600) / 16000;
    expect(flagged.every((t) => t >= start && t <= start + 0.6)).toBe(true);
  });
});
