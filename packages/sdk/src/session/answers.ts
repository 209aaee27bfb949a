/**
 * The answers of one interview as the session records them: a live take (begin → end, through
 * answer-capture.ts) or an uploaded file (answer-file.ts), each stored through the take rule in
 * session-record.ts. The session (interview.ts) checks consent and arguments first; this module
 * runs the operation under the state machine, so an interruption (withdraw, close, delete) during
 * any await keeps nothing.
 */
import { startAnswerCapture, type AnswerCapture } from './answer-capture.ts';
import { analyzeAnswerFile } from './answer-file.ts';
import type { TakeInput } from './answer-take.ts';
import type { SessionContext } from './context.ts';
import { SessionError } from './errors.ts';
import type { SessionEventDetails, SessionEventType } from './events.ts';
import { fileErrorLogCode } from './log-codes.ts';
import type { SessionRecord } from './session-record.ts';
import type { SessionState } from './state.ts';
import type { AnswerRecord, SessionWarning } from './types.ts';

/** What the answer and scoring operations work on: the session's parts, lent by InterviewSession. */
export interface AnswerHost {
  readonly ctx: SessionContext;
  readonly state: SessionState;
  readonly rec: SessionRecord;
  emit<K extends SessionEventType>(type: K, detail: SessionEventDetails[K]): void;
  /** Saves after a stored answer or result; the storage-failed warning (already recorded), or null. */
  persistOrWarn(epoch: number, answer?: number): Promise<SessionWarning | null>;
}

interface Running {
  readonly index: number;
  readonly capture: AnswerCapture;
  readonly warnings: SessionWarning[];
}

export class SessionAnswers {
  private current: Running | null = null;

  constructor(private readonly host: AnswerHost) {}

  /** The index of the answer being recorded, or null. */
  get recording(): number | null {
    return this.current?.index ?? null;
  }

  /** Starts recording answer `index` from `stream` (arguments and consent already checked). */
  async begin(index: number, stream: MediaStream): Promise<void> {
    const { state } = this.host;
    if (this.current !== null)
      throw new SessionError(
        'invalid-state',
        `answer ${this.current.index} is still being recorded; endAnswer() first`,
      );
    // Synchronously, before any await: a second beginAnswer (a double click) is refused here.
    state.to('recording', 'start an answer');
    const epoch = state.epoch;
    await state.track(this.startCapture(index, stream, epoch));
  }

  private async startCapture(index: number, stream: MediaStream, epoch: number): Promise<void> {
    const { ctx, state, rec } = this.host;
    const warnings: SessionWarning[] = [];
    const live = (): boolean => state.epoch === epoch;
    let capture: AnswerCapture;
    try {
      capture = await startAnswerCapture(stream, {
        audio: this.host.rec.uses('audio'),
        faces: this.host.rec.uses('video') ? ctx.faces : null,
        workletUrl: ctx.audioWorkletUrl,
        ...(ctx.audioWorkerUrl === null ? {} : { audioWorkerUrl: ctx.audioWorkerUrl }),
        onWarning: (code, message, extra) => {
          if (!live()) return;
          const w = { code, answer: index, message, ...extra };
          warnings.push(w);
          rec.warn(w);
        },
        // The frames the answer's own analysis sees, so a page can show "face in view" without a second analyser.
        onFace: (present, seconds) => {
          if (live()) this.host.emit('face', { answer: index, present, seconds });
        },
      });
    } catch (e) {
      if (live()) state.to('consented', 'end a failed start');
      throw e;
    }
    if (!live()) {
      // Withdrawn, closed or deleted while the capture started: stop what started.
      await capture.abort();
      state.check(epoch, 'beginAnswer()');
    }
    this.current = { index, capture, warnings };
    if (rec.answers.every((a) => a === null)) rec.log.record({ type: 'analysis', phase: 'started' });
    this.host.emit('progress', { stage: 'answer-started', answer: index });
  }

  /** Stops the running answer and stores it (see InterviewSession.endAnswer). */
  async end(): Promise<AnswerRecord | null> {
    const { state } = this.host;
    const cur = this.current;
    if (cur === null) throw new SessionError('invalid-state', 'endAnswer() without beginAnswer()');
    state.to('storing', 'end the answer');
    this.current = null;
    const epoch = state.epoch;
    return state.track(
      (async () => {
        const captured = await cur.capture.stop();
        state.check(epoch, 'endAnswer()');
        const videoRows = captured.video?.rows ?? (captured.videoTried ? [] : null);
        const take = { seconds: captured.seconds, audio: captured.audio, videoRows };
        return this.store(cur.index, take, cur.warnings, epoch);
      })().finally(() => state.settle(epoch)),
    );
  }

  /** Analyses and stores an uploaded file as answer `index` (see InterviewSession.addAnswerFile). */
  async addFile(index: number, file: Blob): Promise<AnswerRecord | null> {
    const { ctx, state, rec } = this.host;
    if (this.current !== null)
      throw new SessionError('invalid-state', 'another answer is being recorded or analysed; wait for it first');
    // One at a time: the face analyser has one file worker.
    state.to('storing', 'analyse a file (another answer is being recorded or analysed)');
    const epoch = state.epoch;
    return state.track(
      (async () => {
        try {
          this.host.emit('progress', { stage: 'answer-started', answer: index });
          const f = await analyzeAnswerFile(file, {
            audio: this.host.rec.uses('audio'),
            faces: this.host.rec.uses('video') ? ctx.faces : null,
            audioWorkerUrl: ctx.audioWorkerUrl,
          });
          state.check(epoch, 'addAnswerFile()');
          const warnings = f.warnings.map((w) => ({ ...w, answer: index }));
          for (const w of warnings) rec.warn(w);
          return await this.store(index, f, warnings, epoch);
        } catch (e) {
          const code = fileErrorLogCode(e);
          if (code !== undefined && state.epoch === epoch) rec.log.record({ type: 'warning', code, answer: index });
          throw e;
        } finally {
          state.settle(epoch);
        }
      })(),
    );
  }

  /** Drops the running answer (withdraw, close, delete): nothing of it is kept. */
  async abort(): Promise<void> {
    const cur = this.current;
    this.current = null;
    await cur?.capture.abort();
  }

  /** Builds and stores one answer's record (shared by live capture and uploaded files). */
  private async store(
    index: number,
    x: Omit<TakeInput, 'index'>,
    captureWarnings: SessionWarning[],
    epoch: number,
  ): Promise<AnswerRecord | null> {
    const record = this.host.rec.applyTake(index, x, captureWarnings);
    if (record !== null) await this.host.persistOrWarn(epoch, index);
    this.host.emit('progress', { stage: 'answer-ended', answer: index });
    return record;
  }
}
