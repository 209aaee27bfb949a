/**
 * The rules for a host's transcript in the session: only with the text channel consented, parsed
 * and validated once where it enters (text/transcript-parse.ts), never echoed in an error.
 */
import type { Transcript } from '../text/transcript.ts';
import { parseTranscript, type TranscriptFormat, type TranscriptInput } from '../text/transcript-parse.ts';
import { SessionError } from './errors.ts';

/** The parsed transcript, null to remove; `consent-required` when the words are not consented. */
export function hostTranscript(
  textConsented: boolean,
  input: TranscriptInput | null,
  format: TranscriptFormat = 'auto',
): Transcript | null {
  if (!textConsented)
    throw new SessionError(
      'consent-required',
      "the words are not analysed in this session: create it with modalities including 'text' and consent to them",
    );
  return input === null ? null : parseTranscript(input, format);
}

/** Whether the transcripts alone give `result()` something to report (lexical feedback at least). */
export function textUsable(textConsented: boolean, transcripts: readonly (Transcript | null)[]): boolean {
  return textConsented && transcripts.some((t) => t !== null && t.words.length > 0);
}
