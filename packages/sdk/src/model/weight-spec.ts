import type { HireNetConfig } from './types.ts';

/** Role decides how a weight is initialised; the contract in docs/weight-contract.md fixes shapes. */
export type WeightRole = 'kernel' | 'recurrent' | 'bias' | 'query';

export interface WeightSpec {
  readonly name: string;
  readonly shape: readonly number[];
  readonly role: WeightRole;
}

function gru(prefix: string, input: number, units: number): WeightSpec[] {
  return [
    { name: `${prefix}/kernel`, shape: [input, 3 * units], role: 'kernel' },
    { name: `${prefix}/recurrentKernel`, shape: [units, 3 * units], role: 'recurrent' },
    { name: `${prefix}/bias`, shape: [3 * units], role: 'bias' },
  ];
}

function attention(prefix: string, answer: number, context: number | null, dim: number): WeightSpec[] {
  const specs: WeightSpec[] = [{ name: `${prefix}/answerKernel`, shape: [answer, dim], role: 'kernel' }];
  if (context !== null) specs.push({ name: `${prefix}/contextKernel`, shape: [context, dim], role: 'kernel' });
  specs.push(
    { name: `${prefix}/bias`, shape: [dim], role: 'bias' },
    { name: `${prefix}/query`, shape: [dim], role: 'query' },
  );
  return specs;
}

/** The exact list of weights a configuration owns, in the order they are stored. */
export function weightSpecs(config: HireNetConfig): WeightSpec[] {
  const { inputDim: d, wordDim: e, lowUnits: h, contextUnits: hc, highUnits: h2 } = config;
  const low = [...gru('lowEncoder/forward', d, h), ...gru('lowEncoder/backward', d, h)];
  // lengthInput: one more classifier row for the answer length ℓ (types.ts).
  const extra = config.lengthInput === true ? 1 : 0;
  if (config.variant === 'bigru') {
    return [
      ...low,
      { name: 'classifier/kernel', shape: [2 * h + extra, 1], role: 'kernel' },
      { name: 'classifier/bias', shape: [1], role: 'bias' },
    ];
  }
  const contextual = config.variant === 'hirenet';
  const attends = config.variant !== 'hn_avg';
  return [
    ...(contextual ? gru('jobEncoder', e, hc) : []),
    ...gru('questionEncoder', e, hc),
    ...low,
    ...(attends ? attention('lowAttention', 2 * h, contextual ? hc : null, config.attentionDim) : []),
    ...gru('highEncoder/forward', hc + 2 * h, h2),
    ...gru('highEncoder/backward', hc + 2 * h, h2),
    ...(attends ? attention('highAttention', 2 * h2, contextual ? hc : null, config.highAttentionDim) : []),
    { name: 'classifier/kernel', shape: [2 * h2 + extra, 1], role: 'kernel' },
    { name: 'classifier/bias', shape: [1], role: 'bias' },
  ];
}
