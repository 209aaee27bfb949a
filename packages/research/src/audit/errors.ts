import { HireNetError } from '@hirenet/sdk/internal/util/errors';

/**
 * The scores file and the dataset disagree on who was scored. An audit over a partial join
 * would report rates for a different population than the one assessed, so it refuses instead.
 */
export class AuditIdMismatchError extends HireNetError {
  constructor(
    readonly missingScores: readonly string[],
    readonly unknownIds: readonly string[],
  ) {
    const parts: string[] = [];
    if (missingScores.length > 0)
      parts.push(`${missingScores.length} interview(s) in --data have no score (${preview(missingScores)})`);
    if (unknownIds.length > 0)
      parts.push(`${unknownIds.length} score(s) in --scores name no interview in --data (${preview(unknownIds)})`);
    super('audit-id-mismatch', `ids differ between --data and --scores: ${parts.join('; ')}`);
  }
}

/** A scores file that is not `hirenet predict` output; `line` is 1-based. */
export class ScoresFileError extends HireNetError {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super('invalid-scores', line === undefined ? message : `scores line ${line}: ${message}`);
  }
}

function preview(ids: readonly string[]): string {
  const shown = ids
    .slice(0, 5)
    .map((id) => JSON.stringify(id))
    .join(', ');
  return ids.length > 5 ? `${shown}, …` : shown;
}
