import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnalyzeArgs } from '../../packages/cli/src/analyze.ts';

const dir = mkdtempSync(join(tmpdir(), 'hirenet-analyze-args-'));
const file = (name: string, text = 'x'): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const base = ['--job', 'Engineer', '--question', 'Q1', '--question', 'Q2', '--model', 'models/hirenet-demo'];

describe('hirenet analyze --transcript', () => {
  it('takes one transcript per answer, in order, and fewer than the answers', () => {
    const [a, b, t] = [file('a.wav'), file('b.wav'), file('a.vtt', 'WEBVTT\n')];
    const o = parseAnalyzeArgs([...base, a, b, '--transcript', t]);
    expect(o.transcripts).toEqual([t]);
    expect(parseAnalyzeArgs([...base, a, b]).transcripts).toEqual([]);
  });

  it('refuses more transcripts than questions and a missing file, as usage errors', () => {
    const [a, b, t] = [file('a.wav'), file('b.wav'), file('t.txt')];
    const three = ['--transcript', t, '--transcript', t, '--transcript', t];
    expect(() => parseAnalyzeArgs([...base, a, b, ...three])).toThrow(/3 transcripts for 2 question/);
    expect(() => parseAnalyzeArgs([...base, a, b, '--transcript', join(dir, 'none.vtt')])).toThrow(/no such file/);
  });
});
