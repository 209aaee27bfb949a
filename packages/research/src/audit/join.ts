import { AuditIdMismatchError } from './errors.ts';

/** One audited candidate: the model's score and the raw, self-reported group fields. */
export interface AuditRecord {
  readonly id: string;
  readonly score: number;
  readonly sex?: unknown;
  readonly race?: unknown;
}

/**
 * Pairs every interview with its score. Both sides must name exactly the same ids: the median
 * is over "the full sample", so a score without an interview (or the reverse) would shift it.
 */
export function joinScores(
  interviews: readonly { id: string; group?: unknown }[],
  scores: ReadonlyMap<string, number>,
): AuditRecord[] {
  const records: AuditRecord[] = [];
  const missingScores: string[] = [];
  const seen = new Set<string>();
  for (const iv of interviews) {
    seen.add(iv.id);
    const score = scores.get(iv.id);
    if (score === undefined) {
      missingScores.push(iv.id);
      continue;
    }
    // `group` is not validated by the dataset reader, so read it defensively.
    const group =
      iv.group !== null && typeof iv.group === 'object' ? (iv.group as { sex?: unknown; race?: unknown }) : {};
    records.push({ id: iv.id, score, sex: group.sex, race: group.race });
  }
  const unknownIds = [...scores.keys()].filter((id) => !seen.has(id));
  if (missingScores.length > 0 || unknownIds.length > 0) throw new AuditIdMismatchError(missingScores, unknownIds);
  return records;
}
