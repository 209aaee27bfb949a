/**
 * One interview: consent gate → attach → answers → result, persisted after every step so a
 * reload loses nothing. Events (typed map in events.ts): `progress` ({ stage, answer? }),
 * `warning` (a SessionWarning) and, while an answer records video, `face` ({ answer, present, seconds }),
 * all as CustomEvent detail; `s.on(type, (detail) => …)` hands the detail directly.
 */
import { embedText } from '../text/embed.ts';
import { startAnswerCapture, type AnswerCapture } from './answer-capture.ts';
import { analyzeAnswerFile } from './answer-file.ts';
import { decideTake, type TakeInput } from './answer-take.ts';
import type { SessionContext } from './context.ts';
import { SessionError } from './errors.ts';
import { EventLog } from './event-log.ts';
import { SessionEvents } from './events.ts';
import type { EventLogJson } from './event-log-types.ts';
import { fileErrorLogCode, LOG_CODE } from './log-codes.ts';
import { exportDataset, type ExportedDataset, type ExportOptions } from './export.ts';
import { validateConsentNotice, type InterviewSpec } from './options.ts';
import { assembleResult, runModels } from './scoring.ts';
import { SessionState } from './state.ts';
import { removeSession, saveSession, type StoredSession } from './store.ts';
import type { AnswerRecord, ConsentRecord, InterviewResult, SessionModality, SessionWarning } from './types.ts';

export interface ConsentInput {
  readonly noticeVersion: string;
  readonly modalities: readonly SessionModality[];
  readonly noticeLocale?: string;
}

export class InterviewSession extends SessionEvents {
  readonly id: string;
  readonly spec: InterviewSpec;
  private consentRecord: ConsentRecord | null;
  private answers: (AnswerRecord | null)[];
  private warningList: SessionWarning[];
  private lastResult: InterviewResult | null;
  private readonly previousLogs: EventLogJson[];
  private readonly log: EventLog;
  private stream: MediaStream | null = null;
  private current: { index: number; capture: AnswerCapture; warnings: SessionWarning[] } | null = null;
  /** idle → consented → recording → storing → closed/deleted (state.ts); one operation at a time. */
  private readonly state: SessionState;
  private readonly createdAt: string;
  // A hidden page may never come back (mobile tab discard): release the capture, as close() does.
  private readonly onHide = (): void => void this.close();

  /** Use `hn.startInterview` / `hn.resumeInterview`. */
  constructor(
    private readonly ctx: SessionContext,
    spec: InterviewSpec,
    stored?: StoredSession,
  ) {
    super();
    this.spec = spec;
    this.id = stored?.id ?? globalThis.crypto.randomUUID();
    this.log = new EventLog({ randomId: () => this.id });
    this.createdAt = stored?.createdAt ?? new Date().toISOString();
    this.consentRecord = stored?.consent ?? null;
    this.answers = stored === undefined ? spec.questions.map(() => null) : [...stored.answers];
    this.warningList = stored === undefined ? [] : [...stored.warnings];
    this.lastResult = stored?.result ?? null;
    this.previousLogs = stored === undefined ? [] : [...stored.logs];
    this.state = new SessionState(this.consentRecord === null ? 'idle' : 'consented');
    globalThis.addEventListener?.('pagehide', this.onHide);
    this.log.record({ type: 'model-loaded', modelVersion: ctx.modelVersion, modelSha256: ctx.modelSha256 });
    this.log.record({ type: 'backend', backend: ctx.backend });
    this.log.record({ type: 'modalities', modalities: [...ctx.modalities] });
    // A resumed session already holds the load warnings of its first page load.
    if (stored === undefined) for (const w of ctx.loadWarnings) this.record(w);
  }

  /** The consent on record, or null. */
  get consentGiven(): ConsentRecord | null {
    return this.consentRecord;
  }

  /** Recorded answers so far (null = not recorded). */
  get recorded(): readonly (AnswerRecord | null)[] {
    return [...this.answers];
  }

  get warnings(): readonly SessionWarning[] {
    return [...this.warningList];
  }

  /**
   * Records consent to analyse `modalities` (a subset of the ones this HireNet uses) after the
   * notice `noticeVersion` was shown. Nothing is captured or analysed before this.
   */
  async consent(c: ConsentInput): Promise<void> {
    this.assertOpen();
    if (this.state.phase !== 'idle' && this.state.phase !== 'consented')
      throw new SessionError('invalid-state', `cannot consent while the session is ${this.state.phase}`);
    validateConsentNotice(c);
    const allowed = c?.modalities;
    if (!Array.isArray(allowed) || allowed.length === 0 || allowed.some((m) => !this.ctx.modalities.includes(m))) {
      throw new SessionError(
        'invalid-options',
        `consent.modalities must be a non-empty subset of ${JSON.stringify(this.ctx.modalities)}`,
      );
    }
    // The event log validates the notice version and locale; a bad one throws before anything is stored.
    this.log.record({
      type: 'consent',
      status: 'granted',
      noticeVersion: c.noticeVersion,
      modalities: [...allowed],
      ...(c.noticeLocale === undefined ? {} : { noticeLocale: c.noticeLocale }),
    });
    this.consentRecord = {
      noticeVersion: c.noticeVersion,
      modalities: [...allowed],
      ...(c.noticeLocale === undefined ? {} : { noticeLocale: c.noticeLocale }),
      at: `${new Date().toISOString().slice(0, 19)}Z`,
    };
    this.state.to('consented', 'consent');
    await this.persist(this.state.epoch);
  }

  /**
   * The candidate withdraws consent: any running answer is dropped, the derived features and
   * result of this session are erased, and further capture or analysis needs a new consent.
   * The event log (codes only) keeps the withdrawal.
   */
  async withdrawConsent(): Promise<void> {
    this.assertOpen();
    // Interrupt first: an answer starting, stopping or being stored now keeps nothing.
    this.state.interrupt('idle');
    await this.stopCapture();
    await this.state.settled();
    if (this.consentRecord !== null)
      this.log.record({
        type: 'consent',
        status: 'withdrawn',
        noticeVersion: this.consentRecord.noticeVersion,
        modalities: [...this.consentRecord.modalities],
      });
    this.consentRecord = null;
    this.stream = null;
    this.answers = this.answers.map(() => null);
    this.warningList = this.warningList.filter((w) => w.answer === undefined);
    this.lastResult = null;
    await this.persist(this.state.epoch);
  }

  /** Hands the session the host's MediaStream (after consent). Tracks stay the host's. */
  attach(stream: MediaStream): void {
    this.assertConsent('attach a stream');
    if (!(stream instanceof MediaStream)) throw new SessionError('invalid-options', 'attach() needs a MediaStream');
    const hasAudio = this.uses('audio') && stream.getAudioTracks().length > 0;
    const hasVideo = this.uses('video') && stream.getVideoTracks().length > 0;
    if (!hasAudio && !hasVideo)
      throw new SessionError(
        'no-media',
        `the stream has no track of a consented channel (${this.consentRecord!.modalities.join(', ')})`,
      );
    if (this.uses('video') && !hasVideo)
      this.record({ code: 'no-camera', message: 'the stream has no video track: answers are scored from audio only' });
    if (this.uses('audio') && !hasAudio)
      this.record({
        code: 'no-microphone',
        message: 'the stream has no audio track: answers are scored from video only',
      });
    this.stream = stream;
  }

  /** Starts recording answer `index` (0-based). Recording an index again replaces that answer. */
  async beginAnswer(index: number): Promise<void> {
    this.assertConsent('start an answer');
    if (this.stream === null) throw new SessionError('invalid-state', 'attach(stream) before beginAnswer()');
    this.assertIndex(index);
    if (this.current !== null)
      throw new SessionError(
        'invalid-state',
        `answer ${this.current.index} is still being recorded; endAnswer() first`,
      );
    // Synchronously, before any await: a second beginAnswer (a double click) is refused here.
    this.state.to('recording', 'start an answer');
    const epoch = this.state.epoch;
    await this.state.track(this.startCapture(index, this.stream, epoch));
  }

  private async startCapture(index: number, stream: MediaStream, epoch: number): Promise<void> {
    const warnings: SessionWarning[] = [];
    const live = (): boolean => this.state.epoch === epoch;
    let capture: AnswerCapture;
    try {
      capture = await startAnswerCapture(stream, {
        audio: this.uses('audio'),
        faces: this.uses('video') ? this.ctx.faces : null,
        workletUrl: this.ctx.audioWorkletUrl,
        ...(this.ctx.audioWorkerUrl === null ? {} : { audioWorkerUrl: this.ctx.audioWorkerUrl }),
        onWarning: (code, message, extra) => {
          if (!live()) return;
          const w = { code, answer: index, message, ...extra };
          warnings.push(w);
          this.record(w);
        },
        // The frames the answer's own analysis sees, so a page can show "face in view" without a second analyser.
        onFace: (present, seconds) => {
          if (live()) this.emit('face', { answer: index, present, seconds });
        },
      });
    } catch (e) {
      if (live()) this.state.to('consented', 'end a failed start');
      throw e;
    }
    if (!live()) {
      // Withdrawn, closed or deleted while the capture started: stop what started.
      await capture.abort();
      this.state.check(epoch, 'beginAnswer()');
    }
    this.current = { index, capture, warnings };
    if (this.answers.every((a) => a === null)) this.log.record({ type: 'analysis', phase: 'started' });
    this.emit('progress', { stage: 'answer-started', answer: index });
  }

  /**
   * Stops the running answer and stores its derived features. An answer too short to hold one
   * window is not stored (warning `answer-empty`); a previous take of that answer is kept.
   */
  async endAnswer(): Promise<AnswerRecord | null> {
    this.assertOpen();
    const cur = this.current;
    if (cur === null) throw new SessionError('invalid-state', 'endAnswer() without beginAnswer()');
    this.state.to('storing', 'end the answer');
    this.current = null;
    const epoch = this.state.epoch;
    return this.state.track(
      (async () => {
        const captured = await cur.capture.stop();
        this.state.check(epoch, 'endAnswer()');
        return this.store(
          cur.index,
          {
            seconds: captured.seconds,
            audio: captured.audio,
            videoRows: captured.video?.rows ?? (captured.videoTried ? [] : null),
          },
          cur.warnings,
          epoch,
        );
      })().finally(() => this.settle(epoch)),
    );
  }

  /**
   * Analyses an uploaded recording (mp4/webm/mov with H.264, VP8/9, AV1; or an audio file such
   * as wav, mp3, ogg) as answer `index`, exactly like a recorded one, and stores it; recording
   * an index again replaces it. Audio-only when the file has no video track. A corrupt or
   * undecodable file throws `unreadable-file` and changes nothing.
   */
  async addAnswerFile(index: number, file: Blob): Promise<AnswerRecord | null> {
    this.assertConsent('analyse a file');
    this.assertIndex(index);
    if (!(file instanceof Blob)) throw new SessionError('invalid-options', 'addAnswerFile() needs a Blob or File');
    if (this.current !== null)
      throw new SessionError('invalid-state', 'another answer is being recorded or analysed; wait for it first');
    // One at a time: the face analyser has one file worker.
    this.state.to('storing', 'analyse a file (another answer is being recorded or analysed)');
    const epoch = this.state.epoch;
    return this.state.track(
      (async () => {
        try {
          this.emit('progress', { stage: 'answer-started', answer: index });
          const f = await analyzeAnswerFile(file, {
            audio: this.uses('audio'),
            faces: this.uses('video') ? this.ctx.faces : null,
            audioWorkerUrl: this.ctx.audioWorkerUrl,
          });
          this.state.check(epoch, 'addAnswerFile()');
          const warnings = f.warnings.map((w) => ({ ...w, answer: index }));
          for (const w of warnings) this.record(w);
          return await this.store(index, f, warnings, epoch);
        } catch (e) {
          const code = fileErrorLogCode(e);
          if (code !== undefined && this.state.epoch === epoch)
            this.log.record({ type: 'warning', code, answer: index });
          throw e;
        } finally {
          this.settle(epoch);
        }
      })(),
    );
  }

  /** Back to `consented` after an operation, unless an interruption moved the session on. */
  private settle(epoch: number): void {
    if (this.state.epoch === epoch && this.state.phase === 'storing') this.state.to('consented', 'finish');
  }

  /** Builds and stores one answer's record (shared by live capture and uploaded files). */
  private async store(
    index: number,
    x: Omit<TakeInput, 'index'>,
    captureWarnings: SessionWarning[],
    epoch: number,
  ): Promise<AnswerRecord | null> {
    const take = decideTake({ index, ...x }, this.answers[index], this.ctx.names, captureWarnings);
    for (const w of take.warnings) this.record(w);
    const record = take.store;
    if (record !== null) {
      // A new take replaces the earlier take's warnings too (the event log keeps every code).
      this.warningList = [
        ...this.warningList.filter((w) => w.answer !== index && !record.warnings.includes(w)),
        ...record.warnings,
      ];
      this.answers[index] = record;
      this.lastResult = null;
      await this.persistOrWarn(epoch, index);
    }
    this.emit('progress', { stage: 'answer-ended', answer: index });
    return record;
  }

  /**
   * Scores the recorded answers (late fusion over the modalities present). The result is kept
   * until an answer changes; `fresh: true` scores again (e.g. after resuming on another backend).
   */
  async result(options: { fresh?: boolean } = {}): Promise<InterviewResult> {
    this.assertConsent('analyse');
    if (this.current !== null) throw new SessionError('invalid-state', 'endAnswer() before result()');
    if (this.lastResult !== null && options.fresh !== true) return this.lastResult;
    const usable = this.answers.some((a) => a !== null && (a.audio !== null || a.video !== null));
    if (!usable) throw new SessionError('no-answers', 'no recorded answer has audio or video the model can read');
    this.state.to('storing', 'score (an answer is being recorded or analysed)');
    const epoch = this.state.epoch;
    return this.state.track(this.score(epoch).finally(() => this.settle(epoch)));
  }

  private async score(epoch: number): Promise<InterviewResult> {
    this.emit('progress', { stage: 'scoring' });
    const words = {
      jobTitle: embedText(this.ctx.vocab, this.spec.jobTitle),
      questions: this.spec.questions.map((q) => embedText(this.ctx.vocab, q)),
    };
    const consented = new Map([...this.ctx.models].filter(([m]) => this.uses(m)));
    let result: InterviewResult;
    try {
      const outputs = await runModels(consented, this.answers, words);
      this.state.check(epoch, 'result()');
      result = assembleResult(outputs, this.answers, {
        modelVersion: this.ctx.modelVersion,
        backend: this.ctx.backend,
        warnings: this.warningList,
        questionCount: this.spec.questions.length,
      });
    } catch (e) {
      if (this.state.epoch === epoch) this.log.record({ type: 'analysis', phase: 'failed' });
      throw e;
    }
    this.lastResult = result;
    this.log.record({ type: 'analysis', phase: 'completed', answers: this.answers.filter((a) => a !== null).length });
    const failed = await this.persistOrWarn(epoch);
    this.emit('progress', { stage: 'scored' });
    return failed === null ? result : { ...result, warnings: [...result.warnings, failed] };
  }

  /** The session as hirenet-dataset/1 (derived features only). */
  exportDataset(options: ExportOptions): ExportedDataset {
    const out = exportDataset(this.id, this.spec, this.answers, this.ctx.names, options);
    this.log.record({ type: 'export', kind: 'dataset' });
    return out;
  }

  /** Event logs of this session (earlier page loads first), as hirenet-event-log/1 objects. */
  eventLogs(): EventLogJson[] {
    return [...this.previousLogs, this.log.toJSON()];
  }

  /**
   * Stops any running answer and erases this session from the device. Returns the event log
   * with the deletion recorded: it holds no personal content, so a deployer may keep it as
   * proof of deletion (Illinois AIVI § 15).
   */
  async delete(): Promise<EventLogJson> {
    this.state.interrupt('deleted');
    await this.release();
    // After every save this session queued (store.ts runs them in order): nothing comes back.
    if (this.ctx.persist) await removeSession(this.id);
    this.answers = this.answers.map(() => null);
    this.lastResult = null;
    this.log.record({ type: 'deletion', scope: 'session' });
    return this.log.toJSON();
  }

  /** Stops any running answer (or one starting) and releases it; stored state stays (resume later). */
  async close(): Promise<void> {
    if (!this.state.live) return;
    this.state.interrupt('closed');
    await this.release();
  }

  private async release(): Promise<void> {
    globalThis.removeEventListener?.('pagehide', this.onHide);
    await this.stopCapture();
    await this.state.settled();
    this.stream = null;
    this.ctx.forget(this);
  }

  private async stopCapture(): Promise<void> {
    const cur = this.current;
    this.current = null;
    await cur?.capture.abort();
  }

  private uses(m: SessionModality): boolean {
    return (
      this.consentRecord !== null &&
      this.consentRecord.modalities.includes(m) &&
      this.ctx.models.has(m) &&
      (m !== 'video' || this.ctx.faces !== null)
    );
  }

  private record(w: SessionWarning): void {
    this.warningList.push(w);
    this.log.record({
      type: 'warning',
      code: LOG_CODE[w.code],
      ...(w.answer === undefined ? {} : { answer: w.answer }),
    });
    this.emit('warning', w);
  }

  private assertOpen(): void {
    if (!this.state.live) throw new SessionError('invalid-state', `this interview session is ${this.state.phase}`);
  }

  private assertIndex(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.spec.questions.length)
      throw new SessionError(
        'invalid-options',
        `answer index must be 0…${this.spec.questions.length - 1}, got ${index}`,
      );
  }

  private assertConsent(what: string): void {
    this.assertOpen();
    if (this.consentRecord === null)
      throw new SessionError(
        'consent-required',
        `cannot ${what} before session.consent({ noticeVersion, modalities }) is recorded`,
      );
  }

  /**
   * After the work is done, a full disk (QuotaExceededError) must not lose it: the answer or the
   * result stays in memory and is returned, with a `storage-failed` warning that it will not
   * survive a reload. Returns that warning, or null when saved.
   */
  private async persistOrWarn(epoch: number, answer?: number): Promise<SessionWarning | null> {
    try {
      await this.persist(epoch);
      return null;
    } catch (e) {
      if (!(e instanceof SessionError) || e.code !== 'storage') throw e;
      const w: SessionWarning = {
        code: 'storage-failed',
        ...(answer === undefined ? {} : { answer }),
        message: `could not save on this device (${e.message}); the ${answer === undefined ? 'result' : `answer ${answer + 1}`} is kept in this page only and is lost on reload`,
      };
      this.record(w);
      return w;
    }
  }

  /** Saves the session unless an interruption since `epoch` made that state stale. */
  private async persist(epoch: number): Promise<void> {
    if (!this.ctx.persist || this.state.epoch !== epoch) return;
    const { id, createdAt, consentRecord: consent, answers, warningList: warnings, lastResult: result } = this;
    const stored: StoredSession = {
      id,
      createdAt,
      jobTitle: this.spec.jobTitle,
      questions: this.spec.questions,
      modalities: this.ctx.modalities,
      consent,
      answers,
      warnings,
      result,
      logs: this.eventLogs(),
    };
    await saveSession(stored, true);
  }
}
