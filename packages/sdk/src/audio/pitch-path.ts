/**
 * Fixed-lag Viterbi over pitch candidates (Praat's path finder, with Praat's default costs).
 *
 * Praat decides the whole path at once; a live stream cannot wait for the end, so the decision
 * for frame t is taken when frame t + lag arrives, by backtracking from the best current state.
 * With a lag of a few hundred milliseconds the result matches a whole-file path almost always,
 * and memory stays bounded.
 */
import type { PitchCandidate, PitchFrame } from './pitch.ts';

export interface PitchPathOptions {
  /** Cost per octave of a frame-to-frame jump. Default 0.35. */
  readonly octaveJumpCost?: number;
  /** Cost of switching between voiced and unvoiced. Default 0.14. */
  readonly voicedUnvoicedCost?: number;
  /** Frames of look-ahead before a frame's pitch is decided. Default 25 (250 ms at 10 ms). */
  readonly lag?: number;
  /** Frame step in seconds; Praat scales the transition costs by 0.01 / step. Default 0.01. */
  readonly timeStep?: number;
}

export interface PitchDecision {
  /** Index of the frame in push order. */
  readonly index: number;
  /** Chosen F0 in Hz, 0 when unvoiced. */
  readonly f0: number;
  /** Autocorrelation of the chosen candidate (0 when unvoiced). */
  readonly r: number;
  /** The analysis of that frame, handed back for downstream descriptors. */
  readonly frame: PitchFrame;
}

interface Column {
  readonly frame: PitchFrame;
  readonly score: Float64Array;
  readonly back: Int32Array;
}

export class PitchPath {
  private readonly jumpCost: number;
  private readonly vuvCost: number;
  private readonly lag: number;
  private readonly columns: Column[] = [];
  private firstIndex = 0;

  constructor(options: PitchPathOptions = {}) {
    const correction = 0.01 / (options.timeStep ?? 0.01);
    this.jumpCost = (options.octaveJumpCost ?? 0.35) * correction;
    this.vuvCost = (options.voicedUnvoicedCost ?? 0.14) * correction;
    this.lag = Math.max(0, options.lag ?? 25);
  }

  /** Adds one frame; returns the frame that just became final, if any. */
  push(frame: PitchFrame): PitchDecision[] {
    const cands = frame.candidates;
    const score = new Float64Array(cands.length);
    const back = new Int32Array(cands.length);
    const prev = this.columns[this.columns.length - 1];
    for (let j = 0; j < cands.length; j++) {
      const cj = cands[j]!;
      if (prev === undefined) {
        score[j] = cj.strength;
        continue;
      }
      let best = -Infinity;
      let arg = 0;
      const pc = prev.frame.candidates;
      for (let i = 0; i < pc.length; i++) {
        const s = prev.score[i]! - this.transition(pc[i]!, cj);
        if (s > best) {
          best = s;
          arg = i;
        }
      }
      score[j] = best + cj.strength;
      back[j] = arg;
    }
    // Scores only matter relative to each other; re-centre so long streams cannot overflow precision.
    let top = -Infinity;
    for (const s of score) if (s > top) top = s;
    for (let j = 0; j < score.length; j++) score[j] = score[j]! - top;
    this.columns.push({ frame, score, back });
    return this.columns.length > this.lag + 1 ? [this.emitOldest()] : [];
  }

  /** Decides every pending frame (end of stream). */
  flush(): PitchDecision[] {
    const out: PitchDecision[] = [];
    while (this.columns.length > 0) out.push(this.emitOldest());
    return out;
  }

  private emitOldest(): PitchDecision {
    const cols = this.columns;
    const last = cols[cols.length - 1]!;
    let state = 0;
    for (let j = 1; j < last.score.length; j++) if (last.score[j]! > last.score[state]!) state = j;
    for (let t = cols.length - 1; t > 0; t--) state = cols[t]!.back[state]!;
    const oldest = cols.shift()!;
    const chosen = oldest.frame.candidates[state]!;
    const index = this.firstIndex++;
    return { index, f0: chosen.frequency, r: chosen.r, frame: oldest.frame };
  }

  private transition(a: PitchCandidate, b: PitchCandidate): number {
    const av = a.frequency > 0;
    const bv = b.frequency > 0;
    if (av && bv) return this.jumpCost * Math.abs(Math.log2(a.frequency / b.frequency));
    return av === bv ? 0 : this.vuvCost;
  }
}
