// `hirenet <command> --help` through the real bin: the command's usage on stdout, exit 0, before any
// flag is checked or byte written; `hirenet --help` lists every command; the bad-argument paths print
// the same synopsis; every flag a command's source reads is named in its usage.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLAG_RULES } from '../../packages/cli/src/flag-rules.ts';
import {
  COMMANDS,
  FEATURE_MODALITIES,
  helpText,
  type UsageTopic,
  usageLine,
  usageText,
} from '../../packages/cli/src/usage.ts';
import { workArgs as workArgsIn } from './cli-work-args.ts';
import { hirenet } from './run-cli.ts';

const src = join(import.meta.dirname, '..', '..', 'packages', 'cli', 'src');
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hirenet-help-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const workArgs = (topic: UsageTopic): string[] => workArgsIn(dir, topic);

const topics: UsageTopic[] = [
  ...(Object.keys(COMMANDS) as (keyof typeof COMMANDS)[]),
  ...(Object.keys(FEATURE_MODALITIES) as (keyof typeof FEATURE_MODALITIES)[]).map((m) => `features ${m}` as const),
];
const words = (topic: UsageTopic): string[] => topic.split(' ');

describe('hirenet <command> --help', () => {
  it.each(topics)('%s --help: its usage on stdout, exit 0, nothing written', async (topic) => {
    const [command, ...sub] = words(topic);
    // --help last, after flags that would otherwise start the work (or fail its checks: --epochs 0).
    const args = topic === 'features' ? workArgs(topic) : [...sub, ...workArgs(topic)];
    const r = await hirenet(command!, ...args, '--help');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(helpText(topic === 'features' ? 'features audio' : topic));
    expect(r.stdout.startsWith(`usage: hirenet ${topic === 'features' ? 'features audio' : topic}`)).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    [['train', '-h', '--batch-size', '0'], 'train'],
    [['help', 'simulate'], 'simulate'],
    [['help', 'features', 'video'], 'features video'],
    [['features', '-h'], 'features'],
    [['features', 'video', '-h'], 'features video'],
  ] as const)('hirenet %j prints the usage of %s', async (args, topic) => {
    const r = await hirenet(...args);
    expect(r).toEqual({ code: 0, stdout: helpText(topic), stderr: '' });
  });

  it.each([[['--help']], [['-h']], [['help']], [[]]])(
    'hirenet %j lists every command with a line each',
    async (args) => {
      const r = await hirenet(...args);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      for (const [name, { summary }] of Object.entries(COMMANDS))
        expect(r.stdout).toMatch(new RegExp(`^ {2}${name} +${summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    },
  );

  it.each([[['nope']], [['help', 'nope']], [['nope', '--help']]])(
    'an unknown command (%j): usage on stderr, exit 2',
    async (args) => {
      const r = await hirenet(...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^hirenet: no command "nope"\nusage: hirenet <command> \[options\]\n/);
    },
  );
});

describe('the bad-argument paths print the same synopsis', () => {
  it.each([
    [['train'], 'train'],
    [['eval'], 'eval'],
    [['predict'], 'predict'],
    [['ablate'], 'ablate'],
    [['audit'], 'audit'],
    [['simulate'], 'simulate'],
    [['reference', '--seed', '1'], 'reference'],
    [['features', 'nope'], 'features'],
    [['features', 'audio'], 'features audio'],
  ] as const)('hirenet %j', async (args, topic) => {
    const r = await hirenet(...args);
    expect(r).toEqual({ code: 2, stdout: '', stderr: usageText(topic) });
  });

  it.each([
    [['analyze'], 'analyze', 'analyze'],
    [['features', 'video'], 'features', 'features video'],
    [['assets', 'extra'], 'assets', 'assets'],
  ] as const)('hirenet %j: one line with the synopsis', async (args, name, topic) => {
    const r = await hirenet(...args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.startsWith(`hirenet ${name}: `)).toBe(true);
    expect(r.stderr).toContain(usageLine(topic));
  });
});

/** The source file behind each topic (manifest has no usage path of its own; its flags are still named). */
const SOURCES: Record<UsageTopic, string[]> = {
  analyze: ['analyze.ts'],
  assets: ['assets.ts'],
  manifest: ['manifest.ts'],
  features: ['features.ts'],
  'features audio': ['audio-features.ts'],
  'features video': ['features-video.ts'],
  simulate: ['simulate.ts'],
  train: ['train.ts'],
  eval: ['evaluate.ts'],
  predict: ['predict.ts'],
  ablate: ['ablate.ts'],
  audit: ['audit.ts'],
  reference: ['reference.ts'],
};

/** Flag names a command's source reads: `flags.get('x')`, `lists.get('x')`, `intFlag(flags, 'x', …)`, `'--x'`. */
async function flagsRead(files: readonly string[]): Promise<Set<string>> {
  const names = new Set<string>();
  for (const f of files) {
    const text = await readFile(join(src, f), 'utf8');
    for (const m of text.matchAll(
      /(?:flags|lists)\.(?:get|has)\('([a-z][a-z-]*)'\)|\w+\(flags, '([a-z][a-z-]*)'|'--([a-z][a-z-]*)'/g,
    ))
      names.add((m[1] ?? m[2] ?? m[3])!);
  }
  return names;
}

describe('usage names every flag the code reads', () => {
  it.each(topics)('%s', async (topic) => {
    const read = await flagsRead(SOURCES[topic]);
    // flag-rules.ts bounds `features` flags (--fps) for the video modality.
    const ruleKey = topic === 'features video' ? 'features' : topic === 'features' ? '' : topic;
    const ruled = Object.keys(FLAG_RULES[ruleKey] ?? {});
    const text = helpText(topic);
    const missing = [...read, ...ruled].filter((name) => !new RegExp(`--${name}\\b(?!-)`).test(text));
    expect(missing).toEqual([]);
  });

  it('the scan finds the flags it is meant to (train reads --vocab, analyze --transcript)', async () => {
    expect(await flagsRead(['train.ts'])).toContain('vocab');
    expect(await flagsRead(['analyze.ts'])).toContain('transcript');
  });
});
