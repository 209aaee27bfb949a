/**
 * A transcriber (text/transcript-source.ts) around one take: started with the answer, stopped
 * with it, its words validated like a host's transcript. A transcriber that fails never costs the
 * answer: the take is stored without words and a `transcript-failed` warning says why.
 */
import { parseTranscript } from '../text/transcript-parse.ts';
import type { Transcript } from '../text/transcript.ts';
import type { Transcriber } from '../text/transcript-source.ts';

/** How long the session waits for a transcriber's words after the answer ends. */
export const TRANSCRIBER_END_MS = 10_000;

type Warn = (message: string) => void;

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} gave no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** The transcript from a transcriber's output, with its source; throws `invalid-transcript` on bad words. */
export function transcriberTranscript(t: Transcriber, out: unknown): Transcript {
  const parsed = typeof out === 'string' ? parseTranscript(out, 'text') : parseTranscript(out as never, 'json');
  return { ...parsed, source: t.source ?? 'transcriber' };
}

export class TakeTranscriber {
  private constructor(
    private readonly t: Transcriber,
    private readonly warn: Warn,
  ) {}

  /** Starts `t` on the take's microphone track; null (with a warning) when it cannot start. */
  static async start(t: Transcriber, track: MediaStreamTrack | null, warn: Warn): Promise<TakeTranscriber | null> {
    try {
      await within(t.begin(track), TRANSCRIBER_END_MS, t.label);
      return new TakeTranscriber(t, warn);
    } catch (e) {
      warn(`${t.label} could not start (${(e as Error).message}): this answer has no transcript`);
      return null;
    }
  }

  /** The take's words, or null (with a warning) when the transcriber failed or heard nothing. */
  async finish(): Promise<Transcript | null> {
    try {
      const out = await within(this.t.end(), TRANSCRIBER_END_MS, this.t.label);
      const transcript = transcriberTranscript(this.t, out);
      if (transcript.words.length > 0) return transcript;
      this.warn(`${this.t.label} heard no words in this answer`);
    } catch (e) {
      this.t.abort();
      this.warn(`${this.t.label} failed (${(e as Error).message}): this answer has no transcript`);
    }
    return null;
  }

  abort(): void {
    this.t.abort();
  }
}
