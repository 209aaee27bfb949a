/**
 * On-device speech recognition through the Web Speech API, and nothing else. A recogniser is made
 * only when `SpeechRecognition.available({ langs, processLocally: true })` says "available" for the
 * language, and every recogniser is started with `processLocally = true`: the browser's server
 * recognition (which sends the audio to the browser vendor) is never used, not even as a fallback.
 * Where on-device recognition is missing, `createLocalSpeechTranscriber` refuses with a
 * `TranscriberError` that says why — measured in Chromium 156 here: en-US local is "downloadable"
 * (the language pack is not installed) and a local start fails with `language-not-supported`.
 * Web Speech gives phrases without word times, so its transcripts are untimed.
 */
import { type Transcriber, TranscriberError } from './transcript-source.ts';

interface RecognitionResultList {
  readonly length: number;
  readonly [i: number]: { readonly isFinal: boolean; readonly [alt: number]: { readonly transcript: string } };
}

interface Recognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  processLocally?: boolean;
  onstart: (() => void) | null;
  onend: (() => void) | null;
  onerror: ((e: { readonly error: string }) => void) | null;
  onresult: ((e: { readonly resultIndex: number; readonly results: RecognitionResultList }) => void) | null;
  start(track?: MediaStreamTrack): void;
  stop(): void;
  abort(): void;
}

interface RecognitionClass {
  new (): Recognition;
  readonly prototype: object;
  available?(o: { langs: string[]; processLocally: boolean }): Promise<string>;
}

export interface LocalSpeechOptions {
  /** BCP 47 language of the answers. Default 'en-US'. */
  readonly lang?: string;
  /** How long `begin` waits for the recogniser to start, and `end` for its last results. Default 5000 ms. */
  readonly timeoutMs?: number;
}

/** Errors at the end of an answer that still leave a usable (possibly empty) transcript. */
const BENIGN = new Set(['no-speech', 'aborted']);

const unavailable = (message: string, reason: string): TranscriberError =>
  new TranscriberError('recognition-unavailable', `${message}; server recognition is never used`, reason);

function recognitionClass(): RecognitionClass | null {
  const g = globalThis as { SpeechRecognition?: RecognitionClass; webkitSpeechRecognition?: RecognitionClass };
  return g.SpeechRecognition ?? g.webkitSpeechRecognition ?? null;
}

/**
 * A transcriber on the browser's on-device recogniser for `lang`, or `recognition-unavailable`
 * saying why not (no Web Speech API, no on-device mode, or the browser's own availability answer
 * such as "downloadable" or "unavailable").
 */
export async function createLocalSpeechTranscriber(o: LocalSpeechOptions = {}): Promise<Transcriber> {
  const lang = o.lang ?? 'en-US';
  if (typeof lang !== 'string' || !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/.test(lang))
    throw unavailable('lang must be a BCP 47 tag such as "en-US"', 'invalid-lang');
  const timeoutMs = o.timeoutMs ?? 5000;
  const Ctor = recognitionClass();
  if (Ctor === null) throw unavailable('this browser has no Web Speech API (SpeechRecognition)', 'no-api');
  if (typeof Ctor.available !== 'function' || !('processLocally' in Ctor.prototype))
    throw unavailable('this browser cannot run or check on-device speech recognition', 'no-on-device-mode');
  let status: string;
  try {
    status = await Ctor.available({ langs: [lang], processLocally: true });
  } catch (e) {
    throw unavailable(`the browser could not check on-device recognition (${(e as Error).message})`, 'check-failed');
  }
  if (status !== 'available')
    throw unavailable(
      `on-device speech recognition for ${lang} is "${status}" in this browser` +
        (status === 'downloadable' ? ' (its language pack is not installed)' : ''),
      status,
    );
  return new LocalSpeechTranscriber(Ctor, lang, timeoutMs);
}

class LocalSpeechTranscriber implements Transcriber {
  readonly label = 'on-device speech recognition';
  readonly source = 'recognition';
  private rec: Recognition | null = null;
  private finals: string[] = [];
  private error: string | null = null;
  private ended: Promise<void> = Promise.resolve();

  constructor(
    private readonly Ctor: RecognitionClass,
    private readonly lang: string,
    private readonly timeoutMs: number,
  ) {}

  async begin(track: MediaStreamTrack | null): Promise<void> {
    this.abort();
    const rec = new this.Ctor();
    rec.lang = this.lang;
    rec.continuous = true;
    rec.interimResults = false;
    rec.processLocally = true;
    // Refuse rather than risk a server round trip if the browser ignored the setting.
    if (rec.processLocally !== true) throw unavailable('the recogniser did not accept processLocally', 'ignored');
    this.rec = rec;
    this.finals = [];
    this.error = null;
    rec.onresult = (e) => {
      for (let i = e.resultIndex; i < e.results.length; i++) {
        const r = e.results[i];
        if (r?.isFinal === true) this.finals[i] = r[0]?.transcript ?? '';
      }
    };
    this.ended = new Promise<void>((resolve) => {
      rec.onend = () => resolve();
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(this.failed('start-timeout')), this.timeoutMs);
      rec.onstart = () => {
        clearTimeout(timer);
        resolve();
      };
      rec.onerror = (e) => {
        this.error = e.error;
        clearTimeout(timer);
        reject(this.failed(e.error));
      };
      try {
        if (track === null) rec.start();
        else rec.start(track);
      } catch (e) {
        clearTimeout(timer);
        reject(this.failed((e as Error).name));
      }
    }).catch((e) => {
      this.abort();
      throw e;
    });
    rec.onerror = (e) => {
      this.error = e.error;
    };
  }

  async end(): Promise<string> {
    const rec = this.rec;
    if (rec === null) throw this.failed('not-started');
    rec.stop();
    await Promise.race([this.ended, new Promise((r) => setTimeout(r, this.timeoutMs))]);
    this.rec = null;
    if (this.error !== null && !BENIGN.has(this.error)) throw this.failed(this.error);
    return this.finals
      .filter((s) => s !== undefined)
      .join(' ')
      .trim();
  }

  abort(): void {
    const rec = this.rec;
    this.rec = null;
    if (rec === null) return;
    rec.onresult = null;
    rec.onerror = null;
    try {
      rec.abort();
    } catch {
      // Already stopped: nothing to release.
    }
  }

  private failed(reason: string): TranscriberError {
    return new TranscriberError(
      'recognition-failed',
      `on-device speech recognition for ${this.lang} stopped: ${reason}; server recognition is never used`,
      reason,
    );
  }
}
