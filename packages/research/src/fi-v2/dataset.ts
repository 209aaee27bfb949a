/**
 * ChaLearn First Impressions V2 (../shared/data/fi-v2, research and evaluation only: never commit
 * it, copy it into the project or ship weights trained on it) as `hirenet-dataset/1` text datasets
 * under a directory the caller chooses (/tmp). One clip = one interview with one answer (its
 * transcript) to one fixed prompt; label = the clip's "interview" judgement ≥ the training median.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { shuffled } from '../train/split.ts';

export const FI_PROMPT = 'Tell us about yourself.';
export const FI_JOB = 'job candidate';

export interface FiClip {
  readonly id: string;
  readonly youtube_id: string;
  readonly group_split: 'train' | 'val' | 'test';
  readonly transcript: string;
  readonly interview: number;
  readonly gender?: string;
  readonly ethnicity?: string;
}

/** The challenge's ethnicity names → EEO-1 categories (docs/audit.md). */
const RACE: Readonly<Record<string, string>> = {
  Caucasian: 'White',
  'African-American': 'Black or African American',
  Asian: 'Asian',
};

export async function readFiClips(path: string): Promise<FiClip[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new HireNetError('invalid-dataset', `cannot read ${path}: ${(e as Error).message}`);
  }
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as FiClip);
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function line(clip: FiClip, threshold: number): string {
  const race = clip.ethnicity === undefined ? undefined : (RACE[clip.ethnicity] ?? clip.ethnicity);
  const group = clip.gender === undefined ? undefined : { sex: clip.gender, ...(race ? { race } : {}) };
  return JSON.stringify({
    id: clip.id,
    label: clip.interview >= threshold ? 1 : 0,
    jobTitle: FI_JOB,
    questions: [FI_PROMPT],
    answers: [{ text: clip.transcript }],
    speaker: clip.youtube_id,
    interview: clip.interview,
    ...(group ? { group } : {}),
  });
}

async function writeSet(dir: string, clips: readonly FiClip[], threshold: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const manifest = { format: 'hirenet-dataset/1', modalities: { text: ['words'] }, generator: { name: 'fi-v2' } };
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
  await writeFile(join(dir, 'interviews.jsonl'), `${clips.map((c) => line(c, threshold)).join('\n')}\n`);
}

export interface FiSets {
  readonly train: number;
  readonly test: number;
  readonly threshold: number;
}

/**
 * `out/train`: the speaker-disjoint train + val parts (hirenet train splits it again by speaker with
 * --group-by speaker); `out/test`: the speaker-disjoint test part. Clips with an empty transcript are
 * left out. `trainLimit` subsamples whole speakers of the training part (seeded) to bound run time.
 */
export async function writeFiSets(source: string, out: string, trainLimit?: number, seed = 1): Promise<FiSets> {
  const clips = (await readFiClips(source)).filter((c) => c.transcript.trim() !== '');
  let train = clips.filter((c) => c.group_split !== 'test');
  const test = clips.filter((c) => c.group_split === 'test');
  if (trainLimit !== undefined && train.length > trainLimit) {
    const speakers = shuffled([...new Set(train.map((c) => c.youtube_id))].sort(), seed);
    const kept = new Set<string>();
    let n = 0;
    for (const s of speakers) {
      if (n >= trainLimit) break;
      kept.add(s);
      n += train.filter((c) => c.youtube_id === s).length;
    }
    train = train.filter((c) => kept.has(c.youtube_id));
  }
  const threshold = median(train.map((c) => c.interview));
  await writeSet(join(out, 'train'), train, threshold);
  await writeSet(join(out, 'test'), test, threshold);
  return { train: train.length, test: test.length, threshold };
}
