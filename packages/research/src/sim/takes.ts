import type { DatasetAnswer, DescriptorModality as Modality } from '@hirenet/sdk/internal/dataset/format';
import {
  DEFAULT_TAKE_LAW,
  drawPerturbation,
  gainColumns,
  loudnessFactor,
  mapRange,
  resampleRows,
  takePositions,
} from '../train/take-perturbation.ts';
import { mulberry32 } from '@hirenet/sdk/internal/util/prng';
import { interviewSeed } from './draws.ts';
import { modalitySpec } from './features.ts';

interface Windowed {
  readonly answer: number;
  readonly start: number;
  readonly end: number;
}

/** Any generated line: events always, and for variants the pairs and distractors too. */
interface Line {
  readonly id: string;
  readonly events: readonly Windowed[];
  readonly answers: DatasetAnswer[];
  readonly pairs?: readonly { answer: number; first: Omit<Windowed, 'answer'>; second: Omit<Windowed, 'answer'> }[];
  readonly distractors?: readonly Windowed[];
}

function round4(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

function toFlat(rows: readonly (readonly number[])[], width: number): Float32Array {
  const out = new Float32Array(rows.length * width);
  rows.forEach((r, t) => out.set(r, t * width));
  return out;
}

/**
 * A re-take of a generated interview: every answer read with its own phase, edge trims, dropped
 * windows and gain (train/take-perturbation.ts), the same for all modalities of that answer, and
 * every window range in the ground truth moved with it. Take seeds give independent re-takes, so
 * two takes of one draw differ the way two recordings of the same answers would.
 */
export function takeOf<T extends Line>(line: T, takeSeed: number, index: number): T {
  const uniform = mulberry32(interviewSeed(takeSeed ^ 0x5bd1e995, index));
  const positionsByAnswer: Float64Array[] = [];
  const answers: DatasetAnswer[] = line.answers.map((answer, i) => {
    const length = Math.max(...Object.values(answer).map((rows) => rows?.length ?? 0));
    const p = drawPerturbation(DEFAULT_TAKE_LAW, uniform);
    const positions = length > 0 ? takePositions(length, p, uniform) : new Float64Array(0);
    positionsByAnswer[i] = positions;
    const out: Partial<Record<Modality, number[][] | null>> = {};
    for (const [m, rows] of Object.entries(answer) as [Modality, number[][] | null][]) {
      if (rows === null || rows.length === 0) {
        out[m] = rows;
        continue;
      }
      const names = modalitySpec(m).features.map((f) => f.name);
      const width = names.length;
      const flat = resampleRows(toFlat(rows, width), width, positions);
      for (const { index: c, kind } of gainColumns(names)) {
        for (let t = 0; t < positions.length; t++) {
          const v = flat[t * width + c]!;
          flat[t * width + c] = kind === 'db' ? v + p.gainDb : v * loudnessFactor(p.gainDb);
        }
      }
      out[m] = Array.from({ length: positions.length }, (_, t) =>
        Array.from(flat.subarray(t * width, (t + 1) * width), round4),
      );
    }
    return out;
  });
  const move = <W extends Omit<Windowed, 'answer'>>(answer: number, w: W): W | null => {
    const positions = positionsByAnswer[answer];
    const r = positions === undefined ? null : mapRange(positions, w.start, w.end);
    return r === null ? null : { ...w, ...r };
  };
  const kept = <W extends Windowed>(list: readonly W[]): W[] =>
    list.map((w) => move(w.answer, w)).filter((w): w is W => w !== null);
  const moved: Record<string, unknown> = { ...(line as Record<string, unknown>), answers, events: kept(line.events) };
  if (line.pairs !== undefined) {
    // A burst that falls outside the take is recorded as null.
    moved['pairs'] = line.pairs.map((p) => ({
      ...p,
      first: move(p.answer, p.first),
      second: move(p.answer, p.second),
    }));
  }
  if (line.distractors !== undefined) moved['distractors'] = kept(line.distractors);
  return moved as T;
}
