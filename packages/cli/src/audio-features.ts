/**
 * `hirenet features audio FILE [--csv OUT|-] [--summary]`
 *
 * Streams the file through the same extractor the browser worker uses: a first pass finds the
 * peak level (Praat's silence threshold is relative to it), the second computes the frames.
 * `--csv` writes one row per 10 ms frame; `--summary` (also the default without --csv) prints
 * only a JSON object on stdout. Progress and errors go to stderr.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { stderr, stdout } from 'node:process';
import { AudioFeatureExtractor, type AudioFrame } from '@hirenet/sdk/internal/audio/frames';
import { AudioInputError } from '@hirenet/sdk/internal/audio/errors';
import { AUDIO_FRAME_FEATURES, audioSchemaId } from '@hirenet/sdk/internal/audio/schema';
import { parseCommandArgs } from './args.ts';
import { openAudioFile } from './audio-source.ts';
import { usageText } from './usage.ts';

const USAGE = usageText('features audio');

export async function runAudioFeatures(args: string[]): Promise<number> {
  const { flags, positional } = parseCommandArgs('features audio', args);
  const file = positional[0];
  if (file === undefined) {
    stderr.write(USAGE);
    return 2;
  }
  const csvPath = flags.get('csv');
  const wantSummary = flags.has('summary') || csvPath === undefined;
  if (csvPath === '-' && wantSummary) {
    stderr.write('hirenet: --csv - and --summary both want stdout; write the CSV to a file\n');
    return 2;
  }
  try {
    const started = performance.now();
    const source = await openAudioFile(file);
    let peak = 0;
    for await (const chunk of source.chunks())
      for (const v of chunk) if (Math.abs(v) > peak && Number.isFinite(v)) peak = Math.abs(v);
    const extractor = new AudioFeatureExtractor({ sampleRate: source.sampleRate, globalPeak: peak });
    const csv = csvPath === undefined ? null : csvPath === '-' ? stdout : createWriteStream(csvPath);
    if (csv !== null) await write(csv, `${AUDIO_FRAME_FEATURES.join(',')}\n`);
    let frames = 0;
    const emit = async (rows: AudioFrame[]): Promise<void> => {
      frames += rows.length;
      if (csv !== null && rows.length > 0) await write(csv, rows.map(csvRow).join(''));
    };
    for await (const chunk of source.chunks()) await emit(extractor.push(chunk));
    await emit(extractor.flush());
    if (csv !== null && csv !== stdout)
      await new Promise<void>((resolve, reject) =>
        (csv as WriteStream).end((e?: Error | null) => (e ? reject(e) : resolve())),
      );
    const summary = extractor.summary();
    const seconds = (performance.now() - started) / 1000;
    stderr.write(
      [
        `hirenet: ${file}: ${frames} frames (${summary.durationSeconds.toFixed(2)} s,`,
        `${source.sampleRate} Hz via ${source.decoder}) in ${seconds.toFixed(2)} s; schema`,
        `${audioSchemaId()}\n`,
      ].join(' '),
    );
    if (wantSummary) stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof AudioInputError) {
      stderr.write(`hirenet: ${e.code}: ${e.message}\n`);
      return 3;
    }
    throw e;
  }
}

function csvRow(f: AudioFrame): string {
  return `${AUDIO_FRAME_FEATURES.map((k) => (k === 'time' ? f[k].toFixed(2) : formatNumber(f[k]))).join(',')}\n`;
}

function formatNumber(v: number): string {
  if (v === 0) return '0';
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = stream.write(text, (e?: Error | null) => (e ? reject(e) : undefined));
    if (ok) resolve();
    else stream.once('drain', () => resolve());
  });
}
