/**
 * One interview: consent gate → attach → answers → result, persisted after every step so a
 * reload loses nothing. Events (typed map in events.ts): `progress` ({ stage, answer? }),
 * `warning` (a SessionWarning) and, while an answer records video, `face` ({ answer, present, seconds }),
 * all as CustomEvent detail; `s.on(type, (detail) => …)` hands the detail directly.
 */
import type { Transcript } from '../text/transcript.ts';
import type { TranscriptFormat, TranscriptInput } from '../text/transcript-parse.ts';
import type { Transcriber } from '../text/transcript-source.ts';
import { type AnswerHost, SessionAnswers } from './answers.ts';
import type { SessionContext } from './context.ts';
import { SessionError } from './errors.ts';
import { SessionEvents } from './events.ts';
import { assertConsent, assertIndex, assertOpen, streamWarnings } from './guards.ts';
import type { EventLogJson } from './event-log-types.ts';
import { exportDataset, type ExportedDataset, type ExportOptions } from './export.ts';
import { validateConsentNotice, type InterviewSpec } from './options.ts';
import { scoreSession } from './score-session.ts';
import { SessionState } from './state.ts';
import { SessionRecord } from './session-record.ts';
import { hostTranscript, textUsable } from './transcripts.ts';
import { removeSession, type StoredSession } from './store.ts';
import type { AnswerRecord, ConsentRecord, InterviewResult, SessionModality, SessionWarning } from './types.ts';

export interface ConsentInput {
  readonly noticeVersion: string;
  readonly modalities: readonly SessionModality[];
  readonly noticeLocale?: string;
}

export class InterviewSession extends SessionEvents {
  readonly id: string;
  readonly spec: InterviewSpec;
  /** Consent, answers, warnings, result and logs, and their saving (session-record.ts). */
  private readonly rec: SessionRecord;
  private stream: MediaStream | null = null;
  /** Live takes and uploaded files (answers.ts). */
  private readonly takes: SessionAnswers;
  /** What answers.ts and score-session.ts work on. */
  private readonly host: AnswerHost & { readonly spec: InterviewSpec };
  /** idle → consented → recording → storing → closed/deleted (state.ts); one operation at a time. */
  private readonly state: SessionState;
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
    this.rec = new SessionRecord(ctx, spec, stored, (w) => this.emit('warning', w));
    this.id = this.rec.id;
    this.state = new SessionState(this.rec.consent === null ? 'idle' : 'consented');
    this.host = {
      ctx,
      spec,
      state: this.state,
      rec: this.rec,
      emit: (type, detail) => this.emit(type, detail),
      persistOrWarn: (epoch, answer) => this.persistOrWarn(epoch, answer),
    };
    this.takes = new SessionAnswers(this.host);
    globalThis.addEventListener?.('pagehide', this.onHide);
    this.rec.log.record({ type: 'model-loaded', modelVersion: ctx.modelVersion, modelSha256: ctx.modelSha256 });
    this.rec.log.record({ type: 'backend', backend: ctx.backend });
    this.rec.log.record({ type: 'modalities', modalities: [...ctx.modalities] });
    // A resumed session already holds the load warnings of its first page load.
    if (stored === undefined) for (const w of ctx.loadWarnings) this.rec.warn(w);
  }

  /** The consent on record, or null. */
  get consentGiven(): ConsentRecord | null {
    return this.rec.consent;
  }

  /** Recorded answers so far (null = not recorded). */
  get recorded(): readonly (AnswerRecord | null)[] {
    return [...this.rec.answers];
  }

  get warnings(): readonly SessionWarning[] {
    return [...this.rec.warnings];
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
    this.rec.log.record({
      type: 'consent',
      status: 'granted',
      noticeVersion: c.noticeVersion,
      modalities: [...allowed],
      ...(c.noticeLocale === undefined ? {} : { noticeLocale: c.noticeLocale }),
    });
    this.rec.consent = {
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
    await this.takes.abort();
    await this.state.settled();
    const given = this.rec.consent;
    if (given !== null)
      this.rec.log.record({
        type: 'consent',
        status: 'withdrawn',
        noticeVersion: given.noticeVersion,
        modalities: [...given.modalities],
      });
    this.rec.consent = null;
    this.stream = null;
    this.rec.eraseDerived();
    await this.persist(this.state.epoch);
  }

  /** Hands the session the host's MediaStream (after consent). Tracks stay the host's. */
  attach(stream: MediaStream): void {
    this.assertConsent('attach a stream');
    const warnings = streamWarnings(stream, (m) => this.uses(m), this.rec.consent?.modalities ?? []);
    for (const w of warnings) this.rec.warn(w);
    this.stream = stream;
  }

  /** Starts recording answer `index` (0-based). Recording an index again replaces that answer. */
  async beginAnswer(index: number): Promise<void> {
    this.assertConsent('start an answer');
    if (this.stream === null) throw new SessionError('invalid-state', 'attach(stream) before beginAnswer()');
    this.assertIndex(index);
    await this.takes.begin(index, this.stream);
  }

  /**
   * Stops the running answer and stores its derived features. An answer too short to hold one
   * window is not stored (warning `answer-empty`); a previous take of that answer is kept.
   */
  async endAnswer(): Promise<AnswerRecord | null> {
    this.assertOpen();
    return this.takes.end();
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
    return this.takes.addFile(index, file);
  }

  /**
   * Sets the transcript of answer `index` (text channel): plain text, the JSON form, WebVTT, or words
   * with `start`/`end` seconds from the answer's start (docs/session-api.md#transcripts). `null`
   * removes it. A new take of the answer drops the earlier take's words, so set them after the take.
   * Throws `consent-required` when the candidate did not consent to the words, `invalid-transcript`
   * (TranscriptError) for input the SDK cannot read.
   */
  async setTranscript(index: number, input: TranscriptInput | null, format?: TranscriptFormat): Promise<void> {
    this.assertConsent('add a transcript');
    this.assertIndex(index);
    const t = hostTranscript(this.uses('text'), input, format);
    this.rec.setTranscript(index, t);
    await this.persist(this.state.epoch);
  }

  /** The transcript of answer `index`, or null. */
  transcript(index: number): Transcript | null {
    this.assertIndex(index);
    return this.rec.transcripts[index] ?? null;
  }

  /**
   * Listens to every recorded take with `t` (an on-device transcriber: `createLocalSpeechTranscriber`
   * or the host's own) while the text channel is consented; null stops. Its words become the take's
   * transcript at `endAnswer`; a transcriber that fails costs the words only (`transcript-failed`).
   */
  setTranscriber(t: Transcriber | null): void {
    this.assertOpen();
    if (t !== null && (typeof t !== 'object' || typeof t.begin !== 'function' || typeof t.end !== 'function'))
      throw new SessionError('invalid-options', 'setTranscriber() needs { label, begin, end, abort } or null');
    this.takes.transcriber = t;
  }

  /**
   * Scores the recorded answers (late fusion over the modalities present). The result is kept
   * until an answer changes; `fresh: true` scores again (e.g. after resuming on another backend).
   */
  async result(options: { fresh?: boolean } = {}): Promise<InterviewResult> {
    this.assertConsent('analyse');
    if (this.takes.recording !== null) throw new SessionError('invalid-state', 'endAnswer() before result()');
    if (this.rec.result !== null && options.fresh !== true) return this.rec.result;
    const usable =
      this.rec.answers.some((a) => a !== null && (a.audio !== null || a.video !== null)) ||
      textUsable(this.uses('text'), this.rec.transcripts);
    if (!usable)
      throw new SessionError('no-answers', 'no recorded answer has audio, video or a transcript the model can read');
    this.state.to('storing', 'score (an answer is being recorded or analysed)');
    const epoch = this.state.epoch;
    return this.state.track(scoreSession(this.host, epoch).finally(() => this.state.settle(epoch)));
  }

  /** The session as hirenet-dataset/1 (derived features only). */
  exportDataset(options: ExportOptions): ExportedDataset {
    const words = this.uses('text') ? this.rec.transcripts : [];
    const out = exportDataset(this.id, this.spec, this.rec.answers, this.ctx.names, options, words);
    this.rec.log.record({ type: 'export', kind: 'dataset' });
    return out;
  }

  /** Event logs of this session (earlier page loads first), as hirenet-event-log/1 objects. */
  eventLogs(): EventLogJson[] {
    return this.rec.eventLogs();
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
    this.rec.eraseDerived();
    this.rec.log.record({ type: 'deletion', scope: 'session' });
    return this.rec.log.toJSON();
  }

  /** Stops any running answer (or one starting) and releases it; stored state stays (resume later). */
  async close(): Promise<void> {
    if (!this.state.live) return;
    this.state.interrupt('closed');
    await this.release();
  }

  private async release(): Promise<void> {
    globalThis.removeEventListener?.('pagehide', this.onHide);
    await this.takes.abort();
    await this.state.settled();
    this.stream = null;
    this.ctx.forget(this);
  }

  private uses(m: SessionModality): boolean {
    return this.rec.uses(m);
  }

  private assertOpen(): void {
    assertOpen(this.state);
  }

  private assertIndex(index: number): void {
    assertIndex(index, this.spec.questions.length);
  }

  private assertConsent(what: string): void {
    assertConsent(this.state, this.rec.consent, what);
  }

  /** The storage-failed warning, or null when saved (or when an interruption made the state stale). */
  private async persistOrWarn(epoch: number, answer?: number): Promise<SessionWarning | null> {
    return this.state.epoch === epoch ? this.rec.saveOrWarn(answer) : null;
  }

  /** Saves the session unless an interruption since `epoch` made that state stale. */
  private async persist(epoch: number): Promise<void> {
    if (this.state.epoch === epoch) await this.rec.save();
  }
}
