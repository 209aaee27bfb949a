import { mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exists, flags, hirenet, simulate } from './run-cli.ts';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hirenet-train-'));
  // Single-answer interviews with strong events: learnable in a few seconds, so the test checks
  // that the whole pipeline learns, not just that it runs.
  const learnable = { modalities: 'audio', answers: 1, windows: '30-50', 'event-strength': 3, 'label-noise': 0 };
  await simulate(join(dir, 'data'), { seed: 8, interviews: 300, ...learnable });
  await simulate(join(dir, 'fresh'), { seed: 9, interviews: 80, ...learnable });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('hirenet train / eval / predict', () => {
  it('trains, then eval and predict on a fresh draw find the label and the planted events', async () => {
    const model = join(dir, 'model');
    const data = join(dir, 'data');
    const train = await hirenet(
      'train',
      ...flags({ data, modality: 'audio', out: model, units: 8, epochs: 15, lr: 0.01, seed: 2 }),
    );
    expect(train.code, train.stderr).toBe(0);
    expect(train.stderr).toMatch(/epoch +1 +loss/);
    const json = JSON.parse(await readFile(join(model, 'model.json'), 'utf8'));
    expect(json.hirenet.metadata.features.modality).toBe('audio');
    expect(json.hirenet.metadata.features.standardizer.names).toHaveLength(45);

    const evaluation = await hirenet('eval', '--data', join(dir, 'fresh'), '--model', model, '--json');
    expect(evaluation.code, evaluation.stderr).toBe(0);
    const metrics = JSON.parse(evaluation.stdout);
    console.log(
      [
        `[train-cli] fresh draw: F1 ${metrics.f1.toFixed(3)}, AUC ${metrics.auc.toFixed(3)}, attention`,
        `hit ${metrics.attention.hitRate.toFixed(3)}`,
      ].join(' '),
    );
    expect(metrics.n).toBe(80);
    expect(metrics.f1).toBeGreaterThan(0.8);
    // Chance: an event of 2–16 windows (±1) in a 30–50-window answer ≈ 0.27.
    expect(metrics.attention.hitRate).toBeGreaterThan(0.6);

    const out = join(dir, 'pred.jsonl');
    const predict = await hirenet('predict', '--data', join(dir, 'fresh'), '--model', model, '--out', out);
    expect(predict.code, predict.stderr).toBe(0);
    const lines = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(80);
    expect(Object.keys(lines[0])).toEqual(['id', 'score', 'questionAttention', 'answerAttention']);
    expect(lines[0].answerAttention[0].reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 4);
  });

  it('names the bad line and writes no model when the data is malformed', async () => {
    const bad = join(dir, 'bad');
    await simulate(bad, { seed: 3, interviews: 20, modalities: 'audio', answers: 1, windows: '30-40' });
    await appendFile(
      join(bad, 'interviews.jsonl'),
      '{"id": "broken", "label": 1, "jobTitle": "x", "questions": ["q"], "answers": [{"audio": [[1, 2]]}]}\n',
    );
    const r = await hirenet('train', '--data', bad, '--modality', 'audio', '--out', join(dir, 'never'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('interviews.jsonl line 21: answers[0].audio[0] has 2 features, the manifest lists 45');
    expect(await exists(join(dir, 'never'))).toBe(false);
    await writeFile(
      join(bad, 'interviews.jsonl'),
      '{"id": "e", "label": 0, "jobTitle": "x", "questions": [], "answers": []}\n',
    );
    const empty = await hirenet('train', '--data', bad, '--modality', 'audio', '--out', join(dir, 'never'));
    expect(empty.stderr).toContain('line 1: "answers" is empty');
    expect(await exists(join(dir, 'never'))).toBe(false);
  });
});
