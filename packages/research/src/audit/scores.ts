import { ScoresFileError } from './errors.ts';

/**
 * Reads `hirenet predict` output: one JSON object per line with at least `id` and `score`
 * (other fields such as attention are ignored). Blank lines are skipped. Scores are model
 * probabilities, so a value outside [0, 1] means the file is not predict output.
 */
export function parseScores(text: string): Map<string, number> {
  const scores = new Map<string, number>();
  text.split('\n').forEach((raw, i) => addScoreLine(scores, raw, i + 1));
  return assertSomeScores(scores);
}

/** Adds one line (1-based `line`) to `scores`; for readers that stream the file. */
export function addScoreLine(scores: Map<string, number>, raw: string, line: number): void {
  if (raw.trim() === '') return;
  let row: unknown;
  try {
    row = JSON.parse(raw);
  } catch (err) {
    throw new ScoresFileError(`not valid JSON (${err instanceof Error ? err.message : String(err)})`, line);
  }
  const { id, score } = (row ?? {}) as { id?: unknown; score?: unknown };
  if (typeof id !== 'string' || id === '') throw new ScoresFileError('"id" must be a non-empty string', line);
  if (typeof score !== 'number' || !Number.isFinite(score))
    throw new ScoresFileError(`"score" of "${id}" must be a finite number`, line);
  if (score < 0 || score > 1) throw new ScoresFileError(`"score" of "${id}" is ${score}, outside [0, 1]`, line);
  if (scores.has(id)) throw new ScoresFileError(`duplicate id "${id}"`, line);
  scores.set(id, score);
}

export function assertSomeScores(scores: Map<string, number>): Map<string, number> {
  if (scores.size === 0) throw new ScoresFileError('the scores file holds no scores');
  return scores;
}
