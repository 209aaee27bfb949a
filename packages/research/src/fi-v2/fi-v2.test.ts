import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitByGroup } from '../train/split.ts';
import { pearson } from './correlation.ts';
import { writeFiSets } from './dataset.ts';
import { fitRidge, ridgePredict } from './ridge.ts';

describe('FI V2 helpers (no FI V2 data needed)', () => {
  it('pearson: ±1 for linear relations, 0 for an orthogonal one', () => {
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1, 12);
    expect(pearson([1, -1, 1, -1], [1, 1, -1, -1])).toBeCloseTo(0, 12);
  });

  it('ridge recovers y = 3a − 2b + 1 with a small λ', () => {
    const rows = Array.from({ length: 50 }, (_, i) => Float64Array.of(Math.sin(i), Math.cos(3 * i)));
    const y = rows.map((r) => 3 * (r[0] as number) - 2 * (r[1] as number) + 1);
    const m = fitRidge(rows, y, 1e-6);
    expect(ridgePredict(m, Float64Array.of(0.5, -0.5))).toBeCloseTo(3.5, 4);
  });

  it('splitByGroup never puts one speaker on both sides', () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ id: i, speaker: `s${i % 13}` }));
    const split = splitByGroup(items, (x) => x.speaker, 3, [0.8, 0.2]);
    const train = new Set(split.train.map((x) => x.speaker));
    expect(split.validation.some((x) => train.has(x.speaker))).toBe(false);
    expect(split.train.length + split.validation.length + split.test.length).toBe(60);
    expect(split.validation.length).toBeGreaterThan(0);
  });

  it('writes speaker-disjoint text datasets: median label, EEO-1 race names, empty transcripts left out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fi-v2-'));
    try {
      const clip = (k: number, part: string, extra: object = {}) => ({
        id: `c${k}.mp4`,
        youtube_id: `y${k % 4}`,
        group_split: part,
        transcript: k === 5 ? ' ' : `clip number ${k} talks`,
        interview: k / 10,
        ...extra,
      });
      const clips = [
        ...[0, 1, 2, 3, 4, 5].map((k) => clip(k, k % 2 === 0 ? 'train' : 'val')),
        clip(6, 'test', { gender: 'Female', ethnicity: 'African-American' }),
        clip(7, 'test'),
      ];
      const source = join(dir, 'fi.jsonl');
      await writeFile(source, clips.map((c) => JSON.stringify(c)).join('\n'));
      const sets = await writeFiSets(source, join(dir, 'out'));
      expect(sets).toEqual({ train: 5, test: 2, threshold: 0.2 });
      const manifest = JSON.parse(await readFile(join(dir, 'out', 'train', 'manifest.json'), 'utf8'));
      expect(manifest.modalities).toEqual({ text: ['words'] });
      const test = (await readFile(join(dir, 'out', 'test', 'interviews.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(test[0]).toMatchObject({
        label: 1,
        answers: [{ text: 'clip number 6 talks' }],
        speaker: 'y2',
        interview: 0.6,
        group: { sex: 'Female', race: 'Black or African American' },
      });
      expect(test[1].group).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
