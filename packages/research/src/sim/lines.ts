import type { SimConfig } from './config.ts';
import { generateInterview, type SimInterview } from './interview.ts';
import { takeOf } from './takes.ts';
import { generateVariantInterview, type SimVariantInterview } from './variant-interview.ts';

/** One line of any world: the default one, or a variant; optionally a re-take of it. */
export function generateLine(config: SimConfig, index: number): SimInterview | SimVariantInterview {
  const interview =
    config.variant === undefined ? generateInterview(config, index) : generateVariantInterview(config, index);
  return config.take === undefined ? interview : takeOf(interview, config.take, index);
}

/** What `hirenet simulate` writes, one interview at a time. */
export function* simLines(config: SimConfig): Generator<SimInterview | SimVariantInterview> {
  for (let i = 0; i < config.interviews; i++) yield generateLine(config, i);
}
