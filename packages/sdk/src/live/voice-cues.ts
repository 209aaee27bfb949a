/**
 * Voice cues of one span from the audio worker's 10 ms frames: speaking share, pauses, loudness,
 * pitch spread and a syllable rate. The frames stay on the device; only these numbers leave.
 * Stateful across spans, because a pause or a syllable can straddle a span boundary.
 */
import { HireNetError } from '../util/errors.ts';
import { AUDIO_FRAME_FEATURES, AUDIO_FRAME_STEP_SECONDS } from '../audio/schema.ts';
import { SyllableNucleusCounter } from '../audio/syllable-nuclei.ts';
import type { VoiceCues } from './cue-schema.ts';
import { round } from './round.ts';

/** Shortest silence between speech counted as a pause (De Jong & Wempe, as audio/vad.ts). */
export const MIN_PAUSE_SECONDS = 0.3;
/** Fewer voiced frames than this give no pitch spread: a tenth of a second says nothing about intonation. */
const MIN_VOICED_FRAMES = 10;

const col = (name: (typeof AUDIO_FRAME_FEATURES)[number]): number => AUDIO_FRAME_FEATURES.indexOf(name);
const C = {
  f0: col('F0_Hz'),
  st: col('F0_semitones'),
  loud: col('loudness'),
  db: col('intensity_dB'),
  speech: col('speech'),
};

export class VoiceCueTracker {
  private silentFrames = 0;
  private seenSpeech = false;
  private readonly syllables = new SyllableNucleusCounter();
  private syllablesBefore = 0;

  /**
   * Cues of the frames in `rows` (row-major, `columns` = AUDIO_FRAME_FEATURES.length per frame)
   * over a span of `spanSeconds`. Null when the span holds no frame (the worker has not caught up).
   */
  take(rows: ArrayLike<number>, columns: number, spanSeconds: number): VoiceCues | null {
    if (columns !== AUDIO_FRAME_FEATURES.length)
      throw new HireNetError('invalid-input', `expected ${AUDIO_FRAME_FEATURES.length} columns, got ${columns}`);
    const n = Math.floor(rows.length / columns);
    if (n === 0) return null;
    let speechFrames = 0;
    let loudSum = 0;
    let pauses = 0;
    let pauseFrames = 0;
    const st: number[] = [];
    const minPause = Math.round(MIN_PAUSE_SECONDS / AUDIO_FRAME_STEP_SECONDS);
    for (let i = 0; i < n; i++) {
      const at = (c: number): number => rows[i * columns + c] ?? 0;
      const speech = at(C.speech) >= 0.5;
      const voiced = at(C.f0) > 0;
      // The counter's "above threshold" test is the frame's own speech decision (same threshold as the VAD).
      this.syllables.push(at(C.db), voiced, speech ? -Infinity : Infinity);
      if (voiced) st.push(at(C.st));
      if (speech) {
        if (this.seenSpeech && this.silentFrames >= minPause) {
          pauses++;
          pauseFrames += this.silentFrames;
        }
        this.seenSpeech = true;
        this.silentFrames = 0;
        speechFrames++;
        loudSum += at(C.loud);
      } else {
        this.silentFrames++;
      }
    }
    const syllables = this.syllables.count - this.syllablesBefore;
    this.syllablesBefore = this.syllables.count;
    const span = Math.max(spanSeconds, n * AUDIO_FRAME_STEP_SECONDS);
    return {
      speaking: round(speechFrames / n, 3),
      pauses,
      pauseSeconds: round(pauseFrames * AUDIO_FRAME_STEP_SECONDS, 2),
      loudness: speechFrames === 0 ? null : round(loudSum / speechFrames, 3),
      pitchVariability: st.length < MIN_VOICED_FRAMES ? null : round(std(st), 3),
      speakingRate: speechFrames === 0 ? null : round(Math.min(20, syllables / span), 2),
    };
  }
}

function std(v: readonly number[]): number {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length);
}
