import type { Modality } from '../dataset/format.ts';
import type { HireNetModel } from './hirenet-model.ts';
import { HireNetError } from '../util/errors.ts';
import type { Standardizer } from './standardize.ts';
import type { UnknownWordStrategy } from '../text/embed.ts';

/** What a trained model records about its inputs, so eval/predict/the SDK feed it the same way. */
export interface FeatureMetadata {
  readonly modality: Modality;
  readonly windowSeconds: number;
  readonly hopSeconds: number;
  readonly standardizer: Standardizer;
  /** The vocabulary the word vectors came from (format and sha256 of its vectors). */
  readonly vocab: { readonly format: string; readonly sha256: string };
  /** Text models: what became of unknown answer words (answer-text.ts). */
  readonly text?: { readonly unknown: UnknownWordStrategy };
}

/**
 * Text rows are word vectors fed as they are (the float64 reference reads the same rows), so a
 * text model's standardiser is the identity over the vector's dimensions.
 */
export function textStandardizer(dims: number): Standardizer {
  return {
    names: Array.from({ length: dims }, (_, i) => `wordVector${i}`),
    centre: 'none',
    mean: new Array<number>(dims).fill(0),
    std: new Array<number>(dims).fill(1),
  };
}

export function featureMetadata(model: HireNetModel): FeatureMetadata {
  const f = model.metadata['features'] as FeatureMetadata | undefined;
  if (f === undefined || f.standardizer === undefined || f.modality === undefined) {
    throw new HireNetError(
      'model-metadata',
      'this model records no feature metadata (modality, standardisation): was it trained with `hirenet train`?',
    );
  }
  return f;
}

/** Checks that a dataset's features are the ones the model was trained on, in the same order. */
export function assertSameFeatures(model: HireNetModel, names: readonly string[] | undefined): FeatureMetadata {
  const f = featureMetadata(model);
  if (f.modality === 'text') {
    // Text rows are made from the transcript with the model's vocabulary; the names only say so.
    if (names === undefined)
      throw new HireNetError('feature-mismatch', 'the dataset has no text modality; the model reads transcripts');
    return f;
  }
  const expected = f.standardizer.names;
  if (names === undefined)
    throw new HireNetError(
      'feature-mismatch',
      `the dataset has no ${f.modality} features; the model needs ${expected.length}`,
    );
  if (names.length !== expected.length || names.some((n, i) => n !== expected[i])) {
    const firstBad = names.findIndex((n, i) => n !== expected[i]);
    throw new HireNetError(
      'feature-mismatch',
      [
        `the dataset's ${f.modality} features differ from the model's (${names.length} vs`,
        `${expected.length}; first difference at #${firstBad}: ${String(names[firstBad])} vs`,
        `${String(expected[firstBad])})`,
      ].join(' '),
    );
  }
  return f;
}
