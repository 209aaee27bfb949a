/**
 * Whether a text model's attention can be read. `hirenet train --modality text` starts the
 * classifier as a logistic fit on answer length (lengthInput + length start, docs/text.md); an
 * epoch replaces that start only when it beats it on validation. A model that kept the start
 * (`training.bestEpoch === 0`) is its random initial weights plus the length row: its score is the
 * length model's, but its word and question attention were never trained, so key words and text
 * key moments from it would be noise shown as insight.
 */
import type { HireNetModel } from '../model/hirenet-model.ts';
import type { SessionWarning } from './types.ts';

/**
 * True only for a model with `config.lengthInput` whose metadata records `training.bestEpoch` 0. A
 * model without lengthInput (the paper's) or without training metadata behaves as before.
 */
export function textAttentionUntrained(model: Pick<HireNetModel, 'config' | 'metadata'>): boolean {
  if (model.config.lengthInput !== true) return false;
  const training = model.metadata['training'];
  if (typeof training !== 'object' || training === null) return false;
  return (training as { readonly bestEpoch?: unknown }).bestEpoch === 0;
}

/** The result's warning when the text model's attention was not trained (one per result). */
export const TEXT_ATTENTION_UNTRAINED: SessionWarning = {
  code: 'text-attention-untrained',
  modality: 'text',
  message:
    'the text model kept its length start (best epoch 0), so its word attention was not trained: ' +
    'the text score is used, key words are withheld and the words do not place key moments',
};
