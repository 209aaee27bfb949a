import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hirenet } from './run-cli.ts';

let dir = '';

/**
 * A SimInterview text draw rewritten the way outside checks write a dataset: the bare manifest
 * `{"format","modalities":{"text":["words"]}}` and answers carrying only a plain `text`.
 */
async function plainTextCopy(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  await writeFile(join(to, 'manifest.json'), '{"format":"hirenet-dataset/1","modalities":{"text":["words"]}}');
  const lines = (await readFile(join(from, 'interviews.jsonl'), 'utf8')).trim().split('\n');
  const out = lines.map((l) => {
    const iv = JSON.parse(l) as {
      id: string;
      cleanLabel: number;
      jobTitle: string;
      questions: string[];
      answers: { words: { word: string }[] }[];
    };
    const answers = iv.answers.map((a) => ({ text: a.words.map((w) => w.word).join(' ') }));
    return JSON.stringify({ id: iv.id, label: iv.cleanLabel, jobTitle: iv.jobTitle, questions: iv.questions, answers });
  });
  await writeFile(join(to, 'interviews.jsonl'), `${out.join('\n')}\n`);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hirenet-train-text-'));
  for (const [name, seed, n] of [
    ['sim', '21', '150'],
    ['fresh', '22', '80'],
  ] as const) {
    const args = ['--seed', seed, '--interviews', n, '--modalities', 'text', '--answers', '1', '--label-noise', '0'];
    const sim = await hirenet('simulate', '--out', join(dir, name), ...args);
    expect(sim.code, sim.stderr).toBe(0);
  }
  await plainTextCopy(join(dir, 'sim'), join(dir, 'data'));
}, 60_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('hirenet train --modality text', () => {
  it('trains on a 150-interview plain-text set (80/20, no test split) and predicts a fresh draw', async () => {
    const model = join(dir, 'model');
    const train = await hirenet('train', '--data', join(dir, 'data'), '--modality', 'text', '--out', model);
    expect(train.code, train.stderr).toBe(0);
    expect(train.stderr).toMatch(/150 interviews: 120 train \/ 30 validation \/ 0 test; 100-d word vectors/);
    const meta = JSON.parse(await readFile(join(model, 'model.json'), 'utf8')) as {
      hirenet: {
        config: { inputDim: number; lengthInput?: boolean };
        metadata: { features: { modality: string; text: unknown } };
      };
    };
    expect(meta.hirenet.config.inputDim).toBe(100);
    expect(meta.hirenet.config.lengthInput).toBe(true); // the text default (docs/text.md, "Answer length")
    expect(meta.hirenet.metadata.features.modality).toBe('text');
    expect(meta.hirenet.metadata.features.text).toEqual({ unknown: 'skip' });

    // The fresh draw keeps its timed `words`: the model reads both forms of a transcript.
    const evaluated = await hirenet('eval', '--data', join(dir, 'fresh'), '--model', model, '--json');
    expect(evaluated.code, evaluated.stderr).toBe(0);
    const m = JSON.parse(evaluated.stdout) as { auc: number; attention: { hitRate: number } };
    // The label is the order of two words that every answer holds: only a sequence model finds it.
    expect(m.auc).toBeGreaterThan(0.85);
    expect(m.attention.hitRate).toBeGreaterThan(0.6);

    const out = join(dir, 'pred.jsonl');
    const predicted = await hirenet('predict', '--data', join(dir, 'fresh'), '--model', model, '--out', out);
    expect(predicted.code, predicted.stderr).toBe(0);
    const first = JSON.parse((await readFile(out, 'utf8')).split('\n')[0] as string) as {
      answerAttention: number[][];
    };
    const words = (
      JSON.parse((await readFile(join(dir, 'fresh', 'interviews.jsonl'), 'utf8')).split('\n')[0] as string).answers[0]
        .words as unknown[]
    ).length;
    // Every sim word is one vocabulary token: one attention weight per word.
    expect(first.answerAttention[0]).toHaveLength(words);
  }, 240_000);

  it('refuses a transcript that is not a string with a line-numbered dataset error', async () => {
    const bad = join(dir, 'bad');
    await mkdir(bad, { recursive: true });
    await writeFile(join(bad, 'manifest.json'), '{"format":"hirenet-dataset/1","modalities":{"text":["words"]}}');
    const line = { id: 'a', label: 1, jobTitle: 'Clerk', questions: ['Why?'], answers: [{ text: 42 }] };
    await writeFile(join(bad, 'interviews.jsonl'), `${JSON.stringify(line)}\n`);
    const r = await hirenet('train', '--data', bad, '--modality', 'text', '--out', join(dir, 'never'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line 1: answers\[0\]\.text must be a string/);
  }, 60_000);
});
