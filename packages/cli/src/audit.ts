import { constants } from 'node:fs';
import { access, writeFile } from 'node:fs/promises';
import { stderr, stdout } from 'node:process';
import { computeAudit } from '@hirenet/research/internal/audit/audit';
import { ScoresFileError } from '@hirenet/research/internal/audit/errors';
import { joinScores } from '@hirenet/research/internal/audit/join';
import { renderAuditMarkdown } from '@hirenet/research/internal/audit/report-md';
import { addScoreLine, assertSomeScores } from '@hirenet/research/internal/audit/scores';
import { readInterviews, readManifest } from '@hirenet/research/internal/dataset/read-node';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { readLines } from '@hirenet/research/internal/util/lines-node';
import { numberFlag, parseCommandArgs } from './args.ts';
import { usageText } from './usage.ts';

const USAGE = usageText('audit');

/**
 * `hirenet audit`: NYC Local Law 144 scoring-rate audit of a `hirenet predict` output against
 * the dataset's self-reported `group` fields (docs/audit.md). Markdown goes to stdout unless
 * --md is given.
 */
export async function runAudit(args: string[]): Promise<number> {
  const { flags } = parseCommandArgs('audit', args);
  const data = flags.get('data');
  const scoresPath = flags.get('scores');
  if (data === undefined || scoresPath === undefined) {
    stderr.write(USAGE);
    return 2;
  }
  const alpha = numberFlag(flags, 'alpha', 0.05);
  if (!(alpha > 0 && alpha < 1))
    throw new HireNetError('usage', `--alpha must be a number in (0, 1), got ${flags.get('alpha')}`);

  try {
    await access(scoresPath, constants.R_OK);
  } catch (err) {
    throw new ScoresFileError(`cannot read ${scoresPath}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const scores = new Map<string, number>();
  for await (const { line, text } of readLines(scoresPath)) addScoreLine(scores, text, line);
  assertSomeScores(scores);
  // Only ids and group fields are kept: the features are validated while streaming, then dropped.
  const manifest = await readManifest(data);
  const interviews: { id: string; group?: unknown }[] = [];
  for await (const iv of readInterviews(data, manifest)) interviews.push({ id: iv.id, group: iv.group });

  const report = computeAudit(joinScores(interviews, scores), {
    alpha,
    excludeSmallFromReference: !flags.has('keep-small-reference'),
  });
  const md = renderAuditMarkdown(report, { source: `${report.n} candidates from ${data}, scores from ${scoresPath}` });

  const json = flags.get('json');
  if (json !== undefined) await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  const mdOut = flags.get('md');
  if (mdOut !== undefined) await writeFile(mdOut, md);
  else stdout.write(md);
  stderr.write(
    [
      `audited ${report.n} candidates (median ${report.median.toPrecision(6)}, ${report.unknown} with`,
      `unknown sex or race): ${report.findings.length} flagged`,
      `categor${report.findings.length === 1 ? 'y' : 'ies'}\n`,
    ].join(' '),
  );
  return 0;
}
