import type { DatasetAnswer } from '@hirenet/sdk/internal/dataset/format';
import { gaussian, mulberry32 } from '@hirenet/sdk/internal/util/prng';
import { EVENT_MARGIN, type SimConfig } from './config.ts';
import {
  EVENT_KINDS,
  HIRABLE_KIND,
  eventProfile,
  plantedLabel,
  type EventKind,
  type JobFamily,
  type PlantedEvent,
  type QuestionType,
} from './events.ts';
import { drawFrame, drawMissing, intIn, interviewSeed } from './draws.ts';
import { speakerAnswers } from './series.ts';
import { jobTitle, questionText } from './templates.ts';
import { textAnswers } from './text.ts';

export { interviewSeed } from './draws.ts';

/** One interviews.jsonl line: the dataset format plus SimInterview's ground truth. */
export interface SimInterview {
  readonly id: string;
  /** Written label, after label noise. */
  readonly label: 0 | 1;
  /** Label from the planted-event rule, before noise. */
  readonly cleanLabel: 0 | 1;
  readonly jobTitle: string;
  readonly jobFamily: JobFamily;
  readonly questions: string[];
  readonly questionTypes: QuestionType[];
  /** One event per answer, window indices end-exclusive. */
  readonly events: PlantedEvent[];
  readonly answers: DatasetAnswer[];
  readonly [extra: string]: unknown;
}

/** Relevant answers all carry the label's kind; the others are coin flips, forced to show both kinds. */
function drawKinds(relevant: readonly boolean[], hirable: boolean, uniform: () => number): EventKind[] {
  const labelKind: EventKind = hirable ? HIRABLE_KIND : (EVENT_KINDS.find((k) => k !== HIRABLE_KIND) ?? HIRABLE_KIND);
  const kinds = relevant.map((r) => (r ? labelKind : (EVENT_KINDS[uniform() < 0.5 ? 0 : 1] ?? labelKind)));
  const distractors = relevant.flatMap((r, i) => (r ? [] : [i]));
  if (distractors.length > 0 && kinds.every((k) => k === labelKind)) {
    const i = distractors[Math.floor(uniform() * distractors.length)] ?? 0;
    kinds[i] = labelKind === 'rise-pause' ? 'pause-rise' : 'rise-pause';
  }
  return kinds;
}

function drawEvent(
  answer: number,
  length: number,
  kind: EventKind,
  relevant: boolean,
  config: SimConfig,
  uniform: () => number,
): PlantedEvent {
  const size = intIn(config.eventWindows, uniform);
  // Rise and pause lengths are drawn the same way for both kinds, so a kind is exactly the
  // mirror image of the other: (rise a, pause b) at s ↔ (pause b, rise a) at length − s − size.
  const rise = uniform() < 0.5 ? Math.floor(size / 2) : Math.ceil(size / 2);
  const start = intIn({ min: EVENT_MARGIN, max: length - size - EVENT_MARGIN }, uniform);
  const firstPhase = kind === 'rise-pause' ? rise : size - rise;
  return { answer, start, end: start + size, kind, relevant, firstPhase };
}

export function generateInterview(config: SimConfig, index: number): SimInterview {
  const uniform = mulberry32(interviewSeed(config.seed, index));
  const gauss = gaussian(uniform);

  const { jobFamily, questionTypes, relevant, hirable } = drawFrame(config.answers, config.hirableRate, uniform);
  const kinds = drawKinds(relevant, hirable, uniform);
  const missing = drawMissing(config.modalities, relevant, config.missingRate, uniform);
  const lengths = questionTypes.map(() => intIn(config.windows, uniform));
  const events = kinds.map((kind, i) =>
    drawEvent(i, lengths[i] ?? config.windows.min, kind, relevant[i] ?? false, config, uniform),
  );

  const answers = speakerAnswers(
    config.modalities,
    missing,
    lengths.map((l) => l ?? 0),
    uniform,
    gauss,
    (i, m, spec) => {
      const event = events[i]!;
      return { profile: eventProfile(event, m, spec.features, config.eventStrength), start: event.start };
    },
  );

  const text = config.text === true ? textAnswers(interviewSeed(config.seed, index), events) : null;
  const withText = text === null ? answers : answers.map((a, i) => ({ ...a, words: text[i]?.words ?? null }));
  const textEvents = text === null ? undefined : text.map((t) => t.event);
  const cleanLabel = plantedLabel(jobFamily, questionTypes, events);
  const label: 0 | 1 = uniform() < config.labelNoise ? (cleanLabel === 1 ? 0 : 1) : cleanLabel;
  return {
    id: `sim-${config.seed}-${String(index).padStart(6, '0')}`,
    label,
    cleanLabel,
    jobTitle: jobTitle(jobFamily, uniform),
    jobFamily,
    questions: questionTypes.map((t) => questionText(t, uniform)),
    questionTypes,
    // A text-only interview's events are its word events; otherwise they stay the windows' events.
    events: textEvents !== undefined && config.modalities.length === 0 ? textEvents : events,
    ...(textEvents === undefined ? {} : { textEvents }),
    answers: withText,
  };
}

/** Interviews one at a time, so a writer never holds more than one in memory. */
export function* simInterviews(config: SimConfig): Generator<SimInterview> {
  for (let i = 0; i < config.interviews; i++) yield generateInterview(config, i);
}
