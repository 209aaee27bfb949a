/** What several RESULTS.md sections read the same way: the 6-answer target and the fastest Chromium row. */
import type { BackendRow, BenchResults } from './types.ts';

/** Issue #7: HireNet, 6 answers × 240 windows, on the fastest Chromium backend, ms. */
export const TARGET_6 = 10;

/** The Chromium row with the lowest 6-answer median, if any Chromium row scored. */
export function fastestChromium(res: BenchResults): BackendRow | undefined {
  return res.rows
    .filter((r) => r.runtime === 'chromium' && r.scoring !== undefined)
    .sort((a, b) => (a.scoring?.answers6.medianMs ?? Infinity) - (b.scoring?.answers6.medianMs ?? Infinity))[0];
}
