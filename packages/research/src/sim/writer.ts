import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { simManifest, type SimConfig } from './config.ts';
import { simLines } from './lines.ts';

export interface SimProgress {
  readonly written: number;
  readonly total: number;
  readonly bytes: number;
}

/**
 * Streams interviews as JSON lines into `out`, one generated interview at a time, waiting for
 * 'drain' whenever the stream's buffer is full — so memory stays at one interview plus the
 * stream's high-water mark however large K is.
 */
export async function writeInterviewLines(
  config: SimConfig,
  out: Writable,
  onProgress?: (p: SimProgress) => void,
): Promise<number> {
  let bytes = 0;
  let written = 0;
  for (const interview of simLines(config)) {
    const line = `${JSON.stringify(interview)}\n`;
    bytes += Buffer.byteLength(line);
    written++;
    if (!out.write(line)) {
      await new Promise<void>((resolve, reject) => {
        const onError = (err: Error): void => {
          out.off('drain', onDrain);
          reject(err);
        };
        const onDrain = (): void => {
          out.off('error', onError);
          resolve();
        };
        out.once('drain', onDrain);
        out.once('error', onError);
      });
    }
    onProgress?.({ written, total: config.interviews, bytes });
  }
  return bytes;
}

export interface WrittenDataset {
  readonly dir: string;
  readonly interviews: number;
  readonly bytes: number;
}

/**
 * Writes `dir/manifest.json` and `dir/interviews.jsonl`. The lines go to a `.partial` file that
 * is renamed only when complete, and the manifest is written last, so an interrupted run never
 * leaves something that looks like a finished dataset.
 */
export async function writeSimDataset(
  dir: string,
  config: SimConfig,
  options: { overwrite?: boolean; onProgress?: (p: SimProgress) => void } = {},
): Promise<WrittenDataset> {
  await mkdir(dir, { recursive: true });
  const target = join(dir, 'interviews.jsonl');
  const manifest = join(dir, 'manifest.json');
  if (!options.overwrite) {
    for (const path of [target, manifest]) {
      if (
        await stat(path).then(
          () => true,
          () => false,
        )
      )
        throw new HireNetError('file-exists', `${path} exists (pass --force to overwrite)`);
    }
  }
  await rm(manifest, { force: true });
  const partial = `${target}.partial`;
  const stream = createWriteStream(partial);
  const closed = new Promise<void>((resolve, reject) => {
    stream.once('close', resolve);
    stream.once('error', reject);
  });
  let bytes: number;
  try {
    bytes = await writeInterviewLines(config, stream, options.onProgress);
  } catch (err) {
    stream.destroy();
    await rm(partial, { force: true });
    throw err;
  }
  stream.end();
  await closed;
  await rename(partial, target);
  await writeFile(manifest, `${JSON.stringify(simManifest(config), null, 2)}\n`);
  return { dir, interviews: config.interviews, bytes };
}
