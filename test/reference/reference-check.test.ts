// The project's `hirenet reference` output, recomputed by the independent float64 implementation.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareReference, describeShape, validateReference, type ReferenceFile } from './check-reference.ts';
import { forwardInterview } from './float64-hirenet.ts';
import { randomInterview, randomWeights, smallConfig } from './fixtures.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cliSource = join(root, 'packages/cli/src/reference.ts');
const TOL = 1e-4;

/** A reference file made by this side (outputs rounded to float32), to test the checker itself. */
function fixture(): ReferenceFile {
  const cfg = smallConfig;
  const weights = randomWeights(cfg, 21);
  const shapes: [number[], number[]][] = [
    [[2], [3]],
    [
      [260, 0, 7, 1, 12],
      [1, 4, 2, 6, 3],
    ],
    [
      [5, 9, 3],
      [2, 2, 5],
    ],
    [
      [40, 1, 2, 3, 4, 300],
      [3, 1, 1, 2, 2, 7],
    ],
  ];
  const interviews = shapes.map(([lens, words], k) => {
    const inputs = randomInterview(cfg, 100 + k, lens, words, k + 1);
    const o = forwardInterview(cfg, weights, inputs);
    const f = Math.fround;
    const outputs = {
      score: f(o.score),
      answerAttention: o.answerAttention.map((a) => a.map(f)),
      questionAttention: o.questionAttention.map(f),
    };
    return { inputs, outputs };
  });
  return { format: 'hirenet-reference/1', config: { ...cfg }, weights, interviews };
}

describe('reference checker on a self-made fixture', () => {
  it('accepts float32-rounded outputs of the same forward pass', () => {
    const file = fixture();
    expect(validateReference(file)).toEqual([]);
    const d = compareReference(file);
    expect(d.maxDiff).toBeLessThan(1e-6);
    expect(d.perInterview).toHaveLength(4);
  });

  it('flags a single attention weight off by 2e-4, a wrong score, and a wrong length', () => {
    const file = fixture();
    const a = file.interviews[3]!.outputs.answerAttention[5]!;
    a[123] = a[123]! + 2e-4;
    expect(compareReference(file).maxAnswerAttentionDiff).toBeGreaterThan(TOL);
    file.interviews[0]!.outputs.score += 0.01;
    expect(compareReference(file).maxScoreDiff).toBeGreaterThan(TOL);
    file.interviews[2]!.outputs.questionAttention.pop();
    expect(() => compareReference(file)).toThrow(/questions/);
  });

  it('validation flags files that do not cover the issue-2 shapes', () => {
    const file = fixture();
    file.format = 'hirenet-reference/0';
    file.interviews = file.interviews.slice(0, 3).filter((iv) => iv.inputs.questions.length !== 1);
    const problems = validateReference(file).join('\n');
    expect(problems).toMatch(/format/);
    expect(problems).toMatch(/want ≥ 4/);
    expect(problems).toMatch(/1 question/);
  });
});

/** Swaps the z and r column blocks of a GRU's kernel, recurrentKernel and bias (a gate-order mistake). */
function swapZr(file: ReferenceFile, prefix: string): ReferenceFile {
  const weights = { ...file.weights };
  for (const part of ['kernel', 'recurrentKernel', 'bias']) {
    const t = weights[`${prefix}/${part}`]!;
    const cols = t.shape[t.shape.length - 1]!;
    const u = cols / 3;
    const data = t.data.map((v, i) => {
      const c = i % cols;
      const src = c < u ? i + u : c < 2 * u ? i - u : i;
      return t.data[src] ?? v;
    });
    weights[`${prefix}/${part}`] = { shape: t.shape, data };
  }
  return { ...file, weights };
}

describe.skipIf(!existsSync(cliSource))('hirenet reference --seed 11 vs float64 re-implementation', () => {
  let file: ReferenceFile;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hirenet-ref-'));
    const out = join(dir, 'r.json');
    try {
      await promisify(execFile)('node', ['packages/cli/bin/hirenet.js', 'reference', '--seed', '11', '--out', out], {
        cwd: root,
        timeout: 300_000,
        maxBuffer: 64 * 1024 * 1024,
      });
      file = JSON.parse(readFileSync(out, 'utf8')) as ReferenceFile;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('has the format and the shapes issue 2 asks for', () => {
    expect(validateReference(file)).toEqual([]);
  });

  it('agrees to 1e-4 on every score and attention weight', () => {
    const d = compareReference(file);
    const s = describeShape(file);
    console.log(
      `reference --seed 11: ${file.interviews.length} interviews, questions ${JSON.stringify(s.questionCounts)}, ` +
        `answer lengths ${JSON.stringify(s.answerLengths)}, question words ${JSON.stringify(s.questionWordCounts)}, ` +
        `title words ${JSON.stringify(s.titleWordCounts)}\n` +
        `max |Δ| score ${d.maxScoreDiff.toExponential(3)}, ` +
        `answer attention ${d.maxAnswerAttentionDiff.toExponential(3)}, ` +
        `question attention ${d.maxQuestionAttentionDiff.toExponential(3)}\n` +
        d.perInterview
          .map((p, k) => `  #${k}: score ${p.expected.toFixed(6)} |Δ| ${p.score.toExponential(2)}`)
          .join('\n'),
    );
    expect(d.maxScoreDiff).toBeLessThanOrEqual(TOL);
    expect(d.maxAnswerAttentionDiff).toBeLessThanOrEqual(TOL);
    expect(d.maxQuestionAttentionDiff).toBeLessThanOrEqual(TOL);
  });

  it('is discriminating: a z|r gate-order mistake in a GRU is far outside the tolerance', () => {
    for (const prefix of ['lowEncoder/forward', 'lowEncoder/backward', 'highEncoder/backward']) {
      const d = compareReference(swapZr(file, prefix));
      expect(d.maxDiff, prefix).toBeGreaterThan(10 * TOL);
    }
  });
});
