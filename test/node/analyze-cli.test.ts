// `hirenet analyze`: real recordings from ../shared through the session code in headless
// Chromium, the saved report checked for self-containment, and the failure paths.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumCandidate } from '../../packages/cli/src/chromium-path.ts';
import { externalRefs } from '../../packages/cli/src/report-file.ts';
import { sharedMissing, sharedPath } from '../browser/harness/paths.ts';
import { exists, hirenet, hirenetWithEnv } from './run-cli.ts';

const VIDEO = 'fixtures/video/vrt_face_1.mp4';
const WAV = 'fixtures/audio/jfk.wav';
const FACE = 'models/face_landmarker.task';
const missing =
  sharedMissing(VIDEO, WAV, FACE) ?? ('missing' in chromiumCandidate() ? 'needs a Chromium — skipped' : undefined);
if (missing) console.warn(`[analyze-cli] ${missing}`);

// The second question mentions a CSS-like url(…): host text in the report is never a fetch.
const Q = [
  'What is your biggest weakness?',
  'Tell us about a speech you admire (e.g. url(https://example.test/speech)).',
];
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hirenet-analyze-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('hirenet analyze: argument and environment errors', () => {
  it('one file per question, or a usage error', async () => {
    const r = await hirenet('analyze', '--job', 'Engineer', '--question', Q[0]!, '--question', Q[1]!, sharedPath(WAV));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/2 question\(s\) but 1 file\(s\)/);
  });

  it('Chromium missing: a clear message naming the path and how to install it', async () => {
    const wav = join(dir, 'any.wav');
    await writeFile(wav, 'x');
    const env = { ...process.env, HIRENET_CHROMIUM: '/nonexistent/chromium' };
    const r = await hirenetWithEnv(env, 'analyze', '--job', 'Engineer', '--question', 'Why?', wav);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Chromium not found at /nonexistent/chromium');
    expect(r.stderr).toContain('apt-get install chromium');
  });
});

describe.skipIf(missing !== undefined)('hirenet analyze in headless Chromium', () => {
  it('a talking-face video and a speech wav: exit 0, a self-contained HTML report, JSON with score and ' +
    'attention per question and window', async () => {
    const out = join(dir, 'report.html');
    const json = join(dir, 'result.json');
    const t0 = performance.now();
    const r = await hirenet(
      'analyze',
      '--job',
      'Software engineer',
      '--question',
      Q[0]!,
      '--question',
      Q[1]!,
      sharedPath(VIDEO),
      sharedPath(WAV),
      '--out',
      out,
      '--json',
      json,
    );
    console.log(`[analyze-cli] exit ${r.code} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    expect(r.code, r.stderr).toBe(0);

    const summary = JSON.parse(r.stdout);
    expect(summary.score).toBeGreaterThan(0);
    expect(summary.questionAttention).toHaveLength(2);
    expect(summary.answers.map((a: { videoWindows: number }) => a.videoWindows > 15)).toEqual([true, false]);

    const res = JSON.parse(await readFile(json, 'utf8'));
    expect(typeof res.score).toBe('number');
    expect(Object.keys(res.scores).sort()).toEqual(['audio', 'video']);
    expect(res.questionAttention).toHaveLength(2);
    expect(res.questionAttention.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 5);
    expect(res.answerAttention).toHaveLength(2);
    // One weight per 0.25 s window: vrt_face_1 is 6.1 s, jfk.wav 11.0 s.
    expect(res.answerAttention[0].length).toBeGreaterThanOrEqual(22);
    expect(res.answerAttention[1].length).toBeGreaterThanOrEqual(42);
    expect(res.warnings.map((w: { code: string; answer?: number }) => [w.code, w.answer])).toContainEqual([
      'no-camera',
      1,
    ]);
    // A real analysis, not the 0.5 / flat attention an unread model gives (the CLI path of issue 12).
    for (const m of ['audio', 'video']) expect(Math.abs(res.scores[m] - 0.5), `${m} score`).toBeGreaterThan(1e-4);
    for (const a of res.answerAttention as number[][]) {
      const used = a.filter((v) => v > 0);
      expect(Math.max(...used) - Math.min(...used), 'attention flat').toBeGreaterThan(1e-3 / used.length);
      expect(Math.max(...used), 'attention one-hot').toBeLessThan(0.98);
    }
    // Every window of each answer was scored: audio on both, video on the video answer.
    expect(
      res.answerWindows.map(
        (w: { windows: number; scored: Record<string, number> }) => w.scored['audio'] === w.windows,
      ),
    ).toEqual([true, true]);
    expect(res.answerWindows[0].scored.video).toBe(res.answerWindows[0].windows);

    expect(await exists(out)).toBe(true);
    const html = await readFile(out, 'utf8');
    expect(externalRefs(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<link\b/i);
    // Every src is inline data; the charts are images now.
    const srcs = [...html.matchAll(/\ssrc="([^"]*)"/g)].map((m) => m[1]!);
    expect(srcs.length).toBeGreaterThan(2);
    expect(srcs.every((s) => s.startsWith('data:'))).toBe(true);
    expect(html).toContain('Software engineer');
    expect(html).toContain(Q[0]!);
    expect(html).toContain('url(https://example.test/speech)');
  }, 300_000);

  it('a corrupt file: non-zero exit and a message naming the answer, the file and the code; no report ' +
    'written', async () => {
    const bad = join(dir, 'broken.mp4');
    await writeFile(bad, Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 251)));
    const out = join(dir, 'never.html');
    const r = await hirenet(
      'analyze',
      '--job',
      'Engineer',
      '--question',
      Q[0]!,
      '--question',
      Q[1]!,
      sharedPath(WAV),
      bad,
      '--out',
      out,
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/answer 2 \(.*broken\.mp4\): .*\[unreadable-file\]/);
    expect(await exists(out)).toBe(false);
  }, 300_000);
});
