// `hirenet analyze` prefers Debian's chromium-headless-shell (packages/cli/src/chromium-path.ts) because it
// takes ~100 MB less memory: that is only a gain if the analysis is the same. The same clip through the
// headless shell and through the full browser must give a byte-identical JSON result.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumCandidate, SYSTEM_CHROMIUM, SYSTEM_HEADLESS_SHELL } from '../../packages/cli/src/chromium-path.ts';
import { sharedMissing, sharedPath } from '../browser/harness/paths.ts';
import { hirenetWithEnv } from './run-cli.ts';

const VIDEO = 'fixtures/video/vrt_face_4.mp4';
const FACE = 'models/face_landmarker.task';
const both = existsSync(SYSTEM_HEADLESS_SHELL) && existsSync(SYSTEM_CHROMIUM);
// .ci/run installs both: under CI a missing one is a failure below, not a skip.
const missing =
  sharedMissing(VIDEO, FACE) ??
  (both || process.env['CI'] === 'true' ? undefined : 'needs Debian chromium and chromium-headless-shell — skipped');
if (missing) console.warn(`[analyze-headless-shell] ${missing}`);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hirenet-shell-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** `hirenet analyze` on the clip with HIRENET_CHROMIUM as given (unset: the CLI's own choice); the JSON file. */
async function analyze(name: string, chromium: string | undefined): Promise<{ json: string; stderr: string }> {
  const env = { ...process.env };
  delete env['HIRENET_CHROMIUM'];
  if (chromium !== undefined) env['HIRENET_CHROMIUM'] = chromium;
  const json = join(dir, `${name}.json`);
  const args = ['analyze', '--job', 'Engineer', '--question', 'Why this role?', sharedPath(VIDEO)];
  const face = ['--face-model', sharedPath(FACE), '--out', join(dir, `${name}.html`), '--json', json];
  const r = await hirenetWithEnv(env, ...args, ...face);
  expect(r.code, r.stderr).toBe(0);
  return { json: await readFile(json, 'utf8'), stderr: r.stderr };
}

describe.skipIf(missing !== undefined)('hirenet analyze: headless shell against the full browser', () => {
  it('the CLI picks the headless shell where it is installed; the test harness keeps the full browser', () => {
    const saved = process.env['HIRENET_CHROMIUM'];
    delete process.env['HIRENET_CHROMIUM'];
    try {
      expect(chromiumCandidate({ headlessShell: true })).toEqual({
        path: SYSTEM_HEADLESS_SHELL,
        source: 'system-headless-shell',
      });
      expect(chromiumCandidate()).toEqual({ path: SYSTEM_CHROMIUM, source: 'system' });
    } finally {
      if (saved !== undefined) process.env['HIRENET_CHROMIUM'] = saved;
    }
  });

  it('the same clip gives a byte-identical JSON result in both, with a real analysis', async () => {
    const shell = await analyze('shell', undefined);
    const full = await analyze('full', SYSTEM_CHROMIUM);
    const res = JSON.parse(shell.json);
    // Not the 0.5 an unread model gives, and the face was analysed (25 windows of 0.25 s in 6.6 s).
    for (const m of ['audio', 'video']) expect(Math.abs(res.scores[m] - 0.5), `${m} score`).toBeGreaterThan(1e-3);
    expect(res.answerWindows[0].scored.video).toBeGreaterThanOrEqual(20);
    expect(shell.json).toBe(full.json);
  }, 300_000);
});
