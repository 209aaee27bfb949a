import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runSimulate } from './simulate.ts';
import { DATASET_FORMAT } from '@hirenet/sdk/internal/dataset/format';
import { resolveSimConfig } from '@hirenet/research/internal/sim/config';
import { writeInterviewLines, writeSimDataset } from '@hirenet/research/internal/sim/writer';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'siminterview-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('SimInterview writer', () => {
  it('streams: never more than one interview ahead of a slow consumer', async () => {
    const config = resolveSimConfig({
      seed: 3,
      interviews: 40,
      answers: { min: 6, max: 6 },
      windows: { min: 240, max: 240 },
      modalities: ['audio'],
    });
    let maxBuffered = 0;
    let maxLine = 0;
    let received = 0;
    let produced = 0;
    let maxAhead = 0;
    const sink = new Writable({
      highWaterMark: 64 * 1024,
      write(chunk: Buffer, _enc, done) {
        maxLine = Math.max(maxLine, chunk.length);
        // A consumer slower than the generator: the writer must wait for it.
        setTimeout(() => {
          received++;
          done();
        }, 2);
      },
    });
    await writeInterviewLines(config, sink, (p) => {
      produced = p.written;
      maxAhead = Math.max(maxAhead, produced - received);
      maxBuffered = Math.max(maxBuffered, sink.writableLength);
    });
    await new Promise<void>((resolve) => sink.end(resolve));
    expect(received).toBe(40);
    expect(maxAhead).toBeLessThanOrEqual(1);
    expect(maxBuffered).toBeLessThanOrEqual(64 * 1024 + maxLine);
    // 6 answers × 240 windows of audio is a large line; the bound above is what keeps 5,000 of them bounded.
    expect(maxLine).toBeGreaterThan(200_000);
  });

  it('writes manifest.json and interviews.jsonl, and refuses to overwrite without force', async () => {
    const dir = await tempDir();
    const config = resolveSimConfig({ seed: 5, interviews: 12, windows: { min: 40, max: 60 } });
    const written = await writeSimDataset(dir, config);
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      format: DATASET_FORMAT,
      windowSeconds: 0.5,
      hopSeconds: 0.25,
      generator: { name: 'SimInterview', seed: 5 },
    });
    const lines = (await readFile(join(dir, 'interviews.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(12);
    expect((await stat(join(dir, 'interviews.jsonl'))).size).toBe(written.bytes);
    const first = JSON.parse(lines[0] ?? '{}') as { id: string; events: unknown[]; answers: unknown[] };
    expect(first.events.length).toBe(first.answers.length);
    await expect(writeSimDataset(dir, config)).rejects.toThrow(/exists/);
    await expect(writeSimDataset(dir, config, { overwrite: true })).resolves.toMatchObject({ interviews: 12 });
  });

  it('runs as `hirenet simulate`', async () => {
    const dir = await tempDir();
    const code = await runSimulate([
      '--out',
      dir,
      '--seed',
      '9',
      '--interviews',
      '5',
      '--modalities',
      'audio',
      '--label-noise',
      '0',
      '--windows',
      '40-50',
    ]);
    expect(code).toBe(0);
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
      modalities: Record<string, string[]>;
    };
    expect(Object.keys(manifest.modalities)).toEqual(['audio']);
    const lines = (await readFile(join(dir, 'interviews.jsonl'), 'utf8')).trimEnd().split('\n');
    for (const line of lines) {
      const iv = JSON.parse(line) as { label: number; cleanLabel: number; answers: Record<string, unknown>[] };
      expect(iv.label).toBe(iv.cleanLabel);
      expect(iv.answers.every((a) => !('video' in a))).toBe(true);
    }
    await expect(runSimulate(['--out', dir, '--interviews', '5', '--modalities', 'audio,smell'])).rejects.toThrow(
      /modalities/,
    );
  });
});
