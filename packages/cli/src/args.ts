import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { nearest } from './suggest.ts';
import { type UsageTopic, usageLine, usageOf } from './usage.ts';

/**
 * Tiny flag parser and typed flag readers. Every malformed value is a HireNetError with code
 * `usage`, which main.ts prints as one line and turns into exit code 2. The commands parse with
 * parseCommandArgs (their flags from usage.ts); parseArgs is the untyped form scripts/ use.
 */
export function parseArgs(
  args: readonly string[],
  booleans: readonly string[] = [],
): { flags: Map<string, string>; positional: string[] } {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (booleans.includes(name)) {
      flags.set(name, 'true');
      continue;
    }
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw usage(`--${name} needs a value`);
    flags.set(name, value);
    i++;
  }
  return { flags, positional };
}

export interface ParsedArgs {
  /** `value` flags by name, and `switch` flags present (as 'true'). */
  readonly flags: Map<string, string>;
  /** `repeat` flags: every value, in order (absent when not given). */
  readonly lists: Map<string, string[]>;
  readonly positional: string[];
}

/** `unknown option --epoch; did you mean --epochs?`, or where to find the options. */
function unknownOption(arg: string, topic: UsageTopic, known: readonly string[]): HireNetError {
  const eq = arg.indexOf('=');
  const name = arg.replace(/^-+/, '').split('=')[0] ?? '';
  if (eq > 0 && known.includes(name))
    return usage(`${arg}: give the value after a space (--${name} ${arg.slice(eq + 1)})`);
  const near = nearest(name, known);
  const hint =
    near.length > 0
      ? `; did you mean ${near.map((n) => `--${n}`).join(' or ')}?`
      : ` (hirenet ${topic} --help lists its options)`;
  return usage(`unknown option ${arg}${hint}`);
}

/**
 * A command's arguments against its flags in usage.ts: an unknown flag (with the nearest known one
 * suggested), a one-value flag given twice, a flag without its value, or a word the command does
 * not take is a `usage` error, so a misspelt `--epoch 5` never runs with the default. A word
 * starting with `-` is taken for a flag (`-epochs` is a typo, not a file name).
 */
export function parseCommandArgs(topic: UsageTopic, args: readonly string[]): ParsedArgs {
  const spec = usageOf(topic);
  const known = Object.keys(spec.flags);
  const flags = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    const kind = arg.startsWith('--') && Object.hasOwn(spec.flags, name) ? spec.flags[name] : undefined;
    if (kind === undefined) throw unknownOption(arg, topic, known);
    if (kind === 'switch') {
      flags.set(name, 'true');
      continue;
    }
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw usage(`--${name} needs a value`);
    i++;
    if (kind === 'repeat') lists.set(name, [...(lists.get(name) ?? []), value]);
    else if (flags.has(name))
      throw usage(`--${name} is given twice (${flags.get(name)} and ${value}); it takes one value`);
    else flags.set(name, value);
  }
  const extra = spec.operands === 'none' ? positional[0] : spec.operands === 'one' ? positional[1] : undefined;
  if (extra !== undefined) throw usage(`unexpected argument ${JSON.stringify(extra)}\n${usageLine(topic)}`);
  return { flags, lists, positional };
}

/**
 * `--help` or `-h`, anywhere in a command's arguments: main.ts prints the command's usage before any
 * flag is checked (so a flag's value cannot be `--help` or `-h`).
 */
export function isHelpFlag(arg: string): boolean {
  return arg === '--help' || arg === '-h';
}

export function usage(message: string): HireNetError {
  return new HireNetError('usage', message);
}

export interface Bounds {
  readonly min?: number;
  readonly max?: number;
}

function describeBounds(b: Bounds): string {
  if (b.min !== undefined && b.max !== undefined) return ` in [${b.min}, ${b.max}]`;
  if (b.min !== undefined) return ` >= ${b.min}`;
  return b.max !== undefined ? ` <= ${b.max}` : '';
}

/** A decimal number (no hex, no empty string, no `Infinity`) within `bounds`. */
function parseNumber(name: string, raw: string, integer: boolean, bounds: Bounds): number {
  const kind = integer ? 'an integer' : 'a number';
  const pattern = integer ? /^[+-]?\d+$/ : /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
  const value = Number(raw);
  if (!pattern.test(raw.trim()) || !Number.isFinite(value) || (integer && !Number.isSafeInteger(value))) {
    throw usage(`--${name} must be ${kind}${describeBounds(bounds)}, got ${JSON.stringify(raw)}`);
  }
  if ((bounds.min !== undefined && value < bounds.min) || (bounds.max !== undefined && value > bounds.max)) {
    throw usage(`--${name} must be ${kind}${describeBounds(bounds)}, got ${raw}`);
  }
  return value;
}

export function intFlag(flags: Map<string, string>, name: string, fallback?: number, bounds: Bounds = {}): number {
  const raw = flags.get(name);
  if (raw === undefined) {
    if (fallback === undefined) throw usage(`--${name} is required`);
    return fallback;
  }
  return parseNumber(name, raw, true, bounds);
}

export function numberFlag(
  flags: Map<string, string>,
  name: string,
  fallback: number | undefined,
  bounds: Bounds = {},
): number {
  const raw = flags.get(name);
  if (raw === undefined) {
    if (fallback === undefined) throw usage(`--${name} is required`);
    return fallback;
  }
  return parseNumber(name, raw, false, bounds);
}

export function stringFlag(flags: Map<string, string>, name: string): string {
  const v = flags.get(name);
  if (v === undefined || v === '') throw usage(`--${name} is required`);
  return v;
}
