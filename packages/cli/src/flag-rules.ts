/**
 * What each command's numeric and enumerated flags may hold, checked by main.ts before the
 * command starts: a bad value stops the run before tfjs starts or a byte of data is read (a
 * `train --batch-size 0` used to loop forever, `--noise abc` trained with NaN noise). The
 * commands parse the same flags again; these rules are the bounds they may rely on.
 */
import { usage } from './args.ts';

interface NumberRule {
  readonly integer: boolean;
  readonly min?: number;
  readonly max?: number;
  /** min excluded: (min, …]. */
  readonly above?: boolean;
  /** max excluded: […, max). */
  readonly below?: boolean;
}
type Rule = NumberRule | { readonly choices: readonly string[] };

const int = (min?: number, max?: number): NumberRule => ({
  integer: true,
  ...(min === undefined ? {} : { min }),
  ...(max === undefined ? {} : { max }),
});
const num = (min?: number, max?: number): NumberRule => ({
  integer: false,
  ...(min === undefined ? {} : { min }),
  ...(max === undefined ? {} : { max }),
});
const positive = (max?: number): NumberRule => ({ ...num(0, max), above: true });
const SEED = int(0, 0xffffffff);
const NODE_BACKEND = { choices: ['wasm', 'cpu'] };

const TRAINING = {
  epochs: int(1, 100_000),
  'batch-size': int(1, 1_000_000),
  patience: int(0, 100_000),
  units: int(1, 4096),
  lr: positive(),
  backend: NODE_BACKEND,
};

export const FLAG_RULES: Readonly<Record<string, Readonly<Record<string, Rule>>>> = {
  train: {
    ...TRAINING,
    seed: SEED,
    noise: num(0),
    'attention-entropy': num(0),
    'query-scale': positive(),
    modality: { choices: ['audio', 'video', 'text', 'both', 'all'] },
    'weight-decay': num(0),
    'word-dropout': { ...num(0, 1), below: true },
    'validation-fraction': { ...num(0, 1), above: true, below: true },
    'test-fraction': { ...num(0, 1), below: true },
    normalize: { choices: ['answer', 'none'] },
    variant: { choices: ['hirenet', 'hn_satt', 'hn_avg', 'bigru'] },
    select: { choices: ['f1', 'auc'] },
    augment: { choices: ['takes', 'none'] },
  },
  // No --seed: ablate seeds its runs from --first-seed on (--seeds of them).
  ablate: {
    ...TRAINING,
    seeds: int(1, 1000),
    'first-seed': SEED,
    'bow-k': int(1, 100_000),
    'bow-sample': int(1),
    modality: { choices: ['audio', 'video', 'text', 'both', 'all'] },
  },
  eval: { threshold: num(0, 1), backend: NODE_BACKEND },
  predict: { backend: NODE_BACKEND },
  simulate: {
    seed: SEED,
    interviews: int(1),
    'label-noise': num(0, 0.5),
    'hirable-rate': num(0, 1),
    missing: num(0, 0.5),
    'event-strength': positive(20),
    take: SEED,
  },
  audit: { alpha: { ...num(0, 1), above: true, below: true } },
  reference: { seed: SEED, backend: NODE_BACKEND },
  features: { fps: positive(60) },
};

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function bounds(r: NumberRule): string {
  const lo = r.min === undefined ? '' : `${r.above === true ? '>' : '>='} ${r.min}`;
  const hi = r.max === undefined ? '' : `${r.below === true ? '<' : '<='} ${r.max}`;
  return [lo, hi].filter((s) => s !== '').join(' and ');
}

export function checkValue(name: string, raw: string, rule: Rule): void {
  if ('choices' in rule) {
    if (!rule.choices.includes(raw))
      throw usage(`--${name} must be one of ${rule.choices.join(', ')}, got ${JSON.stringify(raw)}`);
    return;
  }
  const v = Number(raw);
  const ok =
    DECIMAL.test(raw.trim()) &&
    Number.isFinite(v) &&
    (!rule.integer || Number.isSafeInteger(v)) &&
    (rule.min === undefined || (rule.above === true ? v > rule.min : v >= rule.min)) &&
    (rule.max === undefined || (rule.below === true ? v < rule.max : v <= rule.max));
  if (!ok) {
    const range = bounds(rule);
    throw usage(
      [
        `--${name} must be ${rule.integer ? 'an integer' : 'a number'}${range === '' ? '' : ` ${range}`},`,
        `got ${JSON.stringify(raw)}`,
      ].join(' '),
    );
  }
}

/** Checks every ruled flag of `command` in `args` (`--name value`); other flags are the command's business. */
export function checkFlags(command: string, args: readonly string[]): void {
  const rules = FLAG_RULES[command];
  if (rules === undefined) return;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) continue;
    const rule = rules[arg.slice(2)];
    if (rule === undefined) continue;
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw usage(`${arg} needs a value`);
    checkValue(arg.slice(2), value, rule);
    i++;
  }
}
