/**
 * What `npm run bench` measures per section, and how often: the full plan, or --quick's (under a minute: fewer
 * repetitions, no SwiftShader rows, short video, no session or bytes). --runs N / --baseline-runs N override the
 * row plan (e.g. to re-measure an old commit cheaply); --backends webgpu,wasm limits the rows measured (others are
 * kept from results.json by merge.ts).
 */
import type { MediaPlan } from './media.ts';
import { ALL_CLIPS } from './video.ts';

// Per row: timed runs, baseline runs (0 skips), scorings in the memory check (0 skips).
// --quick keeps one memory check per runtime and skips what costs seconds per call here
// (stock BiGRU on cpu; SwiftShader webgl and webgpu, whose first calls compile for 10–15 s).
export interface RowPlan {
  runs: number;
  baselineRuns: number;
  memoryScorings: number;
}
export interface BenchPlan {
  readonly plan: {
    trainInterviews: number;
    audioSeconds: number;
    auto: boolean;
    row: Record<string, RowPlan | null>;
  };
  readonly media: MediaPlan;
}

export function benchPlan(quick: boolean, argv: readonly string[]): BenchPlan {
  const plan = quick
    ? {
        trainInterviews: 9,
        audioSeconds: 3,
        auto: false,
        row: {
          'node wasm': { runs: 5, baselineRuns: 1, memoryScorings: 20 },
          'node cpu': { runs: 3, baselineRuns: 0, memoryScorings: 0 },
          'chromium wasm': { runs: 5, baselineRuns: 1, memoryScorings: 20 },
          'chromium cpu': { runs: 3, baselineRuns: 0, memoryScorings: 0 },
          'chromium webgl': null,
          'chromium webgpu': null,
        } as Record<string, RowPlan | null>,
      }
    : {
        trainInterviews: 90,
        audioSeconds: 60,
        auto: true,
        row: {
          'node wasm': { runs: 15, baselineRuns: 3, memoryScorings: 100 },
          'node cpu': { runs: 15, baselineRuns: 3, memoryScorings: 100 },
          'chromium wasm': { runs: 15, baselineRuns: 3, memoryScorings: 100 },
          'chromium cpu': { runs: 15, baselineRuns: 3, memoryScorings: 100 },
          'chromium webgl': { runs: 7, baselineRuns: 3, memoryScorings: 100 },
          'chromium webgpu': { runs: 7, baselineRuns: 3, memoryScorings: 40 },
        } as Record<string, RowPlan | null>,
      };
  for (const [flag, key] of [
    ['--runs', 'runs'],
    ['--baseline-runs', 'baselineRuns'],
  ] as const) {
    const i = argv.indexOf(flag);
    if (i >= 0) for (const r of Object.values(plan.row)) if (r !== null) r[key] = Number(argv[i + 1]);
  }
  const backendsArg = argv.indexOf('--backends');
  if (backendsArg >= 0) {
    const keep = new Set((argv[backendsArg + 1] ?? '').split(','));
    for (const key of Object.keys(plan.row)) if (!keep.has(key.split(' ')[1] ?? '')) plan.row[key] = null;
  }
  const media: MediaPlan = quick
    ? {
        video: {
          clips: [],
          fileRuns: 0,
          fileSkipped: 'not in --quick (≈ 10 s under load); run `npm run bench -- --only video`',
          fileWarmup: false,
          liveRuns: 1,
          liveSeconds: 4,
          liveModes: ['track-processor'],
        },
        session: 'a 60 s live answer does not fit in --quick; run `npm run bench -- --only session`',
        bytes: 'a production build of the demo does not fit in --quick; run `npm run bench -- --only bytes`',
      }
    : {
        video: {
          clips: ALL_CLIPS,
          fileRuns: 3,
          fileWarmup: true,
          liveRuns: 3,
          liveSeconds: 20,
          liveModes: ['track-processor', 'video-frame-callback'],
        },
        session: { shortAnswers: 5, shortSeconds: 5, longSeconds: 60 },
        bytes: true,
      };
  return { plan, media };
}
