/**
 * The correctness check's input: real recordings (../shared/fixtures/audio, one answer per file)
 * through the SDK's own audio descriptors and window pooling, i.e. the raw rows a session hands
 * the shipped audio model. The GPU kit carries these rows (numbers derived from the recordings,
 * never the recordings) because ../shared does not travel to the device machine.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractAudioFeatures } from '../../packages/sdk/src/audio/frames.ts';
import { poolAudioFrames } from '../../packages/sdk/src/audio/pooling.ts';
import { decodeWavFrames, parseWavHeader } from '../../packages/sdk/src/audio/wav.ts';

export const AUDIO_FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/audio/', import.meta.url));

export interface RecordingRows {
  /** Where the rows came from (file names), for the report. */
  readonly source: string;
  /** answers[i][t]: raw (unstandardised) descriptor row of window t of answer i. */
  readonly answers: number[][][];
}

/** Pooled audio windows of every shared recording, one answer per file; null without ../shared. */
export function recordingRows(dir = AUDIO_FIXTURES): RecordingRows | null {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.wav'))
    .sort();
  const answers = files.map((f) => {
    const bytes = new Uint8Array(readFileSync(join(dir, f)));
    const format = parseWavHeader(bytes);
    const pcm = decodeWavFrames(bytes.subarray(format.dataOffset), format);
    const windows = poolAudioFrames(extractAudioFeatures(pcm, format.sampleRate).frames);
    return windows.flatMap((w) => (w.values === null ? [] : [Array.from(w.values)]));
  });
  return { source: `shared/fixtures/audio: ${files.join(', ')}`, answers };
}
