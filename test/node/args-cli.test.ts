// Argument and input validation of the CLI through the real bin: one-line errors (never a stack
// or source excerpt), exit 2 for bad arguments, bounded lines, no scores for interviews without
// data, no staging directory left by a failed train.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES } from '../../packages/research/src/util/lines-node.ts';
import { flags, hirenet, simulate, type CliResult } from './run-cli.ts';

const root = join(import.meta.dirname, '..', '..');
const AUDIO_MODEL = join(root, 'models/hirenet-demo/audio');
let dir = '';

/** One line on stderr naming the command; no stack frames, no source excerpt. */
function oneLine(r: CliResult, pattern: RegExp): void {
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^hirenet \w+: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at |\^\n|node:internal/);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hirenet-args-'));
  await simulate(join(dir, 'data'), { seed: 3, interviews: 6, modalities: 'audio', answers: '1-2', windows: '40-45' });
  await simulate(join(dir, 'both'), { seed: 6, interviews: 6, answers: 1, windows: '40-45' });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('CLI arguments', () => {
  it.each([
    [
      ['train', '--data', 'd', '--out', 'o', '--modality', 'audio', '--batch-size', '0'],
      /--batch-size must be an integer >= 1/,
    ],
    [
      ['train', '--data', 'd', '--out', 'o', '--modality', 'audio', '--noise', 'abc'],
      /--noise must be a number >= 0, got "abc"/,
    ],
    [['train', '--data', 'd', '--out', 'o', '--modality', 'audio', '--epochs', '2.5'], /--epochs must be an integer/],
    [['train', '--data', 'd', '--out', 'o', '--modality', 'audio', '--lr', '0'], /--lr must be a number > 0/],
    [
      ['train', '--data', 'd', '--out', 'o', '--modality', 'sound'],
      /--modality must be one of audio, video, text, both, all/,
    ],
    [
      ['train', '--data', 'd', '--out', 'o', '--modality', 'audio', '--variant', 'lstm'],
      /--variant must be one of hirenet, hn_satt, hn_avg, bigru/,
    ],
    [
      ['eval', '--data', 'd', '--model', 'm', '--threshold', '1.5', '--json'],
      /--threshold must be a number >= 0 and <= 1/,
    ],
    [['simulate', '--out', 'o', '--interviews', '0'], /--interviews must be an integer >= 1/],
    [
      ['simulate', '--out', 'o', '--interviews', '5', '--label-noise', '0.9'],
      /--label-noise must be a number >= 0 and <= 0.5/,
    ],
    [['simulate', '--out', 'o', '--interviews', '5', '--seed', '0x10'], /--seed must be an integer >= 0/],
    [['audit', '--data', 'd', '--scores', 's', '--alpha', '1'], /--alpha must be a number > 0 and < 1/],
    [['ablate', '--data', 'd', '--seeds', '-1'], /--seeds must be an integer >= 1/],
    [
      ['predict', '--data', 'd', '--model', 'm', '--out', 'o', '--backend', 'webgpu'],
      /--backend must be one of wasm, cpu/,
    ],
    [['train', '--data', 'd', '--batch-size'], /--batch-size needs a value/],
  ])('hirenet %j: exit 2, one line', async (args, pattern) => {
    const r = await hirenet(...(args as string[]));
    expect(r.code, r.stderr).toBe(2);
    oneLine(r, pattern as RegExp);
  });

  it('a scores file with a score outside [0, 1] is refused, naming the line', async () => {
    const scores = join(dir, 'scores.jsonl');
    await writeFile(scores, '{"id":"a","score":0.5}\n{"id":"b","score":7.5}\n');
    const r = await hirenet('audit', '--data', join(dir, 'data'), '--scores', scores);
    expect(r.code).toBe(1);
    oneLine(r, /scores line 2: "score" of "b" is 7\.5, outside \[0, 1\]/);
  });
});

describe('CLI inputs', () => {
  it('a line longer than the bound is a one-line error naming the file and line, read no further', async () => {
    const data = join(dir, 'long');
    await rm(data, { recursive: true, force: true });
    await simulate(data, { seed: 4, interviews: 2, modalities: 'audio', answers: 1, windows: '40-45' });
    const first = (await readFile(join(data, 'interviews.jsonl'), 'utf8')).split('\n')[0]!;
    const file = createWriteStream(join(data, 'interviews.jsonl'));
    file.write(`${first}\n`);
    const block = Buffer.alloc(1 << 20, 0x20);
    for (let i = 0; i <= MAX_LINE_BYTES >> 20; i++) if (!file.write(block)) await once(file, 'drain');
    file.end('\n');
    await once(file, 'finish');
    const r = await hirenet('predict', '--data', data, '--model', AUDIO_MODEL, '--out', join(dir, 'long.jsonl'));
    expect(r.code).toBe(1);
    oneLine(r, /interviews\.jsonl line 2 is longer than 67108864 bytes \(64 MiB\)/);
  });

  it('interviews with no windows for the model are left out and named; none at all is an error', async () => {
    const data = join(dir, 'data');
    const lines = (await readFile(join(data, 'interviews.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    lines[1].answers = lines[1].answers.map(() => ({ audio: null }));
    await writeFile(join(data, 'interviews.jsonl'), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const out = join(dir, 'pred.jsonl');
    const r = await hirenet('predict', '--data', data, '--model', AUDIO_MODEL, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`left out 1 interview(s) with no audio windows in any answer: "${lines[1].id}"`);
    const ids = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    expect(ids).toEqual(lines.filter((_, i) => i !== 1).map((l) => l.id));

    for (const l of lines) l.answers = l.answers.map(() => ({ audio: null }));
    await writeFile(join(data, 'interviews.jsonl'), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const none = await hirenet('eval', '--data', data, '--model', AUDIO_MODEL, '--json');
    expect(none.code).toBe(1);
    oneLine(none, /no interview in .* has audio windows: nothing to score/);
  });

  it('a failed `train --modality both` leaves no *.fusion-tmp-* directory and no model', async () => {
    const audioOnly = join(dir, 'audio-only');
    await simulate(audioOnly, { seed: 5, interviews: 40, modalities: 'audio', answers: 1, windows: '30-40' });
    const out = join(dir, 'fusion-model');
    const r = await hirenet('train', ...flags({ data: audioOnly, modality: 'both', out, units: 4, epochs: 1 }));
    // The audio member trains, then the data turn out to lack video: an argument error (exit 2).
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^hirenet train: .* has no video features/);
    expect((await readdir(dir)).filter((n) => n.includes('fusion'))).toEqual([]);
  });
});

describe('CLI and the asset manifest', () => {
  it(
    'eval checks a model directory against its manifest.json: a changed shard is asset-integrity, one ' + 'line',
    async () => {
      const model = join(dir, 'demo-copy');
      await cp(join(root, 'models/hirenet-demo'), model, { recursive: true });
      const ok = await hirenet('eval', '--data', join(dir, 'both'), '--model', model, '--json');
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stderr).not.toMatch(/asset-|manifest/);
      const shard = join(model, 'audio/group1-shard1of1.bin');
      const bytes = await readFile(shard);
      bytes[8] = (bytes[8]! + 1) & 0xff;
      await writeFile(shard, bytes);
      const r = await hirenet('eval', '--data', join(dir, 'both'), '--model', model, '--json');
      expect(r.code).toBe(1);
      oneLine(
        r,
        /audio\/group1-shard1of1\.bin: 100228 bytes, sha256 [0-9a-f]{64}; .*manifest\.json records 100228 bytes/,
      );
    },
  );
});
