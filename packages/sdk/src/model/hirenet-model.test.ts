import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HireNetInputError, ModelIntegrityError } from '../util/errors.ts';
import { HireNetModel } from './hirenet-model.ts';
import { TINY, UNEVEN_SHAPES, unevenInterviews } from './testing/fixtures.ts';
import type { HireNetVariant, InterviewInput, InterviewOutput } from './types.ts';
import { weightSpecs } from './weight-spec.ts';

const VARIANTS: HireNetVariant[] = ['hirenet', 'hn_satt', 'hn_avg', 'bigru'];
const interviews = unevenInterviews(3, TINY, UNEVEN_SHAPES);

function expectSameOutput(a: InterviewOutput | undefined, b: InterviewOutput | undefined, tol = 1e-6): void {
  expect(a).toBeDefined();
  expect(b).toBeDefined();
  if (a === undefined || b === undefined) return;
  expect(Math.abs(a.score - b.score)).toBeLessThanOrEqual(tol);
  expect(a.questionAttention.length).toBe(b.questionAttention.length);
  a.questionAttention.forEach((w, i) => expect(Math.abs(w - (b.questionAttention[i] ?? NaN))).toBeLessThanOrEqual(tol));
  a.answerAttention.forEach((row, i) => {
    expect(row.length).toBe(b.answerAttention[i]?.length);
    row.forEach((w, t) => expect(Math.abs(w - (b.answerAttention[i]?.[t] ?? NaN))).toBeLessThanOrEqual(tol));
  });
}

let tensorsBefore = 0;
beforeEach(() => (tensorsBefore = tf.memory().numTensors));
afterEach(() => expect(tf.memory().numTensors).toBe(tensorsBefore));

describe.each(VARIANTS)('HireNetModel (%s)', (variant) => {
  it('gives each interview the same result alone, in a padded batch, and in any order', async () => {
    const model = HireNetModel.random({ ...TINY, variant }, 7, { biasScale: 0.2 });
    const batched = await model.predict(interviews);
    const reversed = await model.predict([...interviews].reverse());
    for (const [i, iv] of interviews.entries()) {
      const [alone] = await model.predict([iv]);
      expectSameOutput(alone, batched[i]);
      expectSameOutput(reversed[interviews.length - 1 - i], batched[i]);
    }
    model.dispose();
  });

  it('returns scores in (0, 1) and attention that sums to 1 over real steps only', async () => {
    const model = HireNetModel.random({ ...TINY, variant }, 8);
    const outputs = await model.predict(interviews);
    outputs.forEach((out, b) => {
      expect(out.score).toBeGreaterThan(0);
      expect(out.score).toBeLessThan(1);
      if (variant === 'bigru') {
        expect(out.answerAttention).toEqual([]);
        return;
      }
      const iv = interviews[b] as InterviewInput;
      expect(out.questionAttention.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 5);
      out.answerAttention.forEach((row, i) => {
        expect(row.length).toBe(iv.answers[i]?.length);
        expect(row.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 5);
      });
    });
    model.dispose();
  });

  it('accepts answers whose modality is missing (null or empty) and ignores their content', async () => {
    const model = HireNetModel.random({ ...TINY, variant }, 9, { biasScale: 0.1 });
    const base = interviews[2] as InterviewInput;
    const withNull: InterviewInput = { ...base, answers: base.answers.map((a, i) => (i === 1 ? null : a)) };
    const withEmpty: InterviewInput = { ...base, answers: base.answers.map((a, i) => (i === 1 ? [] : a)) };
    const [a, b, full] = await model.predict([withNull, withEmpty, base]);
    expectSameOutput(a, b, 0);
    expect(Number.isFinite(a?.score)).toBe(true);
    expect(a?.score).not.toBe(full?.score);
    if (variant !== 'bigru') expect(a?.answerAttention[1]).toEqual([]);
    model.dispose();
  });
});

describe('HireNetModel weights and errors', () => {
  it('owns exactly the weights the contract lists for each variant', () => {
    for (const variant of VARIANTS) {
      const model = HireNetModel.random({ ...TINY, variant }, 1);
      expect(Object.keys(model.getWeights())).toEqual(weightSpecs(model.config).map((s) => s.name));
      model.dispose();
    }
    const names = weightSpecs({ ...TINY, variant: 'hirenet' }).map((s) => s.name);
    expect(names).toContain('lowAttention/contextKernel');
    expect(weightSpecs({ ...TINY, variant: 'hn_satt' }).map((s) => s.name)).not.toContain('lowAttention/contextKernel');
  });

  it('refuses misshapen, missing and extra weights with ModelIntegrityError', () => {
    const weights = HireNetModel.random({ ...TINY, variant: 'hn_avg' }, 1);
    const plain = weights.getWeights();
    weights.dispose();
    const bad = { ...plain, 'classifier/bias': { shape: [2], data: new Float32Array(2) } };
    expect(() => HireNetModel.fromWeights({ ...TINY, variant: 'hn_avg' }, bad)).toThrow(ModelIntegrityError);
    const { 'classifier/bias': _, ...missing } = plain;
    expect(() => HireNetModel.fromWeights({ ...TINY, variant: 'hn_avg' }, missing)).toThrow(
      /classifier\/bias is missing/,
    );
    const extra = { ...plain, 'foo/bar': { shape: [1], data: new Float32Array(1) } };
    expect(() => HireNetModel.fromWeights({ ...TINY, variant: 'hn_avg' }, extra)).toThrow(/foo\/bar/);
  });

  it('names the bad value in a typed input error', async () => {
    const model = HireNetModel.random({ ...TINY, variant: 'hirenet' }, 1);
    const iv = interviews[1] as InterviewInput;
    const short: InterviewInput = { ...iv, answers: [iv.answers[0] ?? null, [[1, 2, 3]], iv.answers[2] ?? null] };
    await expect(model.predict([short])).rejects.toThrow(HireNetInputError);
    await expect(model.predict([short])).rejects.toThrow('interviews[0].answers[1][0]: expected 5 values, got 3');
    const nan: InterviewInput = { ...iv, jobTitle: [[0, NaN, 0, 0]] };
    await expect(model.predict([nan])).rejects.toThrow('interviews[0].jobTitle[0][1]');
    await expect(model.predict([{ ...iv, answers: [] }])).rejects.toThrow('0 answers for 3 questions');
    await expect(model.predict([])).rejects.toThrow(HireNetInputError);
    model.dispose();
    const bigru = HireNetModel.random({ ...TINY, variant: 'bigru' }, 1);
    await expect(bigru.predict([{ ...iv, answers: [null, [], null] }])).rejects.toThrow(
      'needs at least one non-empty answer',
    );
    bigru.dispose();
    expect(() => model.getWeights()).toThrow(/disposed/);
  });
});
