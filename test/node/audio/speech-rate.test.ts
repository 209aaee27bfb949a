/**
 * Speech-rate proxy (syllable nuclei, De Jong & Wempe) and pauses on espeak-ng speech whose
 * syllables we can count by hand.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractAudioFeatures } from '../../../packages/sdk/src/audio/frames.ts';
import { needs, toolsMissing } from '../../browser/harness/tools.ts';
import { readWav } from './praat.ts';

const skip = needs('speech-rate', toolsMissing('espeak-ng'));
const dir = mkdtempSync(join(tmpdir(), 'hirenet-rate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function speak(text: string, voice: string, wpm: number, gapTenMs = 0): ReturnType<typeof extractAudioFeatures> {
  const wav = join(dir, `${voice}-${wpm}.wav`);
  execFileSync('espeak-ng', [
    '-v',
    voice,
    '-s',
    String(wpm),
    ...(gapTenMs > 0 ? ['-g', String(gapTenMs)] : []),
    '-w',
    wav,
    text,
  ]);
  const { pcm, sampleRate } = readWav(wav);
  return extractAudioFeatures(pcm, sampleRate);
}

describe.skipIf(skip)('speech rate and pauses', () => {
  it('counts syllable nuclei within 20 % of the hand count', () => {
    // 22 and 24 syllables.
    const cases = [
      ['Tell me about a project you are proud of, and what you would do differently next time.', 22, 'en-us', 140],
      [
        'My biggest weakness is asking for help. Um, I used to think I had to solve everything alone.',
        24,
        'en-us+f3',
        170,
      ],
    ] as const;
    for (const [text, syllables, voice, wpm] of cases) {
      const { summary } = speak(text, voice, wpm);
      console.log(
        [
          `[speech-rate] ${voice} ${wpm} wpm: ${summary.syllableCount} nuclei for ${syllables} syllables,`,
          `${summary.speechRate.toFixed(2)}/s, pauses ${summary.pauseCount}`,
        ].join(' '),
      );
      expect(Math.abs(summary.syllableCount / syllables - 1)).toBeLessThan(0.2);
    }
  });

  it('faster speech has a higher rate; sentence breaks stretched to ≥ 0.3 s are counted as pauses', () => {
    const text = 'I led the migration. It took three months. We shipped it on time.';
    const slow = speak(text, 'en-us', 110).summary;
    const fast = speak(text, 'en-us', 220).summary;
    expect(fast.speechRate).toBeGreaterThan(slow.speechRate * 1.4);
    // -g adds 400 ms between words: many silences, all between speech.
    const gappy = speak(text, 'en-us', 140, 40).summary;
    expect(gappy.pauseCount).toBeGreaterThanOrEqual(5);
    expect(gappy.meanPauseSeconds).toBeGreaterThan(0.3);
  });
});
