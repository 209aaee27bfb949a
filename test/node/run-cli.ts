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
  try {
    const r = await run('node', [cli, ...args], { maxBuffer: 64 << 20 });
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
