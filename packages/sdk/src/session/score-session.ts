/**
 * Scoring one interview under the session's state machine: the recorded answers through the
 * consented models (scoring.ts), the result kept and saved, progress and the event log told.
 * An interruption while the models run keeps nothing (state.check throws `cancelled`).
 */
import { prepareInterviewWords } from '../text/answer-text.ts';
import { embedText } from '../text/embed.ts';
import type { AnswerHost } from './answers.ts';
import type { InterviewSpec } from './options.ts';
import { assembleResult, runModels } from './scoring.ts';
import { prepareText } from './text-result.ts';
import type { InterviewResult } from './types.ts';

export async function scoreSession(
  host: AnswerHost & { readonly spec: InterviewSpec },
  epoch: number,
): Promise<InterviewResult> {
  const { ctx, spec, state, rec } = host;
  host.emit('progress', { stage: 'scoring' });
  // The vocabulary fetches vector blocks on demand: those of the words embedded below, once.
  await prepareInterviewWords(ctx.vocab, [spec.jobTitle, ...spec.questions], rec.uses('text') ? rec.transcripts : []);
  const words = {
    jobTitle: embedText(ctx.vocab, spec.jobTitle),
    questions: spec.questions.map((q) => embedText(ctx.vocab, q)),
  };
  const consented = new Map([...ctx.models].filter(([m]) => rec.uses(m)));
  let result: InterviewResult;
  try {
    const outputs = await runModels(consented, rec.answers, words);
    // The words, when consented: the text model (if loaded) and lexical feedback (always).
    const text = rec.uses('text')
      ? await prepareText(consented.get('text'), ctx.vocab, rec.transcripts, rec.answers, spec.questions, words)
      : undefined;
    state.check(epoch, 'result()');
    const context = {
      modelVersion: ctx.modelVersion,
      backend: ctx.backend,
      warnings: rec.warnings,
      questionCount: spec.questions.length,
    };
    result = assembleResult(outputs, rec.answers, context, text);
  } catch (e) {
    if (state.epoch === epoch) rec.log.record({ type: 'analysis', phase: 'failed' });
    throw e;
  }
  rec.result = result;
  rec.log.record({ type: 'analysis', phase: 'completed', answers: rec.answers.filter((a) => a !== null).length });
  const failed = await host.persistOrWarn(epoch);
  host.emit('progress', { stage: 'scored' });
  return failed === null ? result : { ...result, warnings: [...result.warnings, failed] };
}
