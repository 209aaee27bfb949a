import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import type { DatasetAnswer, DescriptorModality as Modality } from '@hirenet/sdk/internal/dataset/format';
import { gaussian, mulberry32 } from '@hirenet/sdk/internal/util/prng';
import { EVENT_MARGIN, type SimConfig } from './config.ts';
import { drawFrame, drawMissing, intIn, interviewSeed } from './draws.ts';
import type { JobFamily, QuestionType } from './events.ts';
import { modalitySpec, type ModalitySpec } from './features.ts';
import { speakerAnswers } from './series.ts';
import { jobTitle, questionText } from './templates.ts';
import {
  ANSWER_OFFSET_SD,
  BURST_SD,
  DISTRACTORS,
  EVENT_PAIR,
  pairIsEvent,
  type Burst,
  type BurstPair,
  type SimVariant,
} from './variants.ts';

/** An event of a variant world: the windows where the pair satisfies the rule (end exclusive). */
export interface VariantEvent {
  readonly answer: number;
  readonly start: number;
  readonly end: number;
  readonly relevant: boolean;
}

/** A distractor burst; `columns` names the column it lands on in each generated modality. */
export interface Distractor {
  readonly answer: number;
  readonly start: number;
  readonly end: number;
  readonly sign: 1 | -1;
  readonly columns: Partial<Record<Modality, string>>;
}

/** One interviews.jsonl line of a variant world. */
export interface SimVariantInterview {
  readonly id: string;
  readonly label: 0 | 1;
  readonly cleanLabel: 0 | 1;
  readonly variant: SimVariant;
  readonly jobTitle: string;
  readonly jobFamily: JobFamily;
  readonly questions: string[];
  readonly questionTypes: QuestionType[];
  /** Only the pairs that satisfy the rule: what attention should find. */
  readonly events: VariantEvent[];
  /** One pair per answer, event or foil, in both modalities' terms (columns from EVENT_PAIR). */
  readonly pairs: BurstPair[];
  readonly distractors: Distractor[];
  readonly answers: DatasetAnswer[];
}

/** A start so that [start, start + span) keeps EVENT_MARGIN windows free at both ends. */
function startFor(length: number, span: number, uniform: () => number): number {
  return intIn({ min: EVENT_MARGIN, max: length - span - EVENT_MARGIN }, uniform);
}

function burst(column: string, start: number, size: number, sign: 1 | -1): Burst {
  return { column, start, end: start + size, sign };
}

/** The two bursts of one answer. Columns are named by their role; the audio names stand for both. */
function drawPair(
  variant: SimVariant,
  isEvent: boolean,
  length: number,
  size: number,
  uniform: () => number,
): [Burst, Burst] {
  const [a, b] = EVENT_PAIR.audio;
  const coin = (): 1 | -1 => (uniform() < 0.5 ? 1 : -1);
  if (variant === 'xor') {
    const s = startFor(length, size, uniform);
    const sign = coin();
    return [burst(a, s, size, sign), burst(b, s, size, (isEvent ? -sign : sign) as 1 | -1)];
  }
  if (isEvent) {
    const s = startFor(length, size, uniform);
    return [burst(a, s, size, 1), burst(b, s, size, 1)];
  }
  if (variant === 'shifted') {
    const shift = intIn({ min: Math.max(1, Math.ceil(size / 2)), max: size }, uniform);
    const s = startFor(length, size + shift, uniform);
    return uniform() < 0.5
      ? [burst(a, s, size, 1), burst(b, s + shift, size, 1)]
      : [burst(a, s + shift, size, 1), burst(b, s, size, 1)];
  }
  // cooccur foil: the same two bursts, each uniform in the answer, redrawn until they share no window.
  for (;;) {
    const first = burst(a, startFor(length, size, uniform), size, 1);
    const second = burst(b, startFor(length, size, uniform), size, 1);
    if (first.end <= second.start || second.end <= first.start) return [first, second];
  }
}

/** Columns a distractor may land on: generated `_mean` columns outside the pair. */
function distractorColumns(spec: ModalitySpec): string[] {
  const pair = EVENT_PAIR[spec.modality];
  return spec.features
    .filter(
      (f) =>
        f.derived === undefined && (f.name.endsWith('_mean') || f.name === 'voicedFraction') && !pair.includes(f.name),
    )
    .map((f) => f.name);
}

/** Holds the label's answers (relevant) and coin flips elsewhere, forcing both kinds when n ≥ 2. */
function drawHolds(relevant: readonly boolean[], hirable: boolean, uniform: () => number): boolean[] {
  const holds = relevant.map((r) => (r ? hirable : uniform() < 0.5));
  const others = relevant.flatMap((r, i) => (r ? [] : [i]));
  if (others.length > 0 && holds.every((h) => h === hirable))
    holds[others[Math.floor(uniform() * others.length)] ?? 0] = !hirable;
  return holds;
}

/** Additive deltas of one answer on one modality, full length (start 0), in column order. */
function answerDeltas(
  spec: ModalitySpec,
  length: number,
  pair: BurstPair,
  distractors: readonly Distractor[],
  strength: number,
  gauss: () => number,
): { columns: number[]; deltas: Float64Array[] } {
  const columns: number[] = [];
  const deltas: Float64Array[] = [];
  const byName = new Map<string, Float64Array>();
  spec.features.forEach((f, j) => {
    if (f.derived !== undefined) return;
    const d = new Float64Array(length).fill(ANSWER_OFFSET_SD * f.sd * gauss());
    columns.push(j);
    deltas.push(d);
    byName.set(f.name, d);
  });
  const sdOf = new Map(spec.features.map((f) => [f.name, f.sd]));
  const [nameA, nameB] = EVENT_PAIR[spec.modality];
  const add = (name: string | undefined, b: Pick<Burst, 'start' | 'end' | 'sign'>): void => {
    const d = name === undefined ? undefined : byName.get(name);
    if (d === undefined || name === undefined) return;
    for (let t = b.start; t < b.end; t++) d[t] = (d[t] ?? 0) + b.sign * BURST_SD * (sdOf.get(name) ?? 0) * strength;
  };
  add(nameA, pair.first);
  add(nameB, pair.second);
  for (const x of distractors) add(x.columns[spec.modality], x);
  return { columns, deltas };
}

export function generateVariantInterview(config: SimConfig, index: number): SimVariantInterview {
  const variant = config.variant;
  if (variant === undefined) throw new HireNetError('invalid-config', 'generateVariantInterview needs config.variant');
  const uniform = mulberry32(interviewSeed(config.seed, index));
  const gauss = gaussian(uniform);

  const { jobFamily, questionTypes, relevant, hirable } = drawFrame(config.answers, config.hirableRate, uniform);
  const holds = drawHolds(relevant, hirable, uniform);
  const missing = drawMissing(config.modalities, relevant, config.missingRate, uniform);
  const lengths = questionTypes.map(() => intIn(config.windows, uniform));

  const pairs: BurstPair[] = [];
  const distractors: Distractor[] = [];
  const candidates = new Map(config.modalities.map((m) => [m, distractorColumns(modalitySpec(m))] as const));
  lengths.forEach((length, answer) => {
    const size = intIn(config.eventWindows, uniform);
    const [first, second] = drawPair(variant, holds[answer] ?? false, length, size, uniform);
    pairs.push({ answer, relevant: relevant[answer] ?? false, first, second });
    const count = intIn(DISTRACTORS, uniform);
    for (let k = 0; k < count; k++) {
      const span = intIn(config.eventWindows, uniform);
      const start = startFor(length, span, uniform);
      const sign: 1 | -1 = uniform() < 0.5 ? 1 : -1;
      const columns: Partial<Record<Modality, string>> = {};
      for (const [m, names] of candidates) columns[m] = names[Math.floor(uniform() * names.length)] ?? names[0] ?? '';
      distractors.push({ answer, start, end: start + span, sign, columns });
    }
  });

  const answers = speakerAnswers(
    config.modalities,
    missing,
    lengths.map((l) => l ?? 0),
    uniform,
    gauss,
    (i, _m, spec) => ({
      profile: answerDeltas(
        spec,
        lengths[i] ?? 0,
        pairs[i]!,
        distractors.filter((x) => x.answer === i),
        config.eventStrength,
        gauss,
      ),
      start: 0,
    }),
  );

  const events = pairs
    .filter((p) => pairIsEvent(variant, p))
    .map((p) => ({ answer: p.answer, start: p.first.start, end: p.first.end, relevant: p.relevant }));
  const cleanLabel = variantLabel(variant, pairs);
  const label: 0 | 1 = uniform() < config.labelNoise ? (cleanLabel === 1 ? 0 : 1) : cleanLabel;
  return {
    id: `sim-${variant}-${config.seed}-${String(index).padStart(6, '0')}`,
    label,
    cleanLabel,
    variant,
    jobTitle: jobTitle(jobFamily, uniform),
    jobFamily,
    questions: questionTypes.map((t) => questionText(t, uniform)),
    questionTypes,
    events,
    pairs,
    distractors,
    answers,
  };
}

/** The variant rule over one interview's pairs: a majority of relevant pairs are events (ties → 0). */
export function variantLabel(variant: SimVariant, pairs: readonly BurstPair[]): 0 | 1 {
  let votes = 0;
  for (const p of pairs) if (p.relevant) votes += pairIsEvent(variant, p) ? 1 : -1;
  return votes > 0 ? 1 : 0;
}
