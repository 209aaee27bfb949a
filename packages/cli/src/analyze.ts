/**
 * `hirenet analyze --job "…" --question "…" [--question "…"]… FILE… [--out report.html]
 *  [--json result.json] [--audio-only] [--model DIR] [--face-model PATH]`
 *
 * Scores recorded answers (one file per question, in question order) with the SAME session
 * code a browser host runs — HireNet.create → startInterview → consent → addAnswerFile per
 * file → result — inside headless Debian Chromium (/usr/bin/chromium, driven over a DevTools pipe:
 * analyze-page.ts; never a downloaded browser) on a page served from 127.0.0.1. Prints a JSON summary on stdout, writes
 * the report as one self-contained HTML file and, with --json, the full result.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { stderr, stdout } from 'node:process';
import { fileURLToPath } from 'node:url';
import type { InterviewResult } from '@hirenet/sdk/internal/session/types';
import { errorCodeOr } from '@hirenet/sdk/internal/util/error-codes';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { cliPage } from './cli-page.ts';
import { pageWorklet, startAnalyzeServer } from './analyze-server.ts';
import { packagedSources, sdkPackageDir } from './assets-layout.ts';
import { runAnalyzePage } from './analyze-page.ts';
import { findChromium, SYSTEM_CHROMIUM } from './chromium-path.ts';
import { assertSelfContained } from './report-file.ts';
import { usageLine } from './usage.ts';
import { parseCommandArgs } from './args.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const USAGE = usageLine('analyze');

interface AnalyzeOptions {
  job: string;
  questions: string[];
  files: string[];
  out: string;
  json: string | undefined;
  audioOnly: boolean;
  model: string;
  faceModel: string | null;
  /** Transcripts of the first answers, in order (`--transcript`, repeatable). */
  transcripts: string[];
}

interface PageAnswer {
  answer: number;
  file: string;
  stored: boolean;
  seconds: number;
  audioWindows: number;
  videoWindows: number;
  meanLuma: number | null;
}
type PageOutput =
  | {
      ok: true;
      modalities: string[];
      backend: string;
      loadWarnings: { code: string; message: string }[];
      answers: PageAnswer[];
      result: InterviewResult;
    }
  | { ok: false; code: string; message: string; answer?: number };

export function parseAnalyzeArgs(args: readonly string[]): AnalyzeOptions {
  // Unknown or doubled options are refused here (the flags are usage.ts's); --question and --transcript repeat.
  const { flags, lists, positional: files } = parseCommandArgs('analyze', args);
  const questions = lists.get('question') ?? [];
  const transcripts = lists.get('transcript') ?? [];
  const audioOnly = flags.has('audio-only');
  const job = flags.get('job');
  if (job === undefined || job.trim() === '' || questions.length === 0) throw new HireNetError('usage', USAGE);
  if (files.length !== questions.length)
    throw new HireNetError(
      'usage',
      `${questions.length} question(s) but ${files.length} file(s): ` +
        `give one recording per question, in question order\n${USAGE}`,
    );
  for (const f of [...files, ...transcripts])
    if (!existsSync(f)) throw new HireNetError('usage', `no such file: ${resolve(f)}`);
  if (transcripts.length > questions.length)
    throw new HireNetError('usage', `${transcripts.length} transcripts for ${questions.length} question(s)\n${USAGE}`);
  const model = resolve(flags.get('model') ?? process.env['HIRENET_MODEL_DIR'] ?? defaultModelDir());
  if (!existsSync(resolve(model, 'fusion.json')) && !existsSync(resolve(model, 'model.json')))
    throw new HireNetError('usage', `no model at ${model} (fusion.json or model.json); pass --model DIR`);
  const face = resolve(flags.get('face-model') ?? resolve(repoRoot, '../shared/models/face_landmarker.task'));
  if (flags.has('face-model') && !existsSync(face)) throw new HireNetError('usage', `face model not found at ${face}`);
  return {
    job,
    questions,
    files: files.map((f) => resolve(f)),
    out: resolve(flags.get('out') ?? 'hirenet-report.html'),
    json: flags.has('json') ? resolve(flags.get('json')!) : undefined,
    audioOnly,
    model,
    faceModel: audioOnly || !existsSync(face) ? null : face,
    transcripts: transcripts.map((f) => resolve(f)),
  };
}

export async function runAnalyze(args: string[]): Promise<number> {
  const o = parseAnalyzeArgs(args);
  const found = await findChromium({ headlessShell: true });
  const CHROMIUM = found?.executablePath ?? SYSTEM_CHROMIUM;
  if (found === undefined || !existsSync(CHROMIUM)) {
    throw new HireNetError(
      'chromium-missing',
      `Chromium not found at ${CHROMIUM}: hirenet analyze runs the SDK in headless Chromium. ` +
        'Install it (Debian: apt-get install chromium-headless-shell; ' +
        'in a checkout, npm install brings @sparticuz/chromium) ' +
        'or set HIRENET_CHROMIUM=/path/to/chromium',
    );
  }
  if (!o.audioOnly && o.faceModel === null)
    stderr.write('hirenet: no face model (pass --face-model PATH/face_landmarker.task): analysing audio only\n');
  const page = await cliPage('analyze');
  const assets = await packagedSources({ modelDir: o.model, faceModel: o.faceModel, scripts: pageWorklet(page.dir) });
  const server = await startAnalyzeServer({ pageDir: page.dir, assets, inputs: o.files }).catch(async (e: unknown) => {
    await page.cleanup();
    throw e;
  });
  try {
    const args = {
      jobTitle: o.job,
      questions: o.questions,
      files: server.files,
      audioOnly: o.audioOnly,
      // The words go to the page as text; it parses them (the SDK's typed errors name the answer).
      transcripts: o.transcripts.map((f) => ({ name: basename(f), text: readFileSync(f, 'utf8') })),
    };
    const { out, html } = await runAnalyzePage<PageOutput>(found, `${server.origin}/analyze.html`, args).catch(
      (e: unknown) => {
        // The page driver's own errors are typed already; anything else is Chromium failing.
        if (e instanceof HireNetError) throw e;
        throw new HireNetError('chromium-failed', `Chromium at ${CHROMIUM}: ${(e as Error).message.split('\n')[0]}`, {
          cause: e,
        });
      },
    );
    if (!out.ok) {
      const where = out.answer === undefined ? '' : `answer ${out.answer + 1} (${o.files[out.answer]}): `;
      throw new HireNetError(errorCodeOr(out.code, 'chromium-failed'), `${where}${out.message} [${out.code}]`);
    }
    if (html === null) throw new HireNetError('chromium-failed', 'the analyze page returned no report');
    assertSelfContained(html);
    writeFileSync(o.out, html);
    const r = out.result;
    if (o.json !== undefined)
      writeFileSync(
        o.json,
        `${JSON.stringify(
          {
            format: 'hirenet-analyze/1',
            jobTitle: o.job,
            questions: o.questions,
            files: o.files,
            backend: out.backend,
            answers: out.answers,
            ...r,
          },
          null,
          2,
        )}\n`,
      );
    const summary = {
      notice: 'experimental model estimate, not a hiring decision',
      score: r.score,
      scores: r.scores,
      questionAttention: r.questionAttention,
      answers: out.answers.map((a) => ({
        question: o.questions[a.answer],
        file: o.files[a.answer],
        seconds: round(a.seconds),
        audioWindows: a.audioWindows,
        videoWindows: a.videoWindows,
      })),
      keyMoments: r.keyMoments.map((k) => ({
        answer: k.answer,
        startSeconds: k.startSeconds,
        endSeconds: k.endSeconds,
        weight: round(k.weight),
        cues: k.cues.map((c) => c.code),
      })),
      warnings: [...out.loadWarnings, ...r.warnings].map((w) => ({
        code: w.code,
        ...('answer' in w && w.answer !== undefined ? { answer: w.answer } : {}),
        message: w.message,
      })),
      model: r.modelCard.modelVersion,
      backend: out.backend,
      report: o.out,
      ...(o.json === undefined ? {} : { json: o.json }),
    };
    stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return 0;
  } finally {
    await server.close();
    await page.cleanup();
  }
}

/** The checkout's models/hirenet-demo (the source, never rewritten by a build), else the model the SDK ships. */
function defaultModelDir(): string {
  const checkout = resolve(repoRoot, 'models/hirenet-demo');
  return existsSync(checkout) ? checkout : join(sdkPackageDir(), 'assets/model');
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
