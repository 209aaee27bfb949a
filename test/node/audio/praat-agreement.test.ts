/**
 * Our descriptors against Praat (the field's reference), on the shared real recordings plus
 * clips made here: espeak-ng sentences (several voices, with added noise) and source-filter
 * vowels with set jitter/shimmer/noise (recipe in packages/sdk/src/audio/testing/synth.ts).
 * Thresholds are the acceptance criteria of issue 3; the measured numbers are printed and
 * written to test-results/audio-praat.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractAudioFeatures } from '../../../packages/sdk/src/audio/frames.ts';
import { encodeWav, gaussian, rng, synthVowel } from '../../../packages/sdk/src/audio/testing/synth.ts';
import { FIXTURES, compareFormants, comparePitch, fixturesAvailable, pearson, praatAvailable, readWav, runPraat } from './praat.ts';

const haveEspeak = spawnSync('espeak-ng', ['--version'], { stdio: 'ignore' }).status === 0;
const skipReason = !praatAvailable() ? 'praat is not installed' : !fixturesAvailable() ? `${FIXTURES} is absent` : '';
if (skipReason !== '') console.warn(`[audio-praat] skipped: ${skipReason}`);

interface ClipResult {
  readonly name: string;
  readonly kind: 'real' | 'espeak' | 'synthetic';
  readonly withinSemitone: number;
  readonly vuvAgreement: number;
  /** Median relative F1, F2, F3 difference from Praat's Burg formants on frames both call voiced. */
  readonly formantError: readonly [number, number, number];
  readonly ours: { meanF0: number; jitter: number; shimmer: number; hnr: number };
  readonly praat: { meanF0: number; jitter: number; shimmer: number; hnr: number };
}

const dir = mkdtempSync(join(tmpdir(), 'hirenet-praat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function measure(name: string, kind: ClipResult['kind'], path: string): ClipResult {
  const { pcm, sampleRate } = readWav(path);
  const { frames, summary } = extractAudioFeatures(pcm, sampleRate);
  const ref = runPraat(path);
  const a = comparePitch(frames, ref);
  return {
    name,
    kind,
    withinSemitone: a.withinSemitone,
    vuvAgreement: a.vuvAgreement,
    formantError: compareFormants(frames, ref),
    ours: { meanF0: summary.meanF0Hz, jitter: summary.jitterLocal, shimmer: summary.shimmerLocaldB, hnr: summary.HNRdB },
    praat: { meanF0: ref.meanF0, jitter: ref.jitterLocal, shimmer: ref.shimmerLocaldB, hnr: ref.HNRdB },
  };
}

function espeakClips(): string[] {
  if (!haveEspeak) return [];
  const text = 'Tell me about a project you are proud of, and what you would do differently next time.';
  const voices = ['en-us', 'en-us+f3', 'en+m3', 'en-gb+f2', 'en-us+m7', 'en+f4'];
  return voices.map((v, i) => {
    const raw = join(dir, `espeak-${i}.raw.wav`);
    execFileSync('espeak-ng', ['-v', v, '-s', String(140 + 10 * i), '-w', raw, text]);
    const { pcm, sampleRate } = readWav(raw);
    // Added noise at a different level per voice spreads HNR, jitter and shimmer across clips.
    const g = gaussian(rng(100 + i));
    let peak = 0;
    for (const s of pcm) peak = Math.max(peak, Math.abs(s));
    const level = [0, 0.003, 0.01, 0.02, 0.04, 0.07][i]! * peak;
    const noisy = pcm.map((s) => s + level * g());
    const out = join(dir, `espeak-${i}.wav`);
    writeFileSync(out, encodeWav([noisy], sampleRate));
    return out;
  });
}

function syntheticClips(): string[] {
  const settings = [
    [0.004, 0.2, 0.02, 110],
    [0.008, 0.4, 0.05, 130],
    [0.012, 0.6, 0.1, 150],
    [0.016, 0.9, 0.15, 200],
    [0.022, 1.2, 0.25, 230],
    [0.03, 1.6, 0.4, 260],
  ] as const;
  return settings.map(([jitter, shimmerDb, noise, f0], i) => {
    const p = join(dir, `vowel-${i}.wav`);
    writeFileSync(p, encodeWav([synthVowel({ seconds: 2, f0, jitter, shimmerDb, noise, seed: 10 + i })], 16000));
    return p;
  });
}

describe.skipIf(skipReason !== '')('agreement with Praat (To Pitch (ac) 75–600 Hz, voice report)', () => {
  const results: ClipResult[] = [];

  it('measures every clip', () => {
    for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.wav'))) results.push(measure(f, 'real', join(FIXTURES, f)));
    espeakClips().forEach((p, i) => results.push(measure(`espeak-${i}`, 'espeak', p)));
    syntheticClips().forEach((p, i) => results.push(measure(`vowel-${i}`, 'synthetic', p)));
    const table = results.map((r) => ({
      clip: r.name,
      '≤1 st': r.withinSemitone.toFixed(3),
      'V/UV': r.vuvAgreement.toFixed(3),
      F0: `${r.ours.meanF0.toFixed(1)} / ${r.praat.meanF0.toFixed(1)}`,
      jitter: `${(100 * r.ours.jitter).toFixed(2)}% / ${(100 * r.praat.jitter).toFixed(2)}%`,
      shimmer: `${r.ours.shimmer.toFixed(2)} / ${r.praat.shimmer.toFixed(2)}`,
      HNR: `${r.ours.hnr.toFixed(1)} / ${r.praat.hnr.toFixed(1)}`,
      'F1/F2/F3 err': r.formantError.map((e) => `${(100 * e).toFixed(0)}%`).join(' '),
    }));
    console.table(table);
    expect(results.length).toBeGreaterThanOrEqual(5);
  });

  it('F0 within 1 semitone on ≥ 90 % of frames both call voiced; V/UV agreement ≥ 85 % (speech clips)', () => {
    for (const r of results.filter((x) => x.kind !== 'synthetic')) {
      expect(r.withinSemitone, r.name).toBeGreaterThanOrEqual(0.9);
      expect(r.vuvAgreement, r.name).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('F1 and F2 (LPC) within 10 % of Praat’s Burg formants (median over voiced frames) on the real recordings', () => {
    for (const r of results.filter((x) => x.kind === 'real')) {
      expect(r.formantError[0], r.name).toBeLessThan(0.1);
      expect(r.formantError[1], r.name).toBeLessThan(0.1);
    }
  });

  it('mean F0 within 3 % of Praat on every clip', () => {
    for (const r of results) expect(Math.abs(r.ours.meanF0 / r.praat.meanF0 - 1), r.name).toBeLessThan(0.03);
  });

  it('file-level jitter, shimmer and HNR correlate with Praat at r ≥ 0.8 across clips', () => {
    const r = {
      jitter: pearson(results.map((x) => x.ours.jitter), results.map((x) => x.praat.jitter)),
      shimmer: pearson(results.map((x) => x.ours.shimmer), results.map((x) => x.praat.shimmer)),
      hnr: pearson(results.map((x) => x.ours.hnr), results.map((x) => x.praat.hnr)),
    };
    const speech = results.filter((x) => x.kind !== 'synthetic');
    const rSpeech = {
      jitter: pearson(speech.map((x) => x.ours.jitter), speech.map((x) => x.praat.jitter)),
      shimmer: pearson(speech.map((x) => x.ours.shimmer), speech.map((x) => x.praat.shimmer)),
      hnr: pearson(speech.map((x) => x.ours.hnr), speech.map((x) => x.praat.hnr)),
    };
    console.info(`[audio-praat] r over ${results.length} clips`, r, `speech only (${speech.length})`, rSpeech);
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/audio-praat.json', JSON.stringify({ correlations: r, speechOnly: rSpeech, clips: results }, null, 2));
    expect(r.jitter).toBeGreaterThanOrEqual(0.8);
    expect(r.shimmer).toBeGreaterThanOrEqual(0.8);
    expect(r.hnr).toBeGreaterThanOrEqual(0.8);
    // The synthetic vowels spread the range a lot; speech alone must hold up too.
    expect(rSpeech.jitter).toBeGreaterThanOrEqual(0.8);
    expect(rSpeech.shimmer).toBeGreaterThanOrEqual(0.8);
    expect(rSpeech.hnr).toBeGreaterThanOrEqual(0.8);
  });
});
