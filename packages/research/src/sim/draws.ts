import type { DescriptorModality as Modality } from '@hirenet/sdk/internal/dataset/format';
import type { IntRange } from './config.ts';
import { isRelevant, type JobFamily, type QuestionType } from './events.ts';

/** Draws shared by the default world and its variants (same order of uniforms in both). */
const QUESTION_TYPES: readonly QuestionType[] = ['technical', 'behavioural', 'motivation'];

export function intIn(r: IntRange, uniform: () => number): number {
  return r.min + Math.floor(uniform() * (r.max - r.min + 1));
}

/**
 * Question types are drawn without looking at the job: with two or more questions the interview
 * has at least one technical and one behavioural question, so the mix of types says nothing
 * about the job family and only the job title tells which answers count (H4).
 */
export function drawQuestionTypes(job: JobFamily, n: number, uniform: () => number): QuestionType[] {
  if (n === 1) return [job === 'engineering' ? 'technical' : 'behavioural'];
  for (;;) {
    const types = Array.from({ length: n }, () => QUESTION_TYPES[Math.floor(uniform() * 3)] ?? 'motivation');
    if (types.includes('technical') && types.includes('behavioural')) return types;
  }
}

/**
 * Which modality is missing per answer. Never both; and never every relevant answer of a
 * modality, so the clean label stays recoverable from each modality on its own.
 */
export function drawMissing(
  modalities: readonly Modality[],
  relevant: readonly boolean[],
  rate: number,
  uniform: () => number,
): (Modality | null)[] {
  const missing = relevant.map(() => {
    if (uniform() >= rate) return null;
    return modalities.length === 2 ? (modalities[uniform() < 0.5 ? 0 : 1] ?? null) : (modalities[0] ?? null);
  });
  for (const m of modalities) {
    const keep = relevant.findIndex((r, i) => r && missing[i] !== m);
    if (keep < 0) missing[relevant.indexOf(true)] = null;
  }
  return missing;
}

/** Independent stream per interview, so interview i is the same whatever K is and can be regenerated alone. */
export function interviewSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The interview's frame, drawn first in both worlds: job family, questions, which count, the label. */
export interface InterviewFrame {
  readonly jobFamily: JobFamily;
  readonly questionTypes: QuestionType[];
  readonly relevant: boolean[];
  readonly hirable: boolean;
}

export function drawFrame(answers: IntRange, hirableRate: number, uniform: () => number): InterviewFrame {
  const jobFamily: JobFamily = uniform() < 0.5 ? 'sales' : 'engineering';
  const n = intIn(answers, uniform);
  const questionTypes = drawQuestionTypes(jobFamily, n, uniform);
  const relevant = questionTypes.map((t) => isRelevant(jobFamily, t));
  return { jobFamily, questionTypes, relevant, hirable: uniform() < hirableRate };
}
