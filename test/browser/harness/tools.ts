/**
 * Outside programs the tests spawn. ffmpeg always exists after `npm install` (Debian's when installed,
 * else the static build in @ffmpeg-installer/ffmpeg). Praat, espeak-ng, sox and coturn's turnserver
 * have no npm build we use: a test that needs one skips with a one-line reason on a developer's machine,
 * and fails under CI=true, where .ci/run installs them (and also fails on any skipped test).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { ffmpegPath } from '../../../packages/cli/src/ffmpeg-path.ts';

export const CI = process.env['CI'] === 'true';

/** The ffmpeg to spawn (a command or an absolute path). */
export function ffmpeg(): string {
  const path = ffmpegPath();
  if (path === undefined) throw new Error('no ffmpeg: install it, or run npm install (@ffmpeg-installer/ffmpeg)');
  return path;
}

/** Run ffmpeg quietly, overwriting outputs: runFfmpeg('-i', in, …, out). Throws with its stderr on failure. */
export function runFfmpeg(...args: string[]): void {
  execFileSync(ffmpeg(), ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** System programs with no npm stand-in, and the flag each answers without side effects. */
const PROBES = {
  praat: ['--version'],
  'espeak-ng': ['--version'],
  sox: ['--version'],
  turnserver: ['--help'],
} as const;
export type SystemTool = keyof typeof PROBES;

const INSTALL: Record<SystemTool, string> = {
  praat: 'praat',
  'espeak-ng': 'espeak-ng',
  sox: 'sox',
  turnserver: 'coturn',
};

const seen = new Map<SystemTool, boolean>();
export function toolAvailable(tool: SystemTool): boolean {
  let ok = seen.get(tool);
  if (ok === undefined) {
    // turnserver --help exits non-zero; that it started at all is what counts.
    const r = spawnSync(tool, [...PROBES[tool]], { stdio: 'ignore' });
    ok = r.error === undefined && (tool === 'turnserver' || r.status === 0);
    seen.set(tool, ok);
  }
  return ok;
}

/** Why the listed programs cannot be used (one line), or undefined when all are installed. */
export function toolsMissing(...tools: SystemTool[]): string | undefined {
  const missing = tools.filter((t) => !toolAvailable(t));
  if (missing.length === 0) return undefined;
  const pkgs = [...new Set(missing.map((t) => INSTALL[t]))].join(' ');
  return `needs ${missing.join(', ')} — not installed (apt-get install ${pkgs}; .ci/run installs it)`;
}

/**
 * For `describe.skipIf(needs('tag', reason))`: undefined/false when `why` is undefined; otherwise prints
 * `[tag] skipped: why` and returns true, except under CI=true, where it throws so the file fails.
 */
export function needs(tag: string, why: string | undefined): boolean {
  if (why === undefined) return false;
  if (process.env['CI'] === 'true') throw new Error(`[${tag}] CI must not skip: ${why}`);
  console.warn(`[${tag}] skipped: ${why}`);
  return true;
}
