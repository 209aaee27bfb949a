/**
 * Scores a text dataset with a trained text model, reading the word vectors from --vocab (the pilot
 * bench pins the vocabulary it trained with, `hirenet train --vocab DIR`; `hirenet predict` reads
 * the checkout's). Same encoding and batching as `hirenet predict`; writes {id, score} lines.
 *   node --conditions=source --import tsx packages/research/src/fi-v2/pilot-predict.ts \
 *     --data DIR --model DIR --vocab DIR --out FILE
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Standardizer } from '@hirenet/sdk/internal/model/standardize';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { loadDataset } from '../dataset/read-node.ts';
import { loadModelFromDir } from '../index.ts';
import { initBackendNode } from '../node-backend.ts';
import { loadVocabularyFromDir } from '../text/vocabulary-node.ts';
import { encodeInterview, WordEmbedder } from '../train/encode.ts';
import { predictEncoded } from '../train/trainer.ts';

const { values } = parseArgs({
  options: { data: { type: 'string' }, model: { type: 'string' }, vocab: { type: 'string' }, out: { type: 'string' } },
});
if (!values.data || !values.model || !values.out)
  throw new HireNetError('usage', 'usage: pilot-predict.ts --data DIR --model DIR [--vocab DIR] --out FILE');
await initBackendNode('wasm');
const model = await loadModelFromDir(values.model);
const features = model.metadata['features'] as { standardizer: Standardizer };
const words = new WordEmbedder(await loadVocabularyFromDir(values.vocab));
const { interviews } = await loadDataset(values.data);
const outputs = await predictEncoded(
  model,
  interviews.map((iv) => encodeInterview(iv, 'text', features.standardizer, words)),
);
model.dispose();
await writeFile(
  values.out,
  interviews.map((iv, i) => `${JSON.stringify({ id: iv.id, score: outputs[i]?.score })}\n`).join(''),
);
