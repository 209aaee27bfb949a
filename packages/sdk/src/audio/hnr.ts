/**
 * Harmonics-to-noise ratio from the normalised autocorrelation peak r of a frame: the periodic
 * part carries a fraction r of the energy and noise 1 - r (Boersma 1993), so
 * HNR = 10·log10(r / (1 - r)). Clamped so a pure tone or pure noise gives a finite number.
 */
export const HNR_MIN_DB = -20;
export const HNR_MAX_DB = 60;

export function hnrDb(r: number): number {
  if (!(r > 0)) return HNR_MIN_DB;
  if (r >= 1) return HNR_MAX_DB;
  const db = 10 * Math.log10(r / (1 - r));
  return Math.max(HNR_MIN_DB, Math.min(HNR_MAX_DB, db));
}
