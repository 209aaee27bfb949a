/**
 * Live-vs-file audio agreement over many window phases, in Node: the browser bench's three takes
 * start wherever the fake mic happens to be, so one run samples three phases of the 0.25 s window
 * grid; this samples eight phases (0, 1/8, …, 7/8 of a hop) at three loop offsets per clip. How a
 * take and the file are made and compared: agreement-phase-rows.ts.
 *
 *   node --conditions=source --import tsx bench/lib/agreement-phases.ts [--features] [--phase=F] [--cubic] [clip …]
 *
 * Prints per clip the median r over the offsets at each phase, then the median and the minimum
 * over all takes. --features lists each clip's 12 worst features (median r over its takes);
 * --phase=F measures only phase F (fraction of a hop); --cubic interpolates the file's windows
 * with Catmull-Rom instead of linearly (the browser bench interpolates linearly; cubic barely
 * helps: the loss between grid points is aliasing of window values sampled every hop).
 */
import { join } from 'node:path';
import { AUDIO_FEATURE_SCHEMA } from '@hirenet/sdk/internal/audio/schema';
import { median } from '../../test/browser/agreement-stats.ts';
import { clipAgreement, medianFinite } from './agreement-phase-rows.ts';

const VIDEO = new URL('../../../shared/fixtures/video/', import.meta.url).pathname;
const NAMES = AUDIO_FEATURE_SCHEMA.windowFeatures;
const HOP = AUDIO_FEATURE_SCHEMA.hopSeconds;
const only = process.argv.find((a) => a.startsWith('--phase='));
const PHASES = only !== undefined ? [Number(only.slice(8))] : [0, 1, 2, 3, 4, 5, 6, 7].map((j) => j / 8);
const OFFSETS = [0.5, 1.75, 3.0];

const showFeatures = process.argv.includes('--features');
const clips = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const header = PHASES.map((p) => p.toFixed(3).padStart(6)).join(' ');
console.log(`${'clip'.padEnd(11)} phase→ ${header} | median  min`);
const all: number[] = [];
for (const clip of clips.length > 0 ? clips : ['talk_f1', 'vrt_face_1', 'vrt_face_4']) {
  const { take } = clipAgreement(join(VIDEO, `${clip}.mp4`), process.argv.includes('--cubic'));
  const perPhase: number[] = [];
  const takes: number[][] = [];
  for (const phase of PHASES) {
    const rs = OFFSETS.map((o) => {
      const r = take(o + phase * HOP);
      takes.push(r);
      return medianFinite(r);
    });
    perPhase.push(median(rs));
  }
  const perTake = takes.map(medianFinite);
  all.push(...perTake);
  const cells = perPhase.map((r) => r.toFixed(3).padStart(6)).join(' ');
  console.log(`${clip.padEnd(11)}        ${cells} | ${median(perTake).toFixed(3)} ${Math.min(...perTake).toFixed(3)}`);
  if (showFeatures) {
    const perFeature = NAMES.map((n, f) => ({ n, r: median(takes.map((r) => r[f]!).filter(Number.isFinite)) }));
    const worst = perFeature.filter((x) => Number.isFinite(x.r)).sort((a, b) => a.r - b.r);
    const shown = worst.slice(0, 12).map((x) => `${x.n} ${x.r.toFixed(2)}`);
    console.log(`  worst: ${shown.join(', ')}`);
  }
}
console.log(
  `all takes: median ${median(all).toFixed(3)}, ${all.filter((r) => r < 0.9).length} of ${all.length} under 0.9`,
);
