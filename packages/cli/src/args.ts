import { HireNetError } from '@hirenet/sdk/internal/util/errors';

/**
 * Tiny flag parser and typed flag readers. Every malformed value is a HireNetError with code
 * `usage`, which main.ts prints as one line and turns into exit code 2.
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
