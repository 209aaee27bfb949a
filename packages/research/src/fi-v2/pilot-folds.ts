/**
 * Pilot-size cross-validation folds of FI V2 (docs/text.md, "Small sets"): from a written training
 * set (write.ts), random subsets of whole speakers reaching N clips, each cut into K folds by speaker.
 * Writes under OUT only (/tmp: never commit FI V2 or anything derived from it):
 *   OUT/n{N}-s{S}/fold{k}/train, …/test   (hirenet-dataset/1, the manifest of a bare text set)
 *   node --conditions=source --import tsx packages/research/src/fi-v2/pilot-folds.ts \
 *     --data /tmp/fi/train --out /tmp/cv --sizes 100,150,200 --subsets 3 --folds 5
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { shuffled } from '../train/split.ts';

interface Line {
  readonly speaker: string;
  readonly raw: string;
}

/** Whole speakers in seeded order until at least n clips; then speakers dealt to the lightest fold. */
export function pilotFolds<T>(items: readonly T[], speakerOf: (x: T) => string, n: number, k: number, seed: number) {
  const bySpeaker = new Map<string, T[]>();
  for (const x of items) bySpeaker.set(speakerOf(x), [...(bySpeaker.get(speakerOf(x)) ?? []), x]);
  const folds: T[][] = Array.from({ length: k }, () => []);
  let taken = 0;
  for (const s of shuffled([...bySpeaker.keys()].sort(), seed)) {
    if (taken >= n) break;
    const clips = bySpeaker.get(s) ?? [];
    const lightest = folds.reduce((a, f) => (f.length < a.length ? f : a));
    lightest.push(...clips);
    taken += clips.length;
  }
  return folds;
}

const MANIFEST = `${JSON.stringify({ format: 'hirenet-dataset/1', modalities: { text: ['words'] } })}\n`;

async function writeSet(dir: string, lines: readonly Line[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'manifest.json'), MANIFEST);
  await writeFile(join(dir, 'interviews.jsonl'), `${lines.map((l) => l.raw).join('\n')}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      sizes: { type: 'string', default: '100,150,200' },
      subsets: { type: 'string', default: '3' },
      folds: { type: 'string', default: '5' },
    },
  });
  if (!values.data || !values.out) throw new HireNetError('usage', 'usage: pilot-folds.ts --data DIR --out DIR');
  const lines: Line[] = (await readFile(join(values.data, 'interviews.jsonl'), 'utf8'))
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((raw) => ({ raw, speaker: String((JSON.parse(raw) as { speaker: unknown }).speaker) }));
  const k = Number(values.folds);
  for (const n of values.sizes.split(',').map(Number)) {
    for (let s = 1; s <= Number(values.subsets); s++) {
      const folds = pilotFolds(lines, (l) => l.speaker, n, k, 1000 * n + s);
      for (const [i, test] of folds.entries()) {
        const dir = join(values.out, `n${n}-s${s}`, `fold${i + 1}`);
        await writeSet(join(dir, 'train'), folds.filter((_, j) => j !== i).flat());
        await writeSet(join(dir, 'test'), test);
      }
      process.stdout.write(`n${n}-s${s}: ${folds.map((f) => f.length).join(' / ')} clips\n`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
