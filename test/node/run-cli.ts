import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const cli = join(import.meta.dirname, '..', '..', 'packages', 'cli', 'bin', 'hirenet.js');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `hirenet …` through the real bin; a non-zero exit is returned, not thrown. */
export async function hirenet(...args: string[]): Promise<CliResult> {
  return hirenetWithEnv(process.env, ...args);
}

/** `hirenet …` with the environment given (e.g. HIRENET_CHROMIUM), as hirenet() otherwise. */
export async function hirenetWithEnv(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  try {
    const r = await run('node', [cli, ...args], { env, maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

export const exists = (p: string): Promise<boolean> =>
  access(p).then(
    () => true,
    () => false,
  );

/** Flag values by name, in order: `{ seed: 8, 'label-noise': 0 }` stands for `--seed 8 --label-noise 0`. */
export type CliFlags = Readonly<Record<string, string | number>>;

/** `{ seed: 8, 'label-noise': 0 }` → `['--seed', '8', '--label-noise', '0']`. */
export function flags(values: CliFlags): string[] {
  return Object.entries(values).flatMap(([name, value]) => [`--${name}`, String(value)]);
}

/** `hirenet simulate --out OUT …` through the real bin; it must succeed (its stderr is the failure message). */
export async function simulate(out: string, values: CliFlags): Promise<void> {
  const r = await hirenet('simulate', '--out', out, ...flags(values));
  if (r.code !== 0) throw new Error(`hirenet simulate exited ${r.code}: ${r.stderr}`);
}
