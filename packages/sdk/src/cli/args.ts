import { HireNetError } from '../util/errors.ts';

/** Tiny flag parser: `--name value`, `--flag`, and positional words, nothing more. */
export function parseArgs(args: readonly string[], booleans: readonly string[] = []): { flags: Map<string, string>; positional: string[] } {
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
    if (value === undefined || value.startsWith('--')) throw new HireNetError('usage', `--${name} needs a value`);
    flags.set(name, value);
    i++;
  }
  return { flags, positional };
}

export function intFlag(flags: Map<string, string>, name: string, fallback?: number): number {
  const raw = flags.get(name);
  if (raw === undefined) {
    if (fallback === undefined) throw new HireNetError('usage', `--${name} is required`);
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new HireNetError('usage', `--${name} must be an integer, got ${raw}`);
  return value;
}
