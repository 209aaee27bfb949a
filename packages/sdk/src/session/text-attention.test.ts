import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, describe, expect, it } from 'vitest';
import { HireNetModel, type ModelMetadata } from '../model/hirenet-model.ts';
import { decodeModel, encodeModel } from '../model/io.ts';
import { textStandardizer } from '../model/model-features.ts';
import { embedText } from '../text/embed.ts';
import { quantisePerVector } from '../text/quantise.ts';
import { parseTranscript } from '../text/transcript-parse.ts';
import { Vocabulary } from '../text/vocabulary.ts';
import { fuseOutputs } from './fusion.ts';
import { LOG_CODE } from './log-codes.ts';
import { assembleResult } from './scoring.ts';
import { textAttentionUntrained } from './text-attention.ts';
import { prepareText } from './text-result.ts';

const DIMS = 8;
const WORDS = ['negotiated', 'budgets', 'client', 'deadline', 'team', 'shipped', 'tell', 'deal', 'why', 'us'];
const vocab = new Vocabulary(
  WORDS,
  quantisePerVector(
    Float32Array.from({ length: WORDS.length * DIMS }, (_, i) => Math.sin(i * 0.7) + 0.3 * Math.cos(i * 1.3)),
    DIMS,
  ),
);
const CONFIG = {
  inputDim: DIMS,
  wordDim: DIMS,
  lowUnits: 4,
  contextUnits: 4,
  highUnits: 4,
  attentionDim: 4,
  highAttentionDim: 4,
  lengthInput: true,
};
const FEATURES = {
  modality: 'text',
  windowSeconds: 0.5,
  hopSeconds: 0.25,
  standardizer: textStandardizer(DIMS),
  vocab: { format: 'test', sha256: '0' },
  text: { unknown: 'skip' },
};
const models: HireNetModel[] = [];
function textModel(metadata: ModelMetadata, lengthInput = true): HireNetModel {
  const m = HireNetModel.random({ ...CONFIG, lengthInput }, 7, {}, { features: FEATURES, ...metadata });
  models.push(m);
  return m;
}
afterAll(() => {
  for (const m of models) m.dispose();
  expect(tf.memory().numTensors).toBe(0);
});

const said = ['negotiated', 'budgets', 'client', 'deadline', 'team', 'shipped', 'client', 'budgets'];
const transcript = parseTranscript(said.map((word, k) => ({ word, start: 0.5 * k, end: 0.5 * k + 0.4 })));
const questions = ['Tell us about a deal.', 'Why us?'];

async function score(model: HireNetModel) {
  const words = { jobTitle: embedText(vocab, 'team'), questions: questions.map((q) => embedText(vocab, q)) };
  const text = await prepareText(model, vocab, [transcript, null], [null, null], questions, words);
  const ctx = { modelVersion: 'test', backend: 'cpu', warnings: [], questionCount: 2 };
  return { text, result: assembleResult([], [null, null], ctx, text) };
}

describe('textAttentionUntrained (pure decision)', () => {
  const model = (lengthInput: boolean | undefined, metadata: ModelMetadata) => ({
    config: { ...CONFIG, variant: 'hirenet' as const, lengthInput },
    metadata,
  });
  it('is true only for lengthInput with training.bestEpoch exactly 0', () => {
    expect(textAttentionUntrained(model(true, { training: { bestEpoch: 0 } }))).toBe(true);
    expect(textAttentionUntrained(model(true, { training: { bestEpoch: 3 } }))).toBe(false);
    expect(textAttentionUntrained(model(false, { training: { bestEpoch: 0 } }))).toBe(false);
    expect(textAttentionUntrained(model(undefined, { training: { bestEpoch: 0 } }))).toBe(false);
  });
  it('a model without training metadata (the paper’s) or with an unreadable one behaves as before', () => {
    expect(textAttentionUntrained(model(true, {}))).toBe(false);
    expect(textAttentionUntrained(model(true, { training: null }))).toBe(false);
    expect(textAttentionUntrained(model(true, { training: {} }))).toBe(false);
    expect(textAttentionUntrained(model(true, { training: { bestEpoch: '0' } }))).toBe(false);
  });
  it('reads what a saved model.json carries (config.lengthInput, metadata.training) after loading', async () => {
    const saved = await encodeModel(textModel({ training: { bestEpoch: 0, validation: { auc: 0.64 } } }));
    const json = JSON.parse(JSON.stringify(saved.json)) as unknown;
    const loaded = await decodeModel(
      json,
      async (path) => saved.shards[saved.json.weightsManifest[0]!.paths.indexOf(path)]!,
    );
    models.push(loaded);
    expect(textAttentionUntrained(loaded)).toBe(true);
  });
  it('the warning code has an event-log code', () => {
    expect(LOG_CODE['text-attention-untrained']).toBe('other');
  });
});

describe('a session scored with a text model', () => {
  it('that kept its length start: text score used, key words empty, no text key moment, one warning', async () => {
    const { text, result } = await score(textModel({ training: { bestEpoch: 0 } }));
    expect(text.run?.attentionUntrained).toBe(true);
    expect(result.scores.text).toBeGreaterThan(0);
    expect(result.score).toBe(result.scores.text);
    expect(result.modelCard.modalities).toEqual(['text']);
    expect(result.transcripts?.[0]?.keyWords).toEqual([]);
    expect(result.transcripts?.[0]?.words.length).toBe(said.length);
    // Text was the only channel: nothing trained says where to look.
    expect(result.answerAttention[0]!.every((v) => v === 0)).toBe(true);
    expect(result.questionAttention).toEqual([0, 0]);
    expect(result.keyMoments).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(['text-attention-untrained']);
    expect(result.warnings[0]!.message).toMatch(/length start/);
    expect(result.answerWindows[0]!.scored.text).toBe(said.length);
  });

  it('whose best epoch is 3: key words and attention as before, no warning', async () => {
    const { text, result } = await score(textModel({ training: { bestEpoch: 3 } }));
    expect(text.run?.attentionUntrained).toBe(false);
    const kw = result.transcripts?.[0]?.keyWords ?? [];
    expect(kw.length).toBeGreaterThan(0);
    expect(kw.map((k) => k.word).every((w) => said.includes(w))).toBe(true);
    expect(result.answerAttention[0]!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(result.questionAttention.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(result.warnings).toEqual([]);
  });

  it('without lengthInput or without training metadata: key words as before', async () => {
    for (const m of [textModel({ training: { bestEpoch: 0 } }, false), textModel({})]) {
      const { result } = await score(m);
      expect(result.transcripts?.[0]?.keyWords.length).toBeGreaterThan(0);
      expect(result.warnings).toEqual([]);
    }
  });
});

describe('fusion with an untrained text attention', () => {
  it('fuses the text score but takes attention from the other channels only', () => {
    const text = {
      modality: 'text' as const,
      output: { score: 0.9, questionAttention: [0.2, 0.8], answerAttention: [[0.7, 0.3], []] },
      answers: [{ names: ['word'], rows: [[], []], windowIndex: [0, 1], totalWindows: 4 }, null],
      attentionUntrained: true,
    };
    const audio = {
      modality: 'audio' as const,
      output: { score: 0.3, questionAttention: [0.6, 0.4], answerAttention: [[0.1, 0.2, 0.3, 0.4], [1]] },
      answers: [
        { names: ['x'], rows: [[1], [1], [1], [1]], windowIndex: [0, 1, 2, 3], totalWindows: 4 },
        { names: ['x'], rows: [[1]], windowIndex: [0], totalWindows: 1 },
      ],
    };
    const f = fuseOutputs([audio, text], [4, 1]);
    expect(f.score).toBeCloseTo(0.6, 12);
    expect(f.scores).toEqual({ audio: 0.3, text: 0.9 });
    expect(f.questionAttention).toEqual([0.6, 0.4]);
    expect(f.answerAttention).toEqual([[0.1, 0.2, 0.3, 0.4], [1]]);
    // The same text output with trained attention is averaged in, as before.
    const g = fuseOutputs([audio, { ...text, attentionUntrained: false }], [4, 1]);
    expect(g.questionAttention[0]).toBeCloseTo(0.4, 12);
    expect(g.answerAttention[0]![0]).toBeCloseTo(0.4, 12);
  });
});
