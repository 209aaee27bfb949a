/**
 * What one interview holds — consent, answers, warnings, result and event logs — and how it is
 * saved on the device. Kept apart from the operations (interview.ts) so that the state machine
 * there decides *when* to save, and this module only *what*: after every step, so a reload
 * loses nothing.
 */
import type { Transcript } from '../text/transcript.ts';
import { decideTake, type TakeInput } from './answer-take.ts';
import type { SessionContext } from './context.ts';
import { SessionError } from './errors.ts';
import { EventLog } from './event-log.ts';
import type { EventLogJson } from './event-log-types.ts';
import { LOG_CODE } from './log-codes.ts';
import type { InterviewSpec } from './options.ts';
import { saveSession, type StoredSession } from './store.ts';
import type { AnswerRecord, ConsentRecord, InterviewResult, SessionModality, SessionWarning } from './types.ts';

export class SessionRecord {
  readonly id: string;
  readonly createdAt: string;
  readonly log: EventLog;
  consent: ConsentRecord | null;
  answers: (AnswerRecord | null)[];
  warnings: SessionWarning[];
  result: InterviewResult | null;
  /** Per question: the transcript of the answer's words (text channel), or null. */
  transcripts: (Transcript | null)[];
  private readonly previousLogs: EventLogJson[];

  constructor(
    private readonly ctx: SessionContext,
    private readonly spec: InterviewSpec,
    stored: StoredSession | undefined,
    /** Called for every warning recorded, after it is kept and logged (the session emits it). */
    private readonly onWarning: (w: SessionWarning) => void,
  ) {
    this.id = stored?.id ?? globalThis.crypto.randomUUID();
    this.log = new EventLog({ randomId: () => this.id });
    this.createdAt = stored?.createdAt ?? new Date().toISOString();
    this.consent = stored?.consent ?? null;
    this.answers = stored === undefined ? spec.questions.map(() => null) : [...stored.answers];
    this.warnings = stored === undefined ? [] : [...stored.warnings];
    this.result = stored?.result ?? null;
    this.transcripts = spec.questions.map((_, i) => stored?.transcripts?.[i] ?? null);
    this.previousLogs = stored === undefined ? [] : [...stored.logs];
  }

  /**
   * Whether channel `m` is consented, modelled and (for video) has a face analyser. Text needs no
   * model: transcripts then give lexical feedback without a text score.
   */
  uses(m: SessionModality): boolean {
    return (
      this.consent?.modalities.includes(m) === true &&
      (m === 'text' ? this.ctx.modalities.includes('text') : this.ctx.models.has(m)) &&
      (m !== 'video' || this.ctx.faces !== null)
    );
  }

  /** Keeps a warning, logs its code (the event log holds codes only) and hands it on. */
  warn(w: SessionWarning): void {
    this.warnings.push(w);
    this.log.record({
      type: 'warning',
      code: LOG_CODE[w.code],
      ...(w.answer === undefined ? {} : { answer: w.answer }),
    });
    this.onWarning(w);
  }

  /**
   * Decides whether a new take of answer `index` is kept (answer-take.ts) and, if so, puts it in
   * place of the earlier one, with its warnings. Returns the stored record, or null.
   */
  applyTake(index: number, x: Omit<TakeInput, 'index'>, captureWarnings: SessionWarning[]): AnswerRecord | null {
    const take = decideTake({ index, ...x }, this.answers[index], this.ctx.names, captureWarnings);
    for (const w of take.warnings) this.warn(w);
    const record = take.store;
    if (record === null) return null;
    // A new take replaces the earlier take's warnings too (the event log keeps every code).
    this.warnings = [
      ...this.warnings.filter((w) => w.answer !== index && !record.warnings.includes(w)),
      ...record.warnings,
    ];
    this.answers[index] = record;
    // The earlier take's words were not said in this one (a transcriber sets the new take's words after).
    this.transcripts[index] = null;
    this.result = null;
    return record;
  }

  /** Puts (or with null removes) the transcript of answer `index`; the result is scored again. */
  setTranscript(index: number, t: Transcript | null): void {
    this.transcripts[index] = t;
    this.result = null;
  }

  /** Erases everything derived from the candidate (answers, their warnings, the result). */
  eraseDerived(): void {
    this.answers = this.answers.map(() => null);
    this.transcripts = this.transcripts.map(() => null);
    this.warnings = this.warnings.filter((w) => w.answer === undefined);
    this.result = null;
  }

  /** Event logs of this session (earlier page loads first), as hirenet-event-log/1 objects. */
  eventLogs(): EventLogJson[] {
    return [...this.previousLogs, this.log.toJSON()];
  }

  /** Saves the session on the device (when this HireNet persists at all). */
  async save(): Promise<void> {
    if (!this.ctx.persist) return;
    const stored: StoredSession = {
      id: this.id,
      createdAt: this.createdAt,
      jobTitle: this.spec.jobTitle,
      questions: this.spec.questions,
      modalities: this.ctx.modalities,
      consent: this.consent,
      answers: this.answers,
      warnings: this.warnings,
      result: this.result,
      transcripts: this.transcripts,
      logs: this.eventLogs(),
    };
    await saveSession(stored, true);
  }

  /**
   * After the work is done, a full disk (QuotaExceededError) must not lose it: the answer or the
   * result stays in memory and is returned, with a `storage-failed` warning that it will not
   * survive a reload. Returns that warning, or null when saved.
   */
  async saveOrWarn(answer?: number): Promise<SessionWarning | null> {
    try {
      await this.save();
      return null;
    } catch (e) {
      if (!(e instanceof SessionError) || e.code !== 'storage') throw e;
      const what = answer === undefined ? 'result' : `answer ${answer + 1}`;
      const w: SessionWarning = {
        code: 'storage-failed',
        ...(answer === undefined ? {} : { answer }),
        message: [
          `could not save on this device (${e.message}); the ${what} is kept in this page only and is lost`,
          'on reload',
        ].join(' '),
      };
      this.warn(w);
      return w;
    }
  }
}
