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
import { TakeTranscriber, transcriberTranscript } from './answer-transcriber.ts';
import type { Transcriber } from '../text/transcript-source.ts';
import type { Transcript } from '../text/transcript.ts';
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
  /** The take's transcriber, when the text channel is on and the host set one. */
  readonly words: TakeTranscriber | null;
}

export class SessionAnswers {
  private current: Running | null = null;
  /** Listens to each take when the text channel is consented (InterviewSession.setTranscriber). */
  transcriber: Transcriber | null = null;

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
        audioWorkers: ctx.audioWorkers,
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
    const words = await this.startWords(index, stream, warnings, live);
    if (!live()) {
      // Withdrawn, closed or deleted while the capture started: stop what started.
      words?.abort();
      await capture.abort();
      state.check(epoch, 'beginAnswer()');
    }
    this.current = { index, capture, warnings, words };
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
        const [captured, words] = await Promise.all([cur.capture.stop(), cur.words?.finish() ?? null]);
        state.check(epoch, 'endAnswer()');
        const videoRows = captured.video?.rows ?? (captured.videoTried ? [] : null);
        const take = { seconds: captured.seconds, audio: captured.audio, videoRows, poseFrames: captured.poses };
        return this.store(cur.index, take, cur.warnings, epoch, words);
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
            audioWorkers: ctx.audioWorkers,
          });
          const words = await this.fileWords(index, file);
          state.check(epoch, 'addAnswerFile()');
          const warnings = f.warnings.map((w) => ({ ...w, answer: index }));
          for (const w of warnings) rec.warn(w);
          return await this.store(index, f, warnings, epoch, words);
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
    cur?.words?.abort();
    await cur?.capture.abort();
  }

  /** Starts the transcriber on the take's microphone, when the text channel is on; failures warn. */
  private async startWords(
    index: number,
    stream: MediaStream,
    warnings: SessionWarning[],
    live: () => boolean,
  ): Promise<TakeTranscriber | null> {
    const t = this.transcriber;
    if (t === null || !this.host.rec.uses('text')) return null;
    const warn = (message: string): void => {
      if (!live()) return;
      const w: SessionWarning = { code: 'transcript-failed', answer: index, message, modality: 'text' };
      warnings.push(w);
      this.host.rec.warn(w);
    };
    return TakeTranscriber.start(t, stream.getAudioTracks()[0] ?? null, warn);
  }

  /** The words of an uploaded file, from a transcriber that can read files; null otherwise. */
  private async fileWords(index: number, file: Blob): Promise<Transcript | null> {
    const t = this.transcriber;
    if (t?.transcribeFile === undefined || !this.host.rec.uses('text')) return null;
    try {
      return transcriberTranscript(t, await t.transcribeFile(file));
    } catch (e) {
      const message = `${t.label} could not transcribe the file (${(e as Error).message})`;
      this.host.rec.warn({ code: 'transcript-failed', answer: index, message, modality: 'text' });
      return null;
    }
  }

  /** Builds and stores one answer's record (shared by live capture and uploaded files). */
  private async store(
    index: number,
    x: Omit<TakeInput, 'index'>,
    captureWarnings: SessionWarning[],
    epoch: number,
    words: Transcript | null = null,
  ): Promise<AnswerRecord | null> {
    const record = this.host.rec.applyTake(index, x, captureWarnings);
    // The take's own words come with it (a kept earlier take keeps its own transcript).
    if (record !== null && words !== null) this.host.rec.setTranscript(index, words);
    if (record !== null) await this.host.persistOrWarn(epoch, index);
    this.host.emit('progress', { stage: 'answer-ended', answer: index });
    return record;
  }
}
