/**
 * Figures of the `agreement` bench section, computed in Node from what
 * test/browser/pages/session/agreement.ts returns for one clip: live takes aligned by time to the
 * uploaded file (test/browser/agreement-stats.ts), the file analysed twice, score spreads of the
 * takes and of adjacent segments, and one stored interview re-scored on every backend.
 */
import { isDeepStrictEqual } from 'node:util';
import { alignAndCorrelate, median, pearson, type WindowRows } from '../../test/browser/agreement-stats.ts';
import { alignPeriodic, type PeriodicAlignment } from './agreement-align.ts';

export type Modality = 'audio' | 'video';
export const MODALITIES: readonly Modality[] = ['audio', 'video'];

/** One answer as the page reports it (rows only for the modalities that produced any). */
export interface PageAnswer {
  readonly seconds: number;
  readonly audio: WindowRows | null;
  readonly video: WindowRows | null;
  readonly warnings: readonly string[];
}
export interface PageScored {
  readonly score: number | null;
  readonly scores: { readonly audio?: number; readonly video?: number };
}
export interface PageOut {
  readonly live: readonly { answer: PageAnswer; result: PageScored }[];
  readonly files: readonly { answer: PageAnswer; result: PageScored }[];
  readonly segments: readonly { answer: PageAnswer; result: PageScored }[];
  readonly rescored: Readonly<Record<string, PageScored & { backend: string; tensorsBeforeCreate: number }>>;
}

export interface TakeFit {
  /** Circular lag (agreement-stats.ts): live window k ↔ file window k + lag, wrapping at the file's window count. */
  readonly lag: number;
  /** With the loop period known: clip time at which the take started (agreement-align.ts); else null. */
  readonly startSeconds: number | null;
  /** Live windows paired with file windows by the alignment that gave `medianR`. */
  readonly windows: number;
  /** Rows the take produced, of `span` windows from its first to its last row (dropped windows: no face, no frames). */
  readonly kept: number;
  readonly span: number;
  /** Median over features of this take's Pearson r: period-aware when the period is known, else circular. */
  readonly medianR: number;
  /** The same with the circular lag, as test/browser/session-agreement.test.ts computes it. */
  readonly circularMedianR: number;
}
export interface FeatureR {
  readonly feature: string;
  /** Median over takes of this feature's r. */
  readonly r: number;
}
export interface ModalityFit {
  readonly takes: readonly TakeFit[];
  /** Median over takes of the take medians: the headline figure, compared with the 0.9 bar. */
  readonly medianR: number;
  /** Median over takes of the circular-lag take medians (equal to medianR when no period is known). */
  readonly circularMedianR: number;
  /** The device's loop period used for the alignment, seconds; null: circular lag only. */
  readonly periodSeconds: number | null;
  /** Median over features of the per-feature medians across takes. */
  readonly medianFeatureR: number;
  readonly features: number;
  /** Features constant in every take or in the file (no r; left out of the medians). */
  readonly constantFeatures: number;
  readonly worst: readonly FeatureR[];
  /**
   * Level difference live − file in file SDs (agreement-align.ts), median over takes per feature;
   * null without a known period. `medianAbsShift` is the median over features of its magnitude.
   */
  readonly medianAbsShift: number | null;
  readonly largestShifts: readonly { feature: string; shift: number }[] | null;
}
export interface Scores {
  readonly fused: number | null;
  readonly audio: number | null;
  readonly video: number | null;
}
export interface RescoreRow {
  readonly backend: string;
  /** The backend the session reported it ran on (must equal `backend`). */
  readonly reported: string;
  readonly scores: Scores;
  /** Largest |Δ| vs wasm over fused, audio and video scores. */
  readonly maxAbsDelta: number;
}
export interface ClipFigures {
  readonly audio: ModalityFit | null;
  readonly video: ModalityFit | null;
  readonly fileTwiceIdentical: boolean;
  readonly file: Scores;
  readonly rescore: readonly RescoreRow[];
  readonly rescoreMaxAbsDelta: number | null;
  /** tf.memory().numTensors before each backend's create was the same every time. */
  readonly rescoreTensorsStable: boolean;
  readonly live: readonly Scores[];
  readonly liveSpread: Scores;
  readonly halves: readonly Scores[];
  readonly halvesSpread: Scores;
  /**
   * The wav the fake mic plays, uploaded as a file (same sound, other container and rate): its
   * scores, its audio rows against the clip's (same grid), and the live takes against it.
   */
  readonly micFile: MicFile | null;
  /** Distinct warning codes of every answer (live, file, halves). */
  readonly warnings: readonly string[];
}

export const WORST_FEATURES = 5;

export function scoresOf(r: PageScored): Scores {
  return { fused: r.score ?? null, audio: r.scores.audio ?? null, video: r.scores.video ?? null };
}

/** max − min of each score over the runs; null where a run lacks it (or there are none). */
export function spreadOf(runs: readonly Scores[]): Scores {
  const one = (k: keyof Scores): number | null => {
    const xs = runs.map((s) => s[k]);
    if (xs.length === 0 || xs.some((x) => x === null)) return null;
    const v = xs as number[];
    return Math.max(...v) - Math.min(...v);
  };
  return { fused: one('fused'), audio: one('audio'), video: one('video') };
}

function keptOf(m: WindowRows): { kept: number; span: number } {
  const w = m.windowIndex;
  return { kept: w.length, span: w.length === 0 ? 0 : Math.max(...w) - Math.min(...w) + 1 };
}

/** Per-take alignment of live rows to the file's, per-feature medians across takes, the worst features. */
export function modalityFit(
  live: readonly WindowRows[],
  file: WindowRows,
  names: readonly string[] | null,
  periodSeconds: number | null = null,
): ModalityFit {
  const circular = live.map((t) => alignAndCorrelate(t, file));
  const periodic = periodSeconds === null ? null : live.map((t) => alignPeriodic(t, file, periodSeconds));
  const fits = periodic ?? circular;
  const width = fits[0]?.r.length ?? 0;
  const perFeature = Array.from({ length: width }, (_, f) => median(fits.map((a) => a.r[f] ?? NaN)));
  const name = (f: number): string => (names !== null && names.length === width ? names[f]! : `feature ${f}`);
  const finite = perFeature.map((r, f) => ({ feature: name(f), r })).filter((x) => Number.isFinite(x.r));
  return {
    takes: fits.map((a, k) => ({
      lag: circular[k]!.lag,
      startSeconds: periodic?.[k]?.startSeconds ?? null,
      windows: a.windows,
      ...keptOf(live[k]!),
      medianR: a.medianR,
      circularMedianR: circular[k]!.medianR,
    })),
    medianR: median(fits.map((a) => a.medianR)),
    circularMedianR: median(circular.map((a) => a.medianR)),
    periodSeconds,
    medianFeatureR: median(perFeature),
    features: width,
    constantFeatures: width - finite.length,
    worst: finite.sort((a, b) => a.r - b.r).slice(0, WORST_FEATURES),
    ...shifts(periodic, width, name),
  };
}

function shifts(
  periodic: readonly PeriodicAlignment[] | null,
  width: number,
  name: (f: number) => string,
): Pick<ModalityFit, 'medianAbsShift' | 'largestShifts'> {
  if (periodic === null) return { medianAbsShift: null, largestShifts: null };
  const perFeature = Array.from({ length: width }, (_, f) => median(periodic.map((a) => a.shift[f] ?? NaN)));
  const finite = perFeature.map((shift, f) => ({ feature: name(f), shift })).filter((x) => Number.isFinite(x.shift));
  return {
    medianAbsShift: median(finite.map((x) => Math.abs(x.shift))),
    largestShifts: finite.sort((a, b) => Math.abs(b.shift) - Math.abs(a.shift)).slice(0, WORST_FEATURES),
  };
}

/** Re-scored stored interview on each backend vs wasm (the first backend when wasm is absent). */
export function rescoreRows(rescored: PageOut['rescored'], backends: readonly string[]): RescoreRow[] {
  const ref = rescored['wasm'] ?? rescored[backends[0] ?? ''];
  return backends.flatMap((b) => {
    const r = rescored[b];
    if (r === undefined || ref === undefined) return [];
    const s = scoresOf(r);
    const q = scoresOf(ref);
    const deltas = (['fused', 'audio', 'video'] as const).map((k) => {
      const x = s[k];
      const y = q[k];
      if (x === null && y === null) return 0;
      return x === null || y === null ? Infinity : Math.abs(x - y);
    });
    return [{ backend: b, reported: r.backend, scores: s, maxAbsDelta: Math.max(...deltas) }];
  });
}

export interface MicFile {
  readonly scores: Scores;
  /** Audio rows of the uploaded mic wav vs the uploaded clip, window by window (no alignment). */
  readonly vsClip: { readonly medianR: number; readonly windows: number; readonly worst: readonly FeatureR[] } | null;
  /** Live audio takes vs the uploaded mic wav (period-aware alignment): capture alone. */
  readonly live: ModalityFit | null;
}

/** Per-feature r of two row sets on the same window grid, over the windows both kept. */
export function sameGridFit(
  a: WindowRows,
  b: WindowRows,
  names: readonly string[] | null,
): NonNullable<MicFile['vsClip']> {
  const at = new Map(b.windowIndex.map((w, k) => [w, b.rows[k]!]));
  const pairs = a.windowIndex.flatMap((w, k) => (at.has(w) ? [[a.rows[k]!, at.get(w)!] as const] : []));
  const width = a.rows[0]?.length ?? 0;
  const r = Array.from({ length: width }, (_, f) =>
    pearson(
      pairs.map((p) => p[0][f]!),
      pairs.map((p) => p[1][f]!),
    ),
  );
  const name = (f: number): string => (names !== null && names.length === width ? names[f]! : `feature ${f}`);
  const finite = r.map((v, f) => ({ feature: name(f), r: v })).filter((x) => Number.isFinite(x.r));
  return {
    medianR: median(r),
    windows: pairs.length,
    worst: finite.sort((x, y) => x.r - y.r).slice(0, WORST_FEATURES),
  };
}

/** `periods`: the fake camera's and mic's loop periods in seconds (absent: circular lag only). */
export function clipFigures(
  out: PageOut,
  backends: readonly string[],
  names: Partial<Record<Modality, readonly string[]>>,
  periods: Partial<Record<Modality, number>> = {},
): ClipFigures {
  const first = out.files[0];
  if (first === undefined) throw new Error('agreement page returned no file analysis');
  const fitOf = (m: Modality): ModalityFit | null => {
    const file = first.answer[m];
    const live = out.live.map((t) => t.answer[m]);
    if (file === null || live.length === 0 || live.some((l) => l === null || l.rows.length === 0)) return null;
    return modalityFit(live as WindowRows[], file, names[m] ?? null, periods[m] ?? null);
  };
  const second = out.files[1];
  const rescore = rescoreRows(out.rescored, backends);
  const tensors = Object.values(out.rescored).map((r) => r.tensorsBeforeCreate);
  const live = out.live.map((t) => scoresOf(t.result));
  // Segments: the two halves, then (clips only) the fake mic's wav uploaded.
  const halves = out.segments.slice(0, 2).map((s) => scoresOf(s.result));
  const mic = out.segments[2];
  const liveAudio = out.live.map((t) => t.answer.audio);
  const micFile: MicFile | null =
    mic === undefined
      ? null
      : {
          scores: scoresOf(mic.result),
          vsClip:
            mic.answer.audio === null || first.answer.audio === null
              ? null
              : sameGridFit(mic.answer.audio, first.answer.audio, names.audio ?? null),
          live:
            mic.answer.audio === null || liveAudio.length === 0 || liveAudio.some((l) => l === null)
              ? null
              : modalityFit(liveAudio as WindowRows[], mic.answer.audio, names.audio ?? null, periods.audio ?? null),
        };
  const answers = [...out.live, ...out.files, ...out.segments].map((a) => a.answer);
  return {
    audio: fitOf('audio'),
    video: fitOf('video'),
    fileTwiceIdentical:
      second !== undefined &&
      isDeepStrictEqual(first.answer, second.answer) &&
      isDeepStrictEqual(first.result, second.result),
    file: scoresOf(first.result),
    rescore,
    rescoreMaxAbsDelta: rescore.length === 0 ? null : Math.max(...rescore.map((r) => r.maxAbsDelta)),
    rescoreTensorsStable: tensors.every((t) => t === tensors[0]),
    live,
    liveSpread: spreadOf(live),
    halves,
    halvesSpread: spreadOf(halves),
    micFile,
    warnings: [...new Set(answers.flatMap((a) => a.warnings))].sort(),
  };
}
