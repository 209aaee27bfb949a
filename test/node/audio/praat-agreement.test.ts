/**
 * Our descriptors against Praat (the field's reference), on the shared real recordings, the sound
 * of the shared talking-head videos, and clips made here: espeak-ng sentences (several voices,
 * pitches and rates; clean and with white noise at 20 and 10 dB SNR, test/node/audio/clips.ts)
 * and source-filter vowels with set jitter/shimmer/noise (packages/sdk/src/audio/testing/synth.ts).
 * Thresholds are the acceptance criteria of issues 3 and 12; the measured numbers are printed and
 * written to test-results/audio-praat.json and test-results/audio-praat.md (the docs table).
 * Needs praat, espeak-ng, ffmpeg and ../shared: skipped with the reason when absent, failed under CI=true.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractAudioFeatures } from '../../../packages/sdk/src/audio/frames.ts';
import { encodeWav, synthVowel } from '../../../packages/sdk/src/audio/testing/synth.ts';
import { espeakClips, toolAvailable, VIDEO_FIXTURES, videoSoundtracks } from './clips.ts';
import {
  FIXTURES,
  compareFormants,
  comparePitch,
  fixturesAvailable,
  pearson,
  praatAvailable,
  readWav,
  runPraat,
} from './praat.ts';

const CI = process.env['CI'] === 'true';
const missing = [
  ...(praatAvailable() ? [] : ['praat']),
  ...(toolAvailable('espeak-ng') ? [] : ['espeak-ng']),
  ...(fixturesAvailable() ? [] : [FIXTURES]),
  ...(existsSync(VIDEO_FIXTURES) ? [] : [VIDEO_FIXTURES]),
];
const skipReason = missing.length > 0 ? `needs ${missing.join(', ')}, absent on this machine` : '';
if (skipReason !== '' && !CI) console.warn(`[audio-praat] skipped: ${skipReason}`);

interface ClipResult {
  readonly name: string;
  readonly kind: 'real' | 'video' | 'espeak' | 'espeak-noisy' | 'synthetic';
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
    ours: {
      meanF0: summary.meanF0Hz,
      jitter: summary.jitterLocal,
      shimmer: summary.shimmerLocaldB,
      hnr: summary.HNRdB,
    },
    praat: { meanF0: ref.meanF0, jitter: ref.jitterLocal, shimmer: ref.shimmerLocaldB, hnr: ref.HNRdB },
  };
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

describe('Praat agreement prerequisites', () => {
  it('has praat, espeak-ng, ffmpeg and ../shared (a failure under CI=true, a skip elsewhere)', (ctx) => {
    if (!CI) ctx.skip(skipReason !== '', skipReason);
    expect(missing, `CI=true and the Praat agreement test ${skipReason}`).toEqual([]);
  });
});

const SPEECH: readonly ClipResult['kind'][] = ['real', 'video', 'espeak', 'espeak-noisy'];
const hnrDiff = (r: ClipResult): number => r.ours.hnr - r.praat.hnr;
const f0Error = (r: ClipResult): number => r.ours.meanF0 / r.praat.meanF0 - 1;

const TITLE = 'agreement with Praat (To Pitch (ac) 75–600 Hz, To Harmonicity (cc), voice report)';

describe.skipIf(skipReason !== '')(TITLE, () => {
  const results: ClipResult[] = [];

  it('measures every clip', () => {
    for (const f of readdirSync(FIXTURES)
      .filter((n) => n.endsWith('.wav'))
      .sort()) {
      results.push(measure(f, 'real', join(FIXTURES, f)));
    }
    for (const p of videoSoundtracks(dir)) results.push(measure(`${basename(p, '.wav')}.mp4`, 'video', p));
    for (const c of espeakClips(dir)) {
      results.push(measure(c.name, c.name.includes('noise') ? 'espeak-noisy' : 'espeak', c.path));
    }
    syntheticClips().forEach((p, i) => results.push(measure(`vowel-${i}`, 'synthetic', p)));
    console.table(
      results.map((r) => ({
        clip: r.name,
        '≤1 st': r.withinSemitone.toFixed(3),
        'V/UV': r.vuvAgreement.toFixed(3),
        F0: `${r.ours.meanF0.toFixed(1)} / ${r.praat.meanF0.toFixed(1)}`,
        jitter: `${(100 * r.ours.jitter).toFixed(2)}% / ${(100 * r.praat.jitter).toFixed(2)}%`,
        shimmer: `${r.ours.shimmer.toFixed(2)} / ${r.praat.shimmer.toFixed(2)}`,
        HNR: `${r.ours.hnr.toFixed(1)} / ${r.praat.hnr.toFixed(1)}`,
        'F1/F2/F3 err': r.formantError.map((e) => `${(100 * e).toFixed(0)}%`).join(' '),
      })),
    );
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/audio-praat.md', markdownTable(results));
    expect(results.filter((r) => r.kind === 'video').length).toBeGreaterThanOrEqual(5);
    expect(results.filter((r) => r.kind === 'espeak-noisy').length).toBeGreaterThanOrEqual(6);
  }, 600_000);

  it('F0 within 1 semitone on ≥ 90 % of frames both call voiced; V/UV agreement ≥ 85 % (speech clips)', () => {
    for (const r of results.filter((x) => SPEECH.includes(x.kind))) {
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
    for (const r of results) expect(Math.abs(f0Error(r)), r.name).toBeLessThan(0.03);
  });

  it('HNR level: clean clips within 1.5 dB of Praat, noisy ones within 3 dB', () => {
    // White noise above 8 kHz is outside our 16 kHz analysis but inside Praat's (22–48 kHz), so
    // noisy clips read higher here; speech itself has little energy up there.
    for (const r of results) expect(Math.abs(hnrDiff(r)), r.name).toBeLessThan(r.kind === 'espeak-noisy' ? 3 : 1.5);
  });

  it('file-level jitter, shimmer and HNR correlate with Praat at r ≥ 0.8 across clips', () => {
    const corr = (xs: readonly ClipResult[]): { jitter: number; shimmer: number; hnr: number } => ({
      jitter: pearson(
        xs.map((x) => x.ours.jitter),
        xs.map((x) => x.praat.jitter),
      ),
      shimmer: pearson(
        xs.map((x) => x.ours.shimmer),
        xs.map((x) => x.praat.shimmer),
      ),
      hnr: pearson(
        xs.map((x) => x.ours.hnr),
        xs.map((x) => x.praat.hnr),
      ),
    });
    const speech = results.filter((x) => SPEECH.includes(x.kind));
    const recorded = results.filter((x) => x.kind === 'real' || x.kind === 'video');
    const r = corr(results);
    const rSpeech = corr(speech);
    const hnrRecorded = corr(recorded).hnr;
    const meanAbsHnr = results.reduce((a, x) => a + Math.abs(hnrDiff(x)), 0) / results.length;
    const worstF0 = results.reduce((w, x) => (Math.abs(f0Error(x)) > Math.abs(f0Error(w)) ? x : w));
    console.info(
      `[audio-praat] ${results.length} clips: HNR r ${r.hnr.toFixed(3)} (speech ${rSpeech.hnr.toFixed(3)}, ` +
        `recordings ${hnrRecorded.toFixed(3)}), mean |ours − Praat| ${meanAbsHnr.toFixed(2)} dB; ` +
        `jitter r ${r.jitter.toFixed(3)}, shimmer r ${r.shimmer.toFixed(3)}; ` +
        `largest mean-F0 error ${(100 * f0Error(worstF0)).toFixed(2)} % (${worstF0.name})`,
    );
    writeFileSync(
      'test-results/audio-praat.json',
      JSON.stringify(
        { correlations: r, speechOnly: rSpeech, recordingsHnr: hnrRecorded, meanAbsHnrDb: meanAbsHnr, clips: results },
        null,
        2,
      ),
    );
    for (const c of [r, rSpeech]) {
      expect(c.jitter).toBeGreaterThanOrEqual(0.8);
      expect(c.shimmer).toBeGreaterThanOrEqual(0.8);
      expect(c.hnr).toBeGreaterThanOrEqual(0.8);
    }
    // The synthetic vowels and added noise spread HNR widely; the natural recordings alone must hold up too.
    expect(hnrRecorded).toBeGreaterThanOrEqual(0.8);
  });
});

/** The docs table (docs/audio-features.md, "Praat agreement"). */
function markdownTable(results: readonly ClipResult[]): string {
  const signed = (v: number): string => `${v >= 0 ? '+' : ''}${v.toFixed(2)}`;
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${r.kind} | ${r.praat.hnr.toFixed(2)} | ${r.ours.hnr.toFixed(2)} | ${signed(hnrDiff(r))} | ` +
      `${r.praat.meanF0.toFixed(1)} | ${r.ours.meanF0.toFixed(1)} | ${(100 * f0Error(r)).toFixed(2)} % |`,
  );
  const head = '| clip | kind | Praat HNR (dB) | ours | difference | Praat F0 (Hz) | ours | F0 error |';
  return [head, '|---|---|---|---|---|---|---|---|', ...rows, ''].join('\n');
}
