/**
 * Local shimmer in dB: mean |20·log10(A[i+1] / A[i])| over consecutive period peak amplitudes
 * (Praat's "Shimmer (local, dB)"). Pairs whose periods break the period rules, or whose
 * amplitudes differ by more than `maxAmplitudeFactor` (Praat default 1.6), are skipped.
 */
import { DEFAULT_PERIOD_RULES, validPeriod, type PeriodRules } from './jitter.ts';

export class ShimmerAccumulator {
  private sum = 0;
  private n = 0;
  private prevAmp: number | null = null;
  private prevPeriod: number | null = null;
  private readonly rules: PeriodRules;
  private readonly maxAmplitudeFactor: number;

  constructor(rules: PeriodRules = DEFAULT_PERIOD_RULES, maxAmplitudeFactor = 1.6) {
    this.rules = rules;
    this.maxAmplitudeFactor = maxAmplitudeFactor;
  }

  /** Adds the peak amplitude of a period lasting `period` s; `null` ends the current train. */
  add(amplitude: number | null, period: number | null): void {
    if (amplitude === null || period === null || !(amplitude > 0) || !validPeriod(period, this.rules)) {
      this.prevAmp = null;
      this.prevPeriod = null;
      return;
    }
    const pa = this.prevAmp;
    const pp = this.prevPeriod;
    if (pa !== null && pp !== null) {
      const pr = pp > period ? pp / period : period / pp;
      const ar = pa > amplitude ? pa / amplitude : amplitude / pa;
      if (pr <= this.rules.maxPeriodFactor && ar <= this.maxAmplitudeFactor) {
        this.sum += Math.abs(20 * Math.log10(amplitude / pa));
        this.n++;
      }
    }
    this.prevAmp = amplitude;
    this.prevPeriod = period;
  }

  /** dB; 0 when fewer than two comparable periods were seen. */
  value(): number {
    return this.n === 0 ? 0 : this.sum / this.n;
  }

  get count(): number {
    return this.n;
  }
}

/** Local shimmer (dB) of one train: amplitudes[i] belongs to periods[i]. */
export function shimmerLocalDb(amplitudes: readonly number[], periods: readonly number[]): number {
  const acc = new ShimmerAccumulator();
  for (let i = 0; i < amplitudes.length; i++) acc.add(amplitudes[i] ?? null, periods[i] ?? null);
  return acc.value();
}
