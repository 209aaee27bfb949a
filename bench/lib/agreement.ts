/**
 * `--only agreement` (issue 12): same media, same rows, and test–retest, with the shipped demo
 * model through the session API (test/browser/pages/session/agreement.html). Per clip, a Chromium
 * whose fake camera and mic play it: live takes as long as the clip, the file uploaded twice, its
 * two halves uploaded (adjacent segments of one speaker), and one stored interview re-scored on
 * every backend. Then the two halves of jfk.wav (audio only) in the last clip's browser.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { repoRoot, sharedMissing, sharedPath, sharedUrl } from '../../test/browser/harness/paths.ts';
import { cleanWorkDir, demoModel, FACE_MODEL, fakeMedia } from '../../test/browser/session-fixtures.ts';
import { clipFigures, MODALITIES, spreadOf } from './agreement-figures.ts';
import type { ClipFigures, Modality, PageOut, Scores } from './agreement-figures.ts';
import { startPageRunner, type PageRunner } from './page-server.ts';
import { ffmpeg } from '../../test/browser/harness/tools.ts';

export const AGREEMENT_CLIPS = ['talk_f1', 'vrt_face_1', 'vrt_face_4'] as const;
export const AGREEMENT_BACKENDS = ['wasm', 'cpu', 'webgl', 'webgpu'] as const;
export const AUDIO_ONLY = 'fixtures/audio/jfk.wav';
/** The bars: median per-feature r live vs file, and backends within 1e-4 of each other. */
export const R_BAR = 0.9;
export const BACKEND_TOLERANCE = 1e-4;
// What the SDK's requestInterviewMedia asks for changed in 0fbacc9 (before: { audio: true }, processing on).
export const SDK_AUDIO =
  'requestInterviewMedia as shipped (since 0fbacc9: echo cancellation, noise suppression and gain control off)';
export const RAW_AUDIO =
  "the page's own getUserMedia with echoCancellation, noiseSuppression and autoGainControl false";

export interface AgreementPlan {
  readonly clips: readonly string[];
  readonly takes: number;
  /** Square clips stay square in the fake camera (ffmpeg scale argument). */
  readonly scale: string;
  /**
   * Live mic without the browser's echo cancellation, noise suppression and gain control (default: as the SDK asks).
   */
  readonly rawAudio?: boolean;
}

export type ClipResult = { clip: string; seconds: number; takeSeconds: number; camera: string } & (
  | { error: string }
  | ClipFigures
);
export interface AudioOnlyResult {
  readonly source: string;
  readonly seconds: number;
  readonly file: Scores;
  readonly halves: readonly Scores[];
  readonly halvesSpread: Scores;
  readonly fileTwiceIdentical: boolean;
}
export interface AgreementResult {
  readonly model: string;
  readonly takes: number;
  /** How the live mic was captured (absent in older results: the SDK's request). */
  readonly audioCapture?: string;
  readonly backends: readonly string[];
  readonly clips: readonly ClipResult[];
  readonly audioOnly: AudioOnlyResult | { error: string };
  /** os.loadavg() (1/5/15 min) when the section started and ended: the machine is shared. */
  readonly load: { readonly start: number[]; readonly end: number[] };
  readonly seconds: number;
}

const load = (): number[] => loadavg().map((v) => Math.round(v * 100) / 100);
const errorOf = (e: unknown): string => (e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e));
const cacheDir = join(repoRoot, 'node_modules/.cache/hirenet-bench-agreement');

function duration(file: string): number {
  const args = ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file];
  const out = execFileSync('ffprobe', args, { encoding: 'utf8' });
  const s = Number(out.trim());
  if (!Number.isFinite(s) || s <= 0) throw new Error(`ffprobe: no duration for ${file} (${out.trim()})`);
  return s;
}

/** The file cut at its midpoint into two adjacent halves (same container kind), made once under node_modules/.cache. */
function halves(file: string, seconds: number, ext: 'mp4' | 'wav'): string[] {
  mkdirSync(cacheDir, { recursive: true });
  const mid = (seconds / 2).toFixed(3);
  const codec = ext === 'mp4' ? ['-c:v', 'libx264', '-c:a', 'aac'] : ['-c:a', 'pcm_s16le'];
  return [0, 1].map((k) => {
    const out = join(cacheDir, `${basename(file).replace(/\.\w+$/, '')}-${mid}-half${k}.${ext}`);
    const cut = k === 0 ? ['-t', mid] : ['-ss', mid];
    if (existsSync(out)) return out;
    execFileSync(ffmpeg(), ['-hide_banner', '-loglevel', 'error', '-y', '-i', file, ...cut, ...codec, out]);
    return out;
  });
}

/** The clip's sound as the fake mic plays it (session-fixtures.ts makes the same file), under the served cache. */
function micWav(file: string): string {
  mkdirSync(cacheDir, { recursive: true });
  const out = join(cacheDir, `${basename(file).replace(/\.\w+$/, '')}-mic.wav`);
  if (existsSync(out)) return out;
  execFileSync(ffmpeg(), [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-i',
    file,
    '-vn',
    '-ac',
    '2',
    '-ar',
    '44100',
    '-c:a',
    'pcm_s16le',
    out,
  ]);
  return out;
}

/** Column names of each modality as the model's standardiser lists them (the rows' order). */
function featureNames(model: string): Partial<Record<Modality, readonly string[]>> {
  const out: Partial<Record<Modality, readonly string[]>> = {};
  for (const m of MODALITIES) {
    const path = join(model, m, 'model.json');
    if (!existsSync(path)) continue;
    type ModelJson = { hirenet?: { metadata?: { features?: { standardizer?: { names?: string[] } } } } };
    const json = JSON.parse(readFileSync(path, 'utf8')) as ModelJson;
    const names = json.hirenet?.metadata?.features?.standardizer?.names;
    if (names !== undefined) out[m] = names;
  }
  return out;
}

const fsUrl = (abs: string): string => `/@fs${abs}`;

function assets(model: string): Record<string, string> {
  return {
    modelUrl: `${fsUrl(model)}/`,
    vocabUrl: `${fsUrl(join(repoRoot, 'models/vocab'))}/`,
    wasmPaths: `${fsUrl(join(repoRoot, 'node_modules/@tensorflow/tfjs-backend-wasm/dist'))}/`,
    faceModelUrl: sharedUrl(FACE_MODEL),
  };
}

async function runPage(runner: PageRunner, args: Record<string, unknown>, timeoutMs: number): Promise<PageOut> {
  const r = await runner.run<PageOut>('test/browser/pages/session/agreement.html', args, timeoutMs);
  if ('error' in r) throw new Error(r.error);
  return r;
}

async function audioOnly(runner: PageRunner, model: string): Promise<AudioOnlyResult> {
  const wav = sharedPath(AUDIO_ONLY);
  const seconds = duration(wav);
  const parts = halves(wav, seconds, 'wav');
  const out = await runPage(
    runner,
    {
      assets: assets(model),
      clipUrl: sharedUrl(AUDIO_ONLY),
      takes: 0,
      seconds: 0,
      segmentUrls: parts.map(fsUrl),
      backends: [],
    },
    10 * 60_000,
  );
  const f = clipFigures(out, [], {});
  return {
    source: AUDIO_ONLY,
    seconds,
    file: f.file,
    halves: f.halves,
    halvesSpread: spreadOf(f.halves),
    fileTwiceIdentical: f.fileTwiceIdentical,
  };
}

export async function benchAgreement(plan: AgreementPlan, log: (m: string) => void): Promise<AgreementResult> {
  const t0 = performance.now();
  const start = load();
  const model = demoModel();
  const names = featureNames(model);
  const clips: ClipResult[] = [];
  let audio: AgreementResult['audioOnly'] = { error: 'not run: no clip browser started' };
  for (const [i, clip] of plan.clips.entries()) {
    const rel = `fixtures/video/${clip}.mp4`;
    const camera = `${plan.scale.replace(':', '×')} y4m + 44.1 kHz stereo wav from ${clip}.mp4`;
    const missing = sharedMissing(rel, FACE_MODEL);
    if (missing !== undefined) {
      clips.push({ clip, seconds: 0, takeSeconds: 0, camera, error: missing });
      continue;
    }
    const seconds = duration(sharedPath(rel));
    const takeSeconds = Math.round(seconds * 10) / 10;
    log(`agreement ${clip}: ${plan.takes} live takes of ${takeSeconds} s, file ×2, halves, backends`);
    try {
      const parts = halves(sharedPath(rel), seconds, 'mp4');
      const media = fakeMedia({ clip: rel, scale: plan.scale });
      // The devices loop these files: their lengths are the periods live takes wrap at.
      const periods = { audio: duration(media.audio), video: duration(media.video) };
      const runner = await startPageRunner({ fakeMedia: media });
      try {
        const out = await runPage(
          runner,
          {
            assets: assets(model),
            clipUrl: sharedUrl(rel),
            takes: plan.takes,
            seconds: takeSeconds,
            segmentUrls: [...parts, micWav(sharedPath(rel))].map(fsUrl),
            backends: [...AGREEMENT_BACKENDS],
            rawAudio: plan.rawAudio === true,
          },
          20 * 60_000,
        );
        // The raw rows stay out of results.json; kept beside the halves (ignored) for re-analysis.
        writeFileSync(join(cacheDir, `raw-${clip}.json`), JSON.stringify({ periods, out }));
        clips.push({ clip, seconds, takeSeconds, camera, ...clipFigures(out, AGREEMENT_BACKENDS, names, periods) });
        if (i === plan.clips.length - 1) {
          log(`agreement ${AUDIO_ONLY} halves …`);
          audio = await audioOnly(runner, model).catch((e: unknown) => ({ error: errorOf(e) }));
        }
      } finally {
        await runner.close();
      }
    } catch (e) {
      clips.push({ clip, seconds, takeSeconds, camera, error: errorOf(e) });
    } finally {
      cleanWorkDir();
    }
  }
  return {
    model: model.startsWith(repoRoot) ? model.slice(repoRoot.length + 1) : model,
    takes: plan.takes,
    audioCapture: plan.rawAudio === true ? RAW_AUDIO : SDK_AUDIO,
    backends: [...AGREEMENT_BACKENDS],
    clips,
    audioOnly: audio,
    load: { start, end: load() },
    seconds: (performance.now() - t0) / 1000,
  };
}
