import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readLines } from '../util/lines-node.ts';
import { DatasetError } from '@hirenet/sdk/internal/dataset/errors';
import type { DatasetManifest } from '@hirenet/sdk/internal/dataset/format';
import { parseInterviewLine, validateManifest, type ParsedInterview } from '@hirenet/sdk/internal/dataset/validate';

export async function readManifest(dir: string): Promise<DatasetManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, 'manifest.json'), 'utf8');
  } catch (err) {
    throw new DatasetError(
      `cannot read ${join(dir, 'manifest.json')}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  try {
    return validateManifest(JSON.parse(text));
  } catch (err) {
    if (err instanceof DatasetError) throw err;
    throw new DatasetError(`manifest.json is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Streams interviews.jsonl line by line (bounded memory per line); blank lines are skipped. */
export async function* readInterviews(dir: string, manifest: DatasetManifest): AsyncGenerator<ParsedInterview> {
  const path = join(dir, 'interviews.jsonl');
  try {
    await access(path, constants.R_OK);
  } catch (err) {
    throw new DatasetError(`cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let line = 0;
  const seen = new Set<string>();
  // Bounded per line: an oversized line is a LineTooLongError naming it, not a crash in readline.
  for await (const { line: n, text } of readLines(path)) {
    line = n;
    if (text.trim() === '') continue;
    const iv = parseInterviewLine(text, line, manifest);
    if (seen.has(iv.id)) throw new DatasetError(`duplicate id "${iv.id}"`, line);
    seen.add(iv.id);
    yield iv;
  }
  if (line === 0 || seen.size === 0) throw new DatasetError(`${path} holds no interviews`);
}

/** Reads a whole dataset (manifest + all interviews). */
export async function loadDataset(dir: string): Promise<{ manifest: DatasetManifest; interviews: ParsedInterview[] }> {
  const manifest = await readManifest(dir);
  const interviews: ParsedInterview[] = [];
  for await (const iv of readInterviews(dir, manifest)) interviews.push(iv);
  return { manifest, interviews };
}
