/**
 * One interview: consent gate → attach → answers → result, persisted after every step so a
 * reload loses nothing. Events (EventTarget): `progress` ({ stage, answer? }), `warning`
 * (a SessionWarning) and, while an answer records video, `face` ({ answer, present, seconds }),
 * all as CustomEvent detail.
 */
import { embedText } from '../text/embed.ts';
import { startAnswerCapture, type AnswerCapture } from './answer-capture.ts';
import { analyzeAnswerFile } from './answer-file.ts';
import { buildAnswerRecord, type AnswerInput } from './answer-record.ts';
import type { SessionContext } from './context.ts';
import { SessionError } from './errors.ts';
import { EventLog } from './event-log.ts';
import type { EventLogJson } from './event-log-types.ts';
import { fileErrorLogCode, LOG_CODE } from './log-codes.ts';
import { exportDataset, type ExportedDataset, type ExportOptions } from './export.ts';
import type { InterviewSpec } from './options.ts';
import { assembleResult, runModels } from './scoring.ts';
import { CURRENT_KEY, removeSession, saveSession, type StoredSession } from './store.ts';
import type { AnswerRecord, ConsentRecord, InterviewResult, SessionModality, SessionWarning } from './types.ts';

export interface ConsentInput {
  readonly noticeVersion: string;
  readonly modalities: readonly SessionModality[];
  readonly noticeLocale?: string;
}

export class InterviewSession extends EventTarget {
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
  private closed = false;
  /** An uploaded file is being analysed (one at a time: the face analyser has one file worker). */
  private busy = false;
  private readonly createdAt: string;

  /** Use `hn.startInterview` / `hn.resumeInterview`. */
  constructor(private readonly ctx: SessionContext, spec: InterviewSpec, stored?: StoredSession) {
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
    const allowed = c?.modalities;
    if (!Array.isArray(allowed) || allowed.length === 0 || allowed.some((m) => !this.ctx.modalities.includes(m))) {
      throw new SessionError('invalid-options', `consent.modalities must be a non-empty subset of ${JSON.stringify(this.ctx.modalities)}`);
    }
    // The event log validates the notice version and locale; a bad one throws before anything is stored.
    this.log.record({ type: 'consent', status: 'granted', noticeVersion: c.noticeVersion, modalities: [...allowed], ...(c.noticeLocale === undefined ? {} : { noticeLocale: c.noticeLocale }) });
    this.consentRecord = { noticeVersion: c.noticeVersion, modalities: [...allowed], ...(c.noticeLocale === undefined ? {} : { noticeLocale: c.noticeLocale }), at: `${new Date().toISOString().slice(0, 19)}Z` };
    await this.persist();
  }

  /**
   * The candidate withdraws consent: any running answer is dropped, the derived features and
   * result of this session are erased, and further capture or analysis needs a new consent.
   * The event log (codes only) keeps the withdrawal.
   */
  async withdrawConsent(): Promise<void> {
    this.assertOpen();
    const cur = this.current;
    this.current = null;
    await cur?.capture.abort();
    if (this.consentRecord !== null) this.log.record({ type: 'consent', status: 'withdrawn', noticeVersion: this.consentRecord.noticeVersion, modalities: [...this.consentRecord.modalities] });
    this.consentRecord = null;
    this.stream = null;
    this.answers = this.answers.map(() => null);
    this.lastResult = null;
    await this.persist();
  }

  /** Hands the session the host's MediaStream (after consent). Tracks stay the host's. */
  attach(stream: MediaStream): void {
    this.assertConsent('attach a stream');
    if (!(stream instanceof MediaStream)) throw new SessionError('invalid-options', 'attach() needs a MediaStream');
    const hasAudio = this.uses('audio') && stream.getAudioTracks().length > 0;
    const hasVideo = this.uses('video') && stream.getVideoTracks().length > 0;
    if (!hasAudio && !hasVideo) throw new SessionError('no-media', `the stream has no track of a consented channel (${this.consentRecord!.modalities.join(', ')})`);
    if (this.uses('video') && !hasVideo) this.record({ code: 'no-camera', message: 'the stream has no video track: answers are scored from audio only' });
    if (this.uses('audio') && !hasAudio) this.record({ code: 'no-microphone', message: 'the stream has no audio track: answers are scored from video only' });
    this.stream = stream;
  }

  /** Starts recording answer `index` (0-based). Recording an index again replaces that answer. */
  async beginAnswer(index: number): Promise<void> {
    this.assertConsent('start an answer');
    if (this.stream === null) throw new SessionError('invalid-state', 'attach(stream) before beginAnswer()');
    this.assertIndex(index);
    if (this.current !== null) throw new SessionError('invalid-state', `answer ${this.current.index} is still being recorded; endAnswer() first`);
    if (this.busy) throw new SessionError('invalid-state', 'an uploaded answer is being analysed; wait for addAnswerFile() first');
    const warnings: SessionWarning[] = [];
    const capture = await startAnswerCapture(this.stream, {
      audio: this.uses('audio'),
      faces: this.uses('video') ? this.ctx.faces : null,
      workletUrl: this.ctx.audioWorkletUrl,
      ...(this.ctx.audioWorkerUrl === null ? {} : { audioWorkerUrl: this.ctx.audioWorkerUrl }),
      onWarning: (code, message, extra) => {
        const w = { code, answer: index, message, ...extra };
        warnings.push(w);
        this.record(w);
      },
      // The frames the answer's own analysis sees, so a page can show "face in view" without a second analyser.
      onFace: (present, seconds) => this.emit('face', { answer: index, present, seconds }),
    });
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
    this.current = null;
    const captured = await cur.capture.stop();
    return this.store(cur.index, { seconds: captured.seconds, audio: captured.audio, videoRows: captured.video?.rows ?? (captured.videoTried ? [] : null) }, cur.warnings);
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
    if (this.current !== null || this.busy) throw new SessionError('invalid-state', 'another answer is being recorded or analysed; wait for it first');
    this.busy = true;
    try {
      this.emit('progress', { stage: 'answer-started', answer: index });
      const f = await analyzeAnswerFile(file, { audio: this.uses('audio'), faces: this.uses('video') ? this.ctx.faces : null, audioWorkerUrl: this.ctx.audioWorkerUrl });
      if (this.closed || this.consentRecord === null) throw new SessionError('invalid-state', 'the session was closed or consent withdrawn while the file was analysed');
      const warnings = f.warnings.map((w) => ({ ...w, answer: index }));
      for (const w of warnings) this.record(w);
      return await this.store(index, f, warnings);
    } catch (e) {
      const code = fileErrorLogCode(e);
      if (code !== undefined) this.log.record({ type: 'warning', code, answer: index });
      throw e;
    } finally {
      this.busy = false;
    }
  }

  /** Builds and stores one answer's record (shared by live capture and uploaded files). */
  private async store(index: number, x: { seconds: number; audio: AnswerInput['audio']; videoRows: AnswerInput['videoRows'] }, captureWarnings: SessionWarning[]): Promise<AnswerRecord | null> {
    const empty = x.seconds < 0.5 || ((x.audio?.windows.length ?? 0) === 0 && (x.videoRows?.length ?? 0) === 0);
    if (empty) {
      this.record({ code: 'answer-empty', answer: index, message: `answer ${index + 1} lasted ${x.seconds.toFixed(2)} s, too short to analyse; ${this.answers[index] === null ? 'it stays unanswered' : 'the previous take is kept'}` });
      this.emit('progress', { stage: 'answer-ended', answer: index });
      return null;
    }
    const record = buildAnswerRecord({ index, seconds: x.seconds, audio: x.audio, videoRows: x.videoRows, expected: this.ctx.names, captureWarnings });
    for (const w of record.warnings.slice(captureWarnings.length)) this.record(w);
    // A new take replaces the earlier take's warnings too (the event log keeps every code).
    this.warningList = [...this.warningList.filter((w) => w.answer !== index && !record.warnings.includes(w)), ...record.warnings];
    this.answers[index] = record;
    this.lastResult = null;
    await this.persist();
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
    this.emit('progress', { stage: 'scoring' });
    const words = { jobTitle: embedText(this.ctx.vocab, this.spec.jobTitle), questions: this.spec.questions.map((q) => embedText(this.ctx.vocab, q)) };
    const consented = new Map([...this.ctx.models].filter(([m]) => this.uses(m)));
    try {
      const outputs = await runModels(consented, this.answers, words);
      this.lastResult = assembleResult(outputs, this.answers, { modelVersion: this.ctx.modelVersion, backend: this.ctx.backend, warnings: this.warningList, questionCount: this.spec.questions.length });
    } catch (e) {
      this.log.record({ type: 'analysis', phase: 'failed' });
      throw e;
    }
    this.log.record({ type: 'analysis', phase: 'completed', answers: this.answers.filter((a) => a !== null).length });
    await this.persist();
    this.emit('progress', { stage: 'scored' });
    return this.lastResult;
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
    await this.close();
    if (this.ctx.persist) await removeSession(this.id);
    this.answers = this.answers.map(() => null);
    this.lastResult = null;
    this.log.record({ type: 'deletion', scope: 'session' });
    return this.log.toJSON();
  }

  /** Stops any running answer and releases it; stored state stays (resume later). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const cur = this.current;
    this.current = null;
    await cur?.capture.abort();
    this.stream = null;
    this.ctx.forget(this);
  }

  private uses(m: SessionModality): boolean {
    return this.consentRecord !== null && this.consentRecord.modalities.includes(m) && this.ctx.models.has(m) && (m !== 'video' || this.ctx.faces !== null);
  }

  private record(w: SessionWarning): void {
    this.warningList.push(w);
    this.log.record({ type: 'warning', code: LOG_CODE[w.code], ...(w.answer === undefined ? {} : { answer: w.answer }) });
    this.emit('warning', w);
  }

  private emit(type: 'progress' | 'warning' | 'face', detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  private assertOpen(): void {
    if (this.closed) throw new SessionError('invalid-state', 'this interview session is closed');
  }

  private assertIndex(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.spec.questions.length) throw new SessionError('invalid-options', `answer index must be 0…${this.spec.questions.length - 1}, got ${index}`);
  }

  private assertConsent(what: string): void {
    this.assertOpen();
    if (this.consentRecord === null) throw new SessionError('consent-required', `cannot ${what} before session.consent({ noticeVersion, modalities }) is recorded`);
  }

  private async persist(): Promise<void> {
    if (!this.ctx.persist) return;
    const { id, createdAt, consentRecord: consent, answers, warningList: warnings, lastResult: result } = this;
    const stored: StoredSession = { id, createdAt, jobTitle: this.spec.jobTitle, questions: this.spec.questions, modalities: this.ctx.modalities, consent, answers, warnings, result, logs: this.eventLogs() };
    await saveSession(stored);
    globalThis.localStorage?.setItem(CURRENT_KEY, this.id);
  }
}
