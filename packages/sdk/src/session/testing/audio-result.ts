/**
 * A made-up audio worker result for the session's Node tests (test-only; not built into dist):
 * `windows` windows of 0.5 s every 0.25 s whose `speech_mean` and voiced-fraction columns hold
 * `speech` and `voiced` — the two values the silence rule reads — and a plausible summary.
 */
import type { AudioResult } from '../../audio/audio-worker.ts';
import { AUDIO_FEATURE_SCHEMA } from '../../audio/schema.ts';
import type { AudioSummary } from '../../audio/summary.ts';

const NAMES = AUDIO_FEATURE_SCHEMA.windowFeatures;

function column(name: string): number {
  const i = NAMES.indexOf(name);
  if (i < 0) throw new Error(`the audio window schema has no column ${name}`);
  return i;
}
const SPEECH = column('speech_mean');
const VOICED = column('voicedFraction');

export function fakeAudioResult(
  windows: number,
  level: { readonly speech: number; readonly voiced: number },
): AudioResult {
  const summary = {
    durationSeconds: windows * 0.25 + 0.25,
    voicedFraction: level.voiced,
    speechRate: 4,
    pauseCount: 2,
    meanPauseSeconds: 0.4,
    longestPauseSeconds: 0.6,
    stdF0semitones: 2.5,
  } as AudioSummary;
  return {
    rows: new Float32Array(0),
    columns: 24,
    summary,
    windows: Array.from({ length: windows }, (_, i) => {
      const values = new Float64Array(NAMES.length);
      values[SPEECH] = level.speech;
      values[VOICED] = level.voiced;
      return { index: i, startSeconds: i * 0.25, endSeconds: i * 0.25 + 0.5, validFrames: 50, masked: false, values };
    }),
  };
}
