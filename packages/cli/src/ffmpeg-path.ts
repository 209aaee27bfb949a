/**
 * Which ffmpeg to spawn: HIRENET_FFMPEG when set, else `ffmpeg` on PATH, else the static build that
 * `@ffmpeg-installer/ffmpeg` ships inside its npm tarball (a devDependency of the checkout only: it is
 * GPLv3, so never a dependency of a published package). HIRENET_FFMPEG=npm forces the npm build.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

export const NPM_FFMPEG = '@ffmpeg-installer/ffmpeg';

let found: string | null | undefined;

/** The ffmpeg command or absolute path, or undefined when neither the system nor npm has one. */
export function ffmpegPath(): string | undefined {
  found ??= locate();
  return found ?? undefined;
}

function locate(): string | null {
  const fromEnv = process.env['HIRENET_FFMPEG'] ?? '';
  if (fromEnv !== '' && fromEnv !== 'npm') return fromEnv;
  if (fromEnv !== 'npm' && runs('ffmpeg')) return 'ffmpeg';
  try {
    // CommonJS; it throws (a string) on a platform it has no binary for.
    const { path } = createRequire(import.meta.url)(NPM_FFMPEG) as { path: string };
    return runs(path) ? path : null;
  } catch {
    return null;
  }
}

function runs(command: string): boolean {
  return spawnSync(command, ['-version'], { stdio: 'ignore' }).status === 0;
}
