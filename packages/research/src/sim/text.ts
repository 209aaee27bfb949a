import type { TranscriptWord } from '@hirenet/sdk/internal/dataset/format';
import { mulberry32 } from '@hirenet/sdk/internal/util/prng';
import { EVENT_MARGIN } from './config.ts';
import type { EventKind, PlantedEvent } from './events.ts';

/**
 * SimInterview's transcripts. Each answer is filler drawn i.i.d. from FILLER, with one planted word
 * event at the same kind as the answer's voice/face event: RISE_WORD repeated over the first phase
 * and PAUSE_WORD over the second ('rise-pause'), or the mirror order ('pause-rise'). Both kinds hold
 * the same multiset of words, so a bag of words carries no signal; only the order does (H1), and
 * only in the answers whose question counts for the job (H4), as in the other channels.
 * Every word is an exact vocabulary entry and one token, so word k is row k of the model's input.
 */
export const RISE_WORD = 'schedule';
export const PAUSE_WORD = 'budget';

/** Everyday, neutral words (no judgement or emotion words); a test checks each is in the vocabulary. */
export const FILLER: readonly string[] = (
  'the we our my then and so team project client work code plan time week data report meeting system process ' +
  'customer product call email review test design list task people office result goal question answer idea ' +
  'change step part day month year first next last new other same each very also just really often usually ' +
  'later after before with for from about into on at in by to of it this that there was were is had have did ' +
  'do made took worked looked asked went used built wrote sent read kept found set ran moved added checked ' +
  'called talked helped put'
).split(' ');

/** Words per answer and seconds per word. */
export const TEXT_WORDS = { min: 24, max: 80 } as const;
const EVENT_PHASE = { min: 1, max: 3 } as const;

export interface TextAnswer {
  readonly words: TranscriptWord[];
  readonly event: PlantedEvent;
}

function intIn(min: number, max: number, u: () => number): number {
  return min + Math.floor(u() * (max - min + 1));
}

/** One answer's words with times, and its planted event in word indices (end exclusive). */
export function textAnswer(answer: number, kind: EventKind, relevant: boolean, u: () => number): TextAnswer {
  const length = intIn(TEXT_WORDS.min, TEXT_WORDS.max, u);
  const first = intIn(EVENT_PHASE.min, EVENT_PHASE.max, u);
  const second = intIn(EVENT_PHASE.min, EVENT_PHASE.max, u);
  const size = first + second;
  const start = intIn(EVENT_MARGIN, length - size - EVENT_MARGIN, u);
  const [a, b] = kind === 'rise-pause' ? [RISE_WORD, PAUSE_WORD] : [PAUSE_WORD, RISE_WORD];
  const tokens = Array.from({ length }, (_, k) => {
    if (k >= start && k < start + first) return a;
    if (k >= start + first && k < start + size) return b;
    return FILLER[Math.floor(u() * FILLER.length)] as string;
  });
  let t = 0.2 + u() * 0.5;
  const words = tokens.map((word) => {
    const duration = 0.18 + 0.04 * word.length + u() * 0.1;
    const w = { word, start: round(t), end: round(t + duration) };
    t += duration + (u() < 0.1 ? 0.3 + u() * 0.6 : 0.05);
    return w;
  });
  return { words, event: { answer, start, end: start + size, kind, relevant, firstPhase: first } };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Transcripts of one interview from its own random stream (so adding text leaves the audio and
 * video draws byte-identical), one per answer, with the kinds and relevance of the voice/face events.
 */
export function textAnswers(seed: number, events: readonly Pick<PlantedEvent, 'kind' | 'relevant'>[]): TextAnswer[] {
  const u = mulberry32((seed ^ 0x7e475eed) >>> 0);
  return events.map((e, i) => textAnswer(i, e.kind, e.relevant, u));
}
