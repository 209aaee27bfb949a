/**
 * The words channel of a candidate's cue analysis: words from an on-device transcriber listening
 * to the microphone, or from the host (`supplyWords`: a transcript its own on-device recogniser
 * made), counted into the current answer's keywords (keywords.ts). Only the counts leave this
 * file; the words are dropped once counted. The SDK's own transcriber
 * (`createLocalSpeechTranscriber`) never uses server recognition; a host's transcriber must not
 * either (transcript-source.ts).
 */
import { HireNetError } from '../util/errors.ts';
import { parseTranscript, type TranscriptInput } from '../text/transcript-parse.ts';
import type { Transcriber } from '../text/transcript-source.ts';
import type { TranscriptWord } from '../text/transcript.ts';
import type { CueKeywords, WordsState } from './cue-schema.ts';
import { KeywordCounter } from './keywords.ts';

export interface WordsOptions {
  /**
   * An on-device transcriber for the microphone (`createLocalSpeechTranscriber`, or the host's
   * own). Absent: words come only from `CueAnalysis.supplyWords`.
   */
  readonly transcriber?: Transcriber;
  /**
   * Seconds each listening segment lasts: a transcriber gives its words when it stops, so they
   * are counted segment by segment (a word cut by the restart may be lost). Default 6.
   */
  readonly segmentSeconds?: number;
  /**
   * Words that come after this many seconds without words start a new answer. Default 10; 0: only
   * `nextAnswer()` starts one.
   */
  readonly answerGapSeconds?: number;
}

const textOf = (out: string | readonly TranscriptWord[]): string =>
  typeof out === 'string' ? out : out.map((w) => w.word).join(' ');

export class WordsChannel {
  private readonly counter = new KeywordCounter();
  private lastWordsAt: number | null = null;
  /** Bumped on every pause/stop, so a listening loop of an earlier run ends and its words are dropped. */
  private run = 0;
  private wake: (() => void) | null = null;

  constructor(
    private current: WordsState,
    private readonly o: WordsOptions | undefined,
    private readonly mic: MediaStreamTrack | undefined,
    private readonly onError: (e: unknown) => void,
  ) {
    const seg = o?.segmentSeconds ?? 6;
    const gap = o?.answerGapSeconds ?? 10;
    if (!(seg >= 1 && seg <= 120))
      throw new HireNetError('invalid-options', `words.segmentSeconds must be in [1, 120], got ${seg}`);
    if (!(gap >= 0 && gap <= 3600))
      throw new HireNetError('invalid-options', `words.answerGapSeconds must be in [0, 3600], got ${gap}`);
    if (current === 'on') void this.listen();
  }

  get state(): WordsState {
    return this.current;
  }

  /** The current answer's keywords while the channel is on, else null. */
  take(): CueKeywords | null {
    return this.current === 'on' ? this.counter.top() : null;
  }

  /**
   * Counts a host's words into the current answer (plain text, JSON words or WebVTT, parsed and
   * checked like a session transcript: `invalid-transcript` on bad input). False, and nothing
   * counted, while the channel is not on.
   */
  supply(input: TranscriptInput): boolean {
    const text = textOf(parseTranscript(input).words);
    if (this.current !== 'on') return false;
    this.count(text);
    return true;
  }

  nextAnswer(): void {
    this.counter.nextAnswer();
    this.lastWordsAt = null;
  }

  pause(): void {
    if (this.current !== 'on') return;
    this.current = 'paused';
    this.halt();
  }

  resume(): void {
    if (this.current !== 'paused') return;
    this.current = 'on';
    void this.listen();
  }

  stop(): void {
    this.halt();
  }

  private halt(): void {
    this.run++;
    this.wake?.();
    this.o?.transcriber?.abort();
  }

  private count(text: string): void {
    const gap = (this.o?.answerGapSeconds ?? 10) * 1000;
    const now = performance.now();
    if (gap > 0 && this.lastWordsAt !== null && now - this.lastWordsAt > gap) this.counter.nextAnswer();
    if (this.counter.add(text) > 0) this.lastWordsAt = now;
  }

  private async listen(): Promise<void> {
    const t = this.o?.transcriber;
    if (t === undefined) return;
    const run = ++this.run;
    const track = this.mic?.clone() ?? null;
    const segmentMs = (this.o?.segmentSeconds ?? 6) * 1000;
    try {
      while (this.run === run) {
        await t.begin(track);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, segmentMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        if (this.run !== run) break;
        const words = await t.end();
        if (this.run === run) this.count(textOf(words));
      }
    } catch (e) {
      if (this.run === run) {
        // The recogniser stopped on an error: no words until the candidate's page starts over.
        this.current = 'unavailable';
        this.onError(e);
      }
    } finally {
      track?.stop();
    }
  }
}
