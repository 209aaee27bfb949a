// The text modality of HireNet against the independent float64 forward pass: an answer's rows are
// its words' 100-d vectors (answerTextRows), read by the same contract as descriptor windows.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { HireNetModel } from '@hirenet/sdk/internal/model/hirenet-model';
import type { InterviewInput, InterviewOutput } from '@hirenet/sdk/internal/model/types';
import { answerTextRows } from '@hirenet/sdk/internal/text/answer-text';
import { embedText } from '@hirenet/sdk/internal/text/embed';
import type { Vocabulary } from '@hirenet/sdk/internal/text/vocabulary';
import { loadVocabularyFromDir } from '@hirenet/research/internal/text/vocabulary-node';
import { forwardInterview, type HireNetConfig, type Weights } from './float64-hirenet.ts';

const CONFIG: HireNetConfig = {
  inputDim: 100,
  wordDim: 100,
  lowUnits: 6,
  contextUnits: 5,
  highUnits: 4,
  attentionDim: 7,
  highAttentionDim: 3,
  variant: 'hirenet',
};
const TOL = 1e-4;

const ANSWERS = [
  'I led the migration of our billing system and wrote the tests first.',
  "We didn't have a budget, so I scheduled the work in two-week steps.",
  'Yes.',
  'Our team reviewed every customer call each Friday and kept a list of what to change next quarter.',
];

let vocab: Vocabulary;
let model: HireNetModel;
let weights: Weights;

beforeAll(async () => {
  await tf.setBackend('cpu');
  vocab = await loadVocabularyFromDir();
  model = HireNetModel.random(CONFIG, 17);
  weights = Object.fromEntries(
    Object.entries(model.getWeights()).map(([k, w]) => [k, { shape: [...w.shape], data: Array.from(w.data) }]),
  );
});

function interview(answers: readonly string[]): InterviewInput {
  return {
    jobTitle: embedText(vocab, 'Customer Support Engineer'),
    questions: answers.map((_, i) => embedText(vocab, i % 2 === 0 ? 'Tell me about a project.' : 'Why this role?')),
    answers: answers.map((a) => answerTextRows(vocab, a).rows),
  };
}

function float64(iv: InterviewInput): ReturnType<typeof forwardInterview> {
  const rows = (m: readonly (readonly number[])[] | Float32Array[]): number[][] => m.map((r) => Array.from(r));
  return forwardInterview(CONFIG, weights, {
    jobTitle: rows(iv.jobTitle),
    questions: iv.questions.map(rows),
    answers: iv.answers.map((a) => rows(a ?? [])),
  });
}

function maxDiff(a: InterviewOutput, b: { score: number; answerAttention: number[][]; questionAttention: number[] }) {
  let d = Math.abs(a.score - b.score);
  a.questionAttention.forEach((w, i) => (d = Math.max(d, Math.abs(w - (b.questionAttention[i] ?? NaN)))));
  a.answerAttention.forEach((row, i) => {
    expect(row).toHaveLength(b.answerAttention[i]?.length ?? -1);
    row.forEach((w, t) => (d = Math.max(d, Math.abs(w - (b.answerAttention[i]?.[t] ?? NaN)))));
  });
  return d;
}

describe('text modality: words as rows', () => {
  it('one row per known word, each the vocabulary vector, with its source word and times', () => {
    const timed = answerTextRows(vocab, [
      { word: "didn't", start: 0.5, end: 0.9 },
      { word: 'Schedule', start: 1, end: 1.4 },
    ]);
    expect(timed.words.map((w) => w.token)).toEqual(['did', 'not', 'schedule']);
    expect(timed.words.map((w) => [w.index, w.start, w.end])).toEqual([
      [0, 0.5, 0.9],
      [0, 0.5, 0.9],
      [1, 1, 1.4],
    ]);
    expect(timed.rows[2]).toEqual(Array.from(vocab.vectorAt(vocab.indexOf('schedule'))));
    // The same words as plain text give the same rows, without times.
    const plain = answerTextRows(vocab, "didn't Schedule");
    expect(plain.rows).toEqual(timed.rows);
    expect(plain.words.every((w) => w.start === null && w.end === null)).toBe(true);
  });

  it('matches the float64 re-implementation on a padded batch of uneven transcripts', async () => {
    const batch = [interview(ANSWERS), interview(ANSWERS.slice(2, 3)), interview(ANSWERS.slice(1, 3).reverse())];
    const lengths = batch.flatMap((iv) => iv.answers.map((a) => a?.length ?? 0));
    expect(Math.max(...lengths)).toBeGreaterThan(15); // padding really happens
    const got = await model.predict(batch);
    const diffs = batch.map((iv, b) => maxDiff(got[b] as InterviewOutput, float64(iv)));
    expect(Math.max(...diffs)).toBeLessThan(TOL);
  });

  it('is invariant to padding: alone or beside longer answers, the same output', async () => {
    const short = interview(['Yes, I did.']);
    const [alone] = await model.predict([short]);
    const [, beside] = await model.predict([interview(ANSWERS), short]);
    expect(maxDiff(alone as InterviewOutput, beside as InterviewOutput)).toBeLessThan(1e-6);
  });

  it('is invariant to unknown words (skipped, as for questions): same rows, same score', async () => {
    const clean = 'We shipped the release on time.';
    const noisy = 'We xqzvbt shipped the zzyzxqq release on time blorfwick.';
    expect(answerTextRows(vocab, noisy).rows).toEqual(answerTextRows(vocab, clean).rows);
    const [a, b] = await model.predict([interview([clean]), interview([noisy])]);
    expect(Math.abs((a as InterviewOutput).score - (b as InterviewOutput).score)).toBe(0);
    // A transcript of unknown words only is a missing answer: the question still counts.
    expect(answerTextRows(vocab, 'xqzvbt zzyzxqq').rows).toEqual([]);
    const [missing] = await model.predict([interview(['xqzvbt zzyzxqq', clean])]);
    expect((missing as InterviewOutput).answerAttention[0]).toEqual([]);
  });

  it('leaks no tensor across predictions, padding and a training-style forward pass', async () => {
    const before = tf.memory().numTensors;
    for (let k = 0; k < 3; k++) await model.predict([interview(ANSWERS), interview(ANSWERS.slice(0, 1))]);
    tf.tidy(() => {
      model.forwardBatch(model.pad([interview(ANSWERS)]));
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a transcript that is neither text nor a word list with a typed error', () => {
    expect(() => answerTextRows(vocab, 42 as unknown as string)).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
    expect(() => answerTextRows(vocab, [{ start: 1 }] as unknown as [])).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
  });
});

describe('text modality with answer length (config.lengthInput)', () => {
  it.each(['hirenet', 'hn_avg', 'bigru'] as const)(
    '%s matches the float64 re-implementation on a padded batch, and stays padding-invariant',
    async (variant) => {
      const config: HireNetConfig = { ...CONFIG, variant, lengthInput: true };
      const before = tf.memory().numTensors;
      const m = HireNetModel.random(config, 23, { biasScale: 0.1 });
      const w: Weights = Object.fromEntries(
        Object.entries(m.getWeights()).map(([k, x]) => [k, { shape: [...x.shape], data: Array.from(x.data) }]),
      );
      try {
        expect(w['classifier/kernel']?.shape).toEqual([variant === 'bigru' ? 13 : 9, 1]);
        const batch = [interview(ANSWERS), interview(ANSWERS.slice(2, 3)), interview(ANSWERS.slice(1, 3).reverse())];
        const got = await m.predict(batch);
        const rows = (x: readonly (readonly number[])[] | Float32Array[]): number[][] => x.map((r) => Array.from(r));
        const diffs = batch.map((iv, b) => {
          const want = forwardInterview(config, w, {
            jobTitle: rows(iv.jobTitle),
            questions: iv.questions.map(rows),
            answers: iv.answers.map((a) => rows(a ?? [])),
          });
          return variant === 'bigru'
            ? Math.abs((got[b] as InterviewOutput).score - want.score)
            : maxDiff(got[b] as InterviewOutput, want);
        });
        expect(Math.max(...diffs)).toBeLessThan(TOL);
        const [alone] = await m.predict([interview(['Yes, I did.'])]);
        const [, beside] = await m.predict([interview(ANSWERS), interview(['Yes, I did.'])]);
        expect(Math.abs((alone as InterviewOutput).score - (beside as InterviewOutput).score)).toBeLessThan(1e-6);
      } finally {
        m.dispose();
      }
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it('refuses a lengthInput that is not a boolean with a typed error', () => {
    expect(() => HireNetModel.random({ ...CONFIG, lengthInput: 'yes' as unknown as boolean }, 1)).toThrow(
      expect.objectContaining({ code: 'invalid-config' }),
    );
  });
});
