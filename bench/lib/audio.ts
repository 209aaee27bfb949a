/** Runs bench/audio.ts (another module's benchmark) in a child process and keeps its JSON. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../audio.ts', import.meta.url));

export async function benchAudio(seconds: number): Promise<Record<string, unknown> | { error: string }> {
  if (!existsSync(script)) return { error: 'bench/audio.ts not present' };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', script, '--seconds', String(seconds)],
      { timeout: 300_000, maxBuffer: 1 << 20 },
      (err, stdout) => {
        if (err !== null) return resolve({ error: err.message.split('\n')[0] ?? 'failed' });
        try {
          resolve(JSON.parse(stdout) as Record<string, unknown>);
        } catch {
          resolve({ error: `unparseable output: ${stdout.slice(0, 200)}` });
        }
      },
    );
  });
}
