/**
 * `hirenet features video FILE [--csv OUT] [--windows-csv OUT] [--fps 15] [--model PATH] [--pose PATH]`
 *
 * Runs the same vision worker code as the browser SDK inside headless Chromium (Debian's
 * /usr/bin/chromium through playwright-core; never a downloaded browser). A node:http server on
 * 127.0.0.1 serves the prebuilt page (cli-page.ts) plus the input file and the model, so nothing
 * is fetched from outside. One CSV row per analysed time k / fps.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { stderr, stdout } from 'node:process';
import { fileURLToPath } from 'node:url';
import { errorCodeOr } from '@hirenet/sdk/internal/util/error-codes';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { startPageServer } from './analyze-server.ts';
import { parseCommandArgs } from './args.ts';
import { mediapipeFiles } from './assets-layout.ts';
import { cliPage } from './cli-page.ts';
import { findChromium, launchCliChromium } from './chromium-path.ts';
import { usageLine } from './usage.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The face model as the repo's checkouts have it (../shared); users pass --model. */
const DEFAULT_MODEL = resolve(repoRoot, '../shared/models/face_landmarker.task');

interface PageOutput {
  ok: boolean;
  code?: string | null;
  message?: string;
  initMs?: number;
  stats?: {
    duration: number;
    analysed: number;
    faceRatio: number;
    speed: number;
    wallMs: number;
    detectMsMedian: number;
  };
  csv?: string;
  windows?: { start: number; faceRatio: number; values: number[] | null; posture?: (number | null)[] | null }[];
  schema?: { version: string; windowColumns: string[]; postureColumns?: string[] };
}

export async function runFeaturesVideo(args: string[]): Promise<number> {
  const { flags, positional } = parseCommandArgs('features video', args);
  const [file] = positional;
  if (file === undefined) throw new HireNetError('usage', usageLine('features video'));
  const input = resolve(file);
  if (!existsSync(input)) throw new HireNetError('usage', `no such file: ${input}`);
  const model = resolve(flags.get('model') ?? DEFAULT_MODEL);
  if (!existsSync(model))
    throw new HireNetError('usage', `face model not found at ${model}; pass --model PATH/face_landmarker.task`);
  const pose = flags.get('pose') === undefined ? undefined : resolve(flags.get('pose')!);
  if (pose !== undefined && !existsSync(pose))
    throw new HireNetError('usage', `pose model not found at ${pose}; pass --pose PATH/pose_landmarker_lite.task`);
  const fps = Number(flags.get('fps') ?? 15);
  if (!(fps > 0 && fps <= 60)) throw new HireNetError('usage', '--fps must be in (0, 60]');

  // The prebuilt page (scripts/build-cli-pages.ts), the input and the model; nothing else.
  const pageFiles = await cliPage('video');
  const server = await startPageServer({
    pageDir: pageFiles.dir,
    // MediaPipe's wasm from the SDK's own dependency, as `hirenet assets` copies it (not a second copy in the page).
    assets: new Map([...mediapipeFiles()]),
    files: new Map([
      ['/__hirenet/input', input],
      ['/__hirenet/model', model],
      ...(pose === undefined ? [] : ([['/__hirenet/pose', pose]] as const)),
    ]),
  });
  const found = await findChromium({ headlessShell: true });
  if (found === undefined) {
    await server.close();
    await pageFiles.cleanup();
    throw new HireNetError(
      'chromium-missing',
      'no Chromium: apt-get install chromium-headless-shell, npm install, or set HIRENET_CHROMIUM',
    );
  }
  const { origin } = server;
  const browser = await launchCliChromium(found);
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => stderr.write(`hirenet: page error: ${e.message}\n`));
    await page.goto(`${origin}/video.html`);
    await page.waitForFunction(() => typeof (window as VideoPage).hirenetVideo === 'function', undefined, {
      timeout: 120_000,
    });
    const out = (await page.evaluate((a) => (window as VideoPage).hirenetVideo!(a), {
      inputUrl: '/__hirenet/input',
      modelUrl: '/__hirenet/model',
      fps,
      wasmLoaderUrl: '/hirenet/mediapipe/vision_wasm_module_internal.js',
      wasmBinaryUrl: '/hirenet/mediapipe/vision_wasm_module_internal.wasm',
      ...(pose === undefined ? {} : { poseUrl: '/__hirenet/pose' }),
    })) as PageOutput;
    if (!out.ok)
      throw new HireNetError(errorCodeOr(out.code, 'chromium-failed'), out.message ?? 'video analysis failed');
    const s = out.stats!;
    stderr.write(
      `hirenet: ${s.analysed} frames over ${s.duration.toFixed(2)} s, face in ${(100 * s.faceRatio).toFixed(1)} %, ` +
        `${s.detectMsMedian.toFixed(1)} ms/frame, ${s.speed.toFixed(2)}× real time\n`,
    );
    const csvOut = flags.get('csv');
    if (csvOut === undefined) stdout.write(out.csv!);
    else writeFileSync(csvOut, out.csv!);
    const winOut = flags.get('windows-csv');
    if (winOut !== undefined) {
      // With --pose: the posture columns after the face ones; an unmeasured cell is empty, never 0.
      const extra = out.schema!.postureColumns ?? [];
      const header = ['start', 'faceRatio', 'masked', ...out.schema!.windowColumns, ...extra].join(',');
      const lines = out.windows!.map((w) =>
        [
          w.start,
          w.faceRatio,
          w.values === null ? 1 : 0,
          ...(w.values ?? out.schema!.windowColumns.map(() => '')),
          ...extra.map((_, i) => w.posture?.[i] ?? ''),
        ].join(','),
      );
      writeFileSync(winOut, `${[header, ...lines].join('\n')}\n`);
    }
    return 0;
  } finally {
    await browser.close();
    await server.close();
    await pageFiles.cleanup();
  }
}

/**
 * What the video page defines on window (packages/sdk/src/video/cli-page.ts), typed here so dist needs no page types.
 */
interface VideoPage {
  hirenetVideo?: (a: unknown) => Promise<unknown>;
}
