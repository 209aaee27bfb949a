import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exists, hirenet } from './run-cli.ts';
import { handDataset } from '../../packages/research/src/audit/testing/hand-dataset.ts';

let dir = '';

// The 60-candidate hand-computed audit (packages/research/src/audit/testing/hand-dataset.ts) written
// as a hirenet-dataset/1 directory and a `hirenet predict`-style scores file.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hirenet-audit-'));
  await mkdir(join(dir, 'data'));
  await writeFile(
    join(dir, 'data', 'manifest.json'),
    JSON.stringify({
      format: 'hirenet-dataset/1',
      windowSeconds: 0.5,
      hopSeconds: 0.25,
      modalities: { audio: ['f0'] },
    }),
  );
  const records = handDataset();
  const interviews = records.map((r) => {
    const group =
      r.sex === undefined && r.race === undefined
        ? {}
        : {
            group: {
              ...(r.sex === undefined ? {} : { sex: r.sex }),
              ...(r.race === undefined ? {} : { race: r.race }),
            },
          };
    return JSON.stringify({
      id: r.id,
      label: 0,
      jobTitle: 'Clerk',
      questions: ['Why?'],
      answers: [{ audio: [[1]] }],
      ...group,
    });
  });
  await writeFile(join(dir, 'data', 'interviews.jsonl'), `${interviews.join('\n')}\n`);
  // Reverse order: the join is by id, not by line.
  const scores = records
    .map((r) => JSON.stringify({ id: r.id, score: r.score, questionAttention: [1], answerAttention: [[1]] }))
    .reverse();
  await writeFile(join(dir, 'scores.jsonl'), `${scores.join('\n')}\n`);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('hirenet audit', () => {
  it('writes the JSON and markdown reports with the hand-computed numbers', async () => {
    const r = await hirenet(
      'audit',
      '--data',
      join(dir, 'data'),
      '--scores',
      join(dir, 'scores.jsonl'),
      '--json',
      join(dir, 'audit.json'),
      '--md',
      join(dir, 'audit.md'),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'audited 60 candidates (median 0.500000, 5 with unknown sex or race): 9 flagged categories',
    );
    const report = JSON.parse(await readFile(join(dir, 'audit.json'), 'utf8'));
    expect(report).toMatchObject({ median: 0.5, unknown: 5, n: 60, above: 28 });
    expect(report.categories.sex.Female).toMatchObject({ n: 30, above: 11, flag: true });
    expect(report.categories.sex.Female.rate).toBeCloseTo(11 / 30, 12);
    expect(report.categories.sex.Female.impactRatio).toBeCloseTo(297 / 480, 12);
    expect(report.categories.race['Black or African American'].impactRatio).toBeCloseTo(7 / 12, 12);
    expect(report.categories.race['Native Hawaiian or Other Pacific Islander'].flags).toEqual(['under-2-percent']);
    expect(report.categories.intersection['Female|Black or African American'].impactRatio).toBeCloseTo(14 / 45, 12);
    expect(report.categories.intersection['Female|Black or African American'].flags).toEqual([
      'below-four-fifths',
      'significant',
    ]);
    const md = await readFile(join(dir, 'audit.md'), 'utf8');
    expect(md).toContain('| Female | 30 | 50.0 % | 11 | 36.7 % | 0.619 | 0.114 | ratio < 0.8 |');
    expect(r.stdout).toBe('');
  });

  it('prints markdown to stdout without --md', async () => {
    const r = await hirenet('audit', '--data', join(dir, 'data'), '--scores', join(dir, 'scores.jsonl'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('# Bias audit');
  });

  it('refuses scores whose ids do not match the dataset, and writes nothing', async () => {
    const extra = join(dir, 'extra.jsonl');
    await writeFile(extra, `${await readFile(join(dir, 'scores.jsonl'), 'utf8')}{"id":"stranger","score":0.3}\n`);
    const r = await hirenet('audit', '--data', join(dir, 'data'), '--scores', extra, '--json', join(dir, 'never.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'ids differ between --data and --scores: 1 score(s) in --scores name no interview in --data ("stranger")',
    );
    expect(await exists(join(dir, 'never.json'))).toBe(false);
  });

  it('prints usage without --scores', async () => {
    const r = await hirenet('audit', '--data', join(dir, 'data'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: hirenet audit');
  });
});
