/**
 * Local jitter: mean absolute difference between consecutive glottal periods divided by the mean
 * period (Praat's "Jitter (local)", as a fraction, not %). Periods outside [periodFloor,
 * periodCeiling] or differing from the neighbour by more than `maxPeriodFactor` are treated as
 * voicing breaks, with Praat's defaults.
 */
export interface PeriodRules {
  /** Seconds. Default 0.0001. */
  readonly periodFloor: number;
  /** Seconds. Default 0.02. */
  readonly periodCeiling: number;
  /** Default 1.3. */
  readonly maxPeriodFactor: number;
}

export const DEFAULT_PERIOD_RULES: PeriodRules = { periodFloor: 0.0001, periodCeiling: 0.02, maxPeriodFactor: 1.3 };

export function validPeriod(seconds: number, rules: PeriodRules = DEFAULT_PERIOD_RULES): boolean {
  return seconds >= rules.periodFloor && seconds <= rules.periodCeiling;
}

/** Running local jitter over a sequence of pulse trains (`null` period marks a break). */
export class JitterAccumulator {
  private sumDiff = 0;
  private nDiff = 0;
  private sumPeriod = 0;
  private nPeriod = 0;
  private prev: number | null = null;
  private readonly rules: PeriodRules;

  constructor(rules: PeriodRules = DEFAULT_PERIOD_RULES) {
    this.rules = rules;
  }

  /** Adds one period in seconds; `null` ends the current train. */
  add(period: number | null): void {
    if (period === null || !validPeriod(period, this.rules)) {
      this.prev = null;
      return;
    }
    this.sumPeriod += period;
    this.nPeriod++;
    const p = this.prev;
    if (p !== null) {
      const ratio = p > period ? p / period : period / p;
      if (ratio <= this.rules.maxPeriodFactor) {
        this.sumDiff += Math.abs(period - p);
        this.nDiff++;
      }
    }
    this.prev = period;
  }

  /** Fraction (0.01 = 1 %); 0 when fewer than two comparable periods were seen. */
  value(): number {
    if (this.nDiff === 0 || this.nPeriod === 0) return 0;
    return this.sumDiff / this.nDiff / (this.sumPeriod / this.nPeriod);
  }

  get count(): number {
    return this.nDiff;
  }
}

/** Local jitter of one list of periods in seconds (a single train). */
export function jitterLocal(periods: readonly number[], rules: PeriodRules = DEFAULT_PERIOD_RULES): number {
  const acc = new JitterAccumulator(rules);
  for (const p of periods) acc.add(p);
  return acc.value();
}
