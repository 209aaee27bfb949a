import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { needs, runFfmpeg, toolsMissing } from './tools.ts';

const dir = mkdtempSync(join(tmpdir(), 'hirenet-tools-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outside programs', () => {
  it('runFfmpeg writes the file asked for (0.5 s of 16 kHz mono s16 = 16,000 data bytes)', () => {
    const out = join(dir, 'tone.wav');
    runFfmpeg('-f', 'lavfi', '-i', 'sine=frequency=300:sample_rate=16000', '-t', '0.5', '-c:a', 'pcm_s16le', out);
    // A canonical WAVE header is 44 bytes; ffmpeg may add a LIST chunk, never more than ~100 bytes.
    expect(statSync(out).size - 16000).toBeGreaterThanOrEqual(44);
    expect(statSync(out).size - 16000).toBeLessThan(200);
  });

  it('the npm ffmpeg (the fallback of a machine without one) runs here', () => {
    const { path } = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string };
    expect(spawnSync(path, ['-version'], { stdio: 'ignore' }).status).toBe(0);
  });

  it('needs(): no reason runs the tests; a reason skips with one line, or throws under CI=true', () => {
    const saved = process.env['CI'];
    try {
      expect(needs('t', undefined)).toBe(false);
      process.env['CI'] = 'true';
      expect(() => needs('t', 'needs praat')).toThrow('[t] CI must not skip: needs praat');
      delete process.env['CI'];
      expect(needs('t', 'needs praat')).toBe(true);
    } finally {
      if (saved === undefined) delete process.env['CI'];
      else process.env['CI'] = saved;
    }
  });

  it('toolsMissing names each missing program and its Debian package, or gives undefined', () => {
    const why = toolsMissing('praat', 'turnserver');
    if (why !== undefined) expect(why).toMatch(/^needs .*— not installed \(apt-get install .*\)/);
    if (why?.includes('turnserver')) expect(why).toContain('coturn');
    expect(toolsMissing()).toBeUndefined();
  });
});
