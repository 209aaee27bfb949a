/**
 * "did you mean --epochs?" for a mistyped flag: the known names closest to what was typed, by
 * edit distance (a swap of two neighbours counts one, so `--sede` finds `--seed`), by prefix
 * (`--epoch` finds `--epochs`) or by a long shared stem (`--modalities` finds `--modality`).
 */

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = d;
    }
  }
  return at(a.length, b.length);
}

/** How near `typed` is to `known`, or undefined when too far to suggest; smaller is nearer. */
function nearness(typed: string, known: string): number | undefined {
  const d = editDistance(typed, known);
  // Two edits on a two-letter name is a different name: `--x` is not a typo of `--lr`.
  if (d <= 2 && d < Math.min(typed.length, known.length)) return d;
  const [short, long] = typed.length < known.length ? [typed, known] : [known, typed];
  if (short.length >= 3 && long.startsWith(short)) return 3;
  // A long shared stem with another ending: `--modalities` for `--modality`.
  let stem = 0;
  while (stem < short.length && short[stem] === long[stem]) stem++;
  if (stem >= 5 && stem >= short.length - 2) return 4;
  return undefined;
}

/** The nearest of `known` to `typed` (all of them on a tie, in `known`'s order); empty when none is near. */
export function nearest(typed: string, known: readonly string[]): string[] {
  const scored = known.flatMap((k) => {
    const n = nearness(typed, k);
    return n === undefined ? [] : [{ k, n }];
  });
  const best = Math.min(...scored.map((s) => s.n));
  return scored.filter((s) => s.n === best).map((s) => s.k);
}
