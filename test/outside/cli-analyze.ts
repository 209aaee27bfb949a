/**
 * The packed CLI's `hirenet analyze`, as a user runs it: @hirenet/cli installed offline from its
 * tarball into a fresh folder outside the workspace, then `npx --no-install hirenet analyze …` on a
 * real recording from ../shared (the clip the bench measures, bench/lib/cli.ts) with the face model
 * from there (the installed package has neither a checkout's models/ nor ../shared beside it, so
 * --face-model is passed as a user would). The CLI finds Debian's headless shell, else its Chromium
 * (chromium-path.ts), and serves the analyze page shipped in its dist/ (cli-page.ts `shipped`).
 * The analysed run is measured — wall time and the process tree's peak memory (bench/lib/proc-tree.ts) —
 * and written to the outside numbers; targets are the bench's business (issue #15), the tests assert
 * correctness only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runSampled, type TreeRun } from '../../bench/lib/proc-tree.ts';
import { ERROR_CODES } from '../../packages/sdk/src/util/error-codes.ts';
import { repoRoot, sharedPath } from '../browser/harness/paths.ts';
import { footprint, installOffline, writeHostManifest } from './host-install.ts';
import { FACE_MODEL } from './hosts.ts';
import type { Packed } from './pack.ts';

// bench/lib/cli.ts's clip (6.633 s, 700×700 H.264 at 30 fps, AAC), not imported: that module loads
// esbuild and tfjs-core.
const CLI_CLIP = 'fixtures/video/vrt_face_4.mp4';
const CLI_CLIP_SECONDS = 6.633;
const JOB = 'Outside-in support engineer';
const QUESTION = 'Tell us about a problem you solved for a customer.';
const MB = 1e6;

interface Analysis {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly run?: TreeRun;
}

/** The result JSON (--json) fields the checks read. */
interface AnalyzeJson {
  format: string;
  jobTitle: string;
  score: number | null;
  scores: { audio?: number; video?: number };
  answerAttention: number[][];
  answers: { videoWindows: number; audioWindows: number }[];
  modelCard: { notice: string };
}

/** Chromium processes on the machine now (`pgrep -c` exits 1 when there are none). */
function chromiumProcesses(): number {
  try {
    return Number(execFileSync('pgrep', ['-c', 'chromium'], { encoding: 'utf8' }).trim());
  } catch {
    return 0;
  }
}

/**
 * Registers the CLI tests inside the caller's describe. `packed` is read when the tests run (the
 * caller's beforeAll packs); `numbers` is the outside numbers object the caller writes out.
 */
export function cliAnalyzeTests(packed: () => readonly Packed[], numbers: Record<string, unknown>): void {
  let dir = '';
  const npx = (args: readonly string[]): Analysis => {
    try {
      const stdout = execFileSync('npx', ['--no-install', 'hirenet', ...args], {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return { code: 0, stdout, stderr: '' };
    } catch (e) {
      const err = e as { status?: number | null; stdout?: string; stderr?: string };
      return { code: err.status ?? null, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
    }
  };
  /** `npx --no-install hirenet analyze …` sampled: wall time and the peaks of the whole process tree. */
  const analyze = async (args: readonly string[]): Promise<Analysis & { chromiumBefore: number }> => {
    const chromiumBefore = chromiumProcesses();
    const run = await runSampled(
      'npx',
      ['--no-install', 'hirenet', 'analyze', '--job', JOB, '--question', QUESTION, ...args],
      dir,
    );
    return { code: run.code, stdout: run.stdout, stderr: run.stderr, run, chromiumBefore };
  };
  const record = (label: string, run: TreeRun | undefined, chromiumBefore: number): void => {
    if (run === undefined) return;
    const m = {
      // Chromium processes running before the CLI started (the suite's own browser): they share pages
      // with the CLI's Chromium and so lower its PSS; peakAnonMB does not depend on them.
      chromiumBefore,
      wallSeconds: +(run.wallMs / 1000).toFixed(1),
      timeRatio: +(run.wallMs / 1000 / CLI_CLIP_SECONDS).toFixed(2),
      peakPssMB: +(run.peakPss / MB).toFixed(0),
      // npx itself (an `npm exec` process, ~40 MB) is in the tree; the bench runs node on the bin directly.
      npxPssMB: +(run.atPeak.filter((p) => p.role === 'npm').reduce((a, p) => a + p.pss, 0) / MB).toFixed(0),
      peakRssMB: +(run.peakRss / MB).toFixed(0),
      peakAnonMB: +(run.peakAnon / MB).toFixed(0),
      processes: run.peakProcesses,
      atPeak: run.atPeak.slice(0, 4).map((p) => `${p.role} ${(p.pss / MB).toFixed(0)} MB`),
      load: loadavg().map((l) => +l.toFixed(2)),
    };
    numbers[label] = m;
    console.log(`[outside] ${label}: ${JSON.stringify(m)}`);
  };

  afterAll(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('@hirenet/cli installed alone from its tarball: `hirenet analyze --help` prints usage, exit 0', () => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'hirenet-outside-cli-')));
    writeHostManifest(dir, join(repoRoot, 'package-lock.json'), packed(), { deps: ['@hirenet/cli'], devDeps: [] });
    const installSeconds = installOffline(dir);
    const f = footprint(dir);
    numbers['cliInstall'] = { packages: f.packages, megabytes: +(f.bytes / MB).toFixed(1), seconds: installSeconds };
    console.log(`[outside] @hirenet/cli alone: ${f.packages} packages, ${(f.bytes / MB).toFixed(1)} MB`);
    // The published bin runs the compiled dist/, never TypeScript sources.
    expect(existsSync(join(dir, 'node_modules/@hirenet/cli/src')), 'sources in the package').toBe(false);
    const r = npx(['analyze', '--help']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/hirenet analyze/);
    expect(r.stdout).toMatch(/--job/);
    expect(r.stdout).toMatch(/--face-model/);
  }, 300_000);

  it('packed `hirenet analyze` on a real clip with the face model: score, both channels, a self-contained ' +
    'report', async (ctx) => {
    if (dir === '') return ctx.skip(true, 'the CLI was not installed (the test before failed)');
    const out = join(dir, 'r.html');
    const json = join(dir, 'r.json');
    const clip = sharedPath(CLI_CLIP);
    const r = await analyze([clip, '--face-model', sharedPath(FACE_MODEL), '--out', out, '--json', json]);
    record('cli analyze', r.run, r.chromiumBefore);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { notice: string; score: number; backend: string };
    expect(summary.notice).toMatch(/model estimate/);
    const res = JSON.parse(readFileSync(json, 'utf8')) as AnalyzeJson;
    expect(res.format).toBe('hirenet-analyze/1');
    expect(res.modelCard.notice).toBe('experimental model estimate');
    expect(res.score, 'score').toBeGreaterThan(0);
    expect(res.score, 'score').toBeLessThan(1);
    expect(Math.abs(res.score! - 0.5), 'score is the 0.5 of a model that read nothing').toBeGreaterThan(1e-4);
    expect(summary.score).toBe(res.score);
    for (const m of ['audio', 'video'] as const) {
      expect(res.scores[m], `${m} score`).toBeTypeOf('number');
      expect(Math.abs(res.scores[m]! - 0.5), `${m} score is 0.5`).toBeGreaterThan(1e-4);
    }
    expect(res.answers[0]?.videoWindows, 'video windows').toBeGreaterThan(0);
    expect(res.answers[0]?.audioWindows, 'audio windows').toBeGreaterThan(0);
    const used = (res.answerAttention[0] ?? []).filter((v) => v > 0);
    expect(used.length, 'attention windows').toBeGreaterThan(10);
    expect(Math.max(...used) - Math.min(...used), 'attention flat').toBeGreaterThan(1e-3 / used.length);
    assertReport(readFileSync(out, 'utf8'));
    console.log(
      `[outside] cli analyze: score ${res.score?.toFixed(4)} (audio ${res.scores.audio?.toFixed(4)}, ` +
        `video ${res.scores.video?.toFixed(4)}) on ${summary.backend}, ${res.answers[0]?.videoWindows} video windows`,
    );
  }, 300_000);

  it('packed `hirenet analyze --audio-only` on the same clip: no video windows, a real score', async (ctx) => {
    if (dir === '') return ctx.skip(true, 'the CLI was not installed (the test before failed)');
    const json = join(dir, 'audio.json');
    const r = await analyze([sharedPath(CLI_CLIP), '--audio-only', '--out', join(dir, 'audio.html'), '--json', json]);
    record('cli analyze --audio-only', r.run, r.chromiumBefore);
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(readFileSync(json, 'utf8')) as AnalyzeJson;
    expect(res.answers[0]?.videoWindows).toBe(0);
    expect(res.answers[0]?.audioWindows).toBeGreaterThan(0);
    expect(res.scores.video).toBeUndefined();
    expect(Math.abs(res.score! - 0.5), 'score is 0.5').toBeGreaterThan(1e-4);
    assertReport(readFileSync(join(dir, 'audio.html'), 'utf8'));
  }, 300_000);

  it('packed `hirenet analyze` on a corrupt file: exit 1, one line naming a stable code, no report', (ctx) => {
    if (dir === '') return ctx.skip(true, 'the CLI was not installed (the test before failed)');
    const bad = join(dir, 'x.mp4');
    writeFileSync(bad, Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x00, 0x13, 0x37, 0xff, 0x42, 0x07]));
    const out = join(dir, 'never.html');
    const json = join(dir, 'never.json');
    const face = ['--face-model', sharedPath(FACE_MODEL)];
    const r = npx(['analyze', '--job', JOB, '--question', QUESTION, bad, ...face, '--out', out, '--json', json]);
    expect(r.code, r.stdout).toBe(1);
    // Progress goes to stderr too, as `hirenet: …` lines; the failure is the one `hirenet analyze: …` line, last.
    const lines = r.stderr.trimEnd().split('\n');
    const error = lines.at(-1) ?? '';
    expect(
      lines.filter((l) => !l.startsWith('hirenet: ')),
      `stderr: ${r.stderr}`,
    ).toEqual([error]);
    expect(error).toMatch(/^hirenet analyze: /);
    expect(error).toContain('x.mp4');
    expect(r.stderr, 'a stack').not.toMatch(/^\s+at |\.js:\d+/m);
    const code = /\[([a-z-]+)\]$/.exec(error)?.[1];
    expect(Object.keys(ERROR_CODES), `code in ${error}`).toContain(code);
    expect(existsSync(out) || existsSync(json), 'a report was written').toBe(false);
    console.log(`[outside] cli analyze, corrupt file: ${error}`);
  }, 300_000);

  /** Self-contained: nothing fetched from a network, no scripts, every src inline; names the job. */
  function assertReport(html: string): void {
    expect(html).toContain(JOB);
    expect(html).toContain(QUESTION);
    expect(html, 'scripts or stylesheet links').not.toMatch(/<script|<link\b/i);
    expect(html.match(/\s(?:src|href|srcset|poster|action)\s*=\s*["']?\s*(?:https?:)?\/\//gi), 'network URLs').toBe(
      null,
    );
    expect(html.match(/url\(\s*["']?\s*(?:https?:)?\/\//gi), 'CSS url() off the file').toBe(null);
    const srcs = [...html.matchAll(/\ssrc="([^"]*)"/g)].map((m) => m[1]!);
    expect(
      srcs.filter((s) => !s.startsWith('data:')),
      'src not inline',
    ).toEqual([]);
  }
}
