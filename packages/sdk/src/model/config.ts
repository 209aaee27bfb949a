import { HireNetError } from '../util/errors.ts';
import type { HireNetConfig, HireNetVariant } from './types.ts';

const VARIANTS: readonly HireNetVariant[] = ['hirenet', 'hn_satt', 'hn_avg', 'bigru'];

/** Sizes used when a caller names only the input dimensions. */
export const DEFAULT_SIZES = {
  lowUnits: 32,
  contextUnits: 32,
  highUnits: 32,
  attentionDim: 32,
  highAttentionDim: 32,
  variant: 'hirenet',
} as const satisfies Omit<HireNetConfig, 'inputDim' | 'wordDim'>;

export type HireNetConfigInput = Pick<HireNetConfig, 'inputDim' | 'wordDim'> & Partial<HireNetConfig>;

/** Fills defaults and validates once, so the rest of the model can trust the numbers. */
export function resolveConfig(input: HireNetConfigInput): HireNetConfig {
  const config: HireNetConfig = { ...DEFAULT_SIZES, ...input };
  for (const key of [
    'inputDim',
    'wordDim',
    'lowUnits',
    'contextUnits',
    'highUnits',
    'attentionDim',
    'highAttentionDim',
  ] as const) {
    const value = config[key];
    if (!Number.isInteger(value) || value < 1) {
      throw new HireNetError('invalid-config', `config.${key} must be a positive integer, got ${String(value)}`);
    }
  }
  if (!VARIANTS.includes(config.variant)) {
    throw new HireNetError(
      'invalid-config',
      `config.variant must be one of ${VARIANTS.join(', ')}, got ${String(config.variant)}`,
    );
  }
  if (config.lengthInput !== undefined && typeof config.lengthInput !== 'boolean')
    throw new HireNetError(
      'invalid-config',
      `config.lengthInput must be true or false, got ${String(config.lengthInput)}`,
    );
  return config;
}
