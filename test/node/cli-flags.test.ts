// Unknown, misspelt and doubled flags through the real bin, for every command: exit 2, one line naming
// the flag (and the nearest known one), nothing written, and no command module loaded (so no tfjs
// start-up). In process: every flag usage.ts lists for a command is accepted by its parser with a
// plausible value, and its synopsis shows the same flags the same way (value, switch, repeatable).
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../packages/cli/src/args.ts';
import { checkFlags, checkValue, FLAG_RULES } from '../../packages/cli/src/flag-rules.ts';
import { nearest } from '../../packages/cli/src/suggest.ts';
import { COMMANDS, type FlagKind, type UsageTopic, usageOf } from '../../packages/cli/src/usage.ts';
import { workArgs as workArgsIn } from './cli-work-args.ts';
import { exists, hirenet } from './run-cli.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'packages', 'cli', 'bin', 'hirenet.js');
let dir = '';
let hooks = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hirenet-flags-'));
  hooks = await mkdtemp(join(tmpdir(), 'hirenet-flags-hooks-'));
  // A resolve hook that logs every module the CLI loads, to tell an argument check from a started command.
  await writeFile(
    join(hooks, 'trace.mjs'),
    "import { register } from 'node:module';\nregister('./trace-hook.mjs', import.meta.url);\n",
  );
  await writeFile(
    join(hooks, 'trace-hook.mjs'),
    [
      "import { appendFileSync } from 'node:fs';",
      'export async function resolve(specifier, context, next) {',
      '  const r = await next(specifier, context);',
      "  appendFileSync(process.env.HIRENET_TRACE, r.url + '\\n');",
      '  return r;',
      '}',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(hooks, { recursive: true, force: true });
});

/** The command topics with flags of their own (`features` only picks a modality). */
const topics: UsageTopic[] = [
  ...(Object.keys(COMMANDS) as (keyof typeof COMMANDS)[]).filter((c) => c !== 'features'),
  'features audio',
  'features video',
];

const workArgs = (topic: UsageTopic): string[] => workArgsIn(dir, topic);

/** `hirenet <topic> …` through the real bin with every module it resolves logged (a non-zero exit is returned). */
async function traced(
  topic: UsageTopic,
  ...args: string[]
): Promise<{ code: number; stderr: string; loaded: string[] }> {
  const trace = join(hooks, `trace-${Math.random().toString(36).slice(2)}`);
  const argv = ['--import', join(hooks, 'trace.mjs'), BIN, ...topic.split(' '), ...args];
  const r = await run(process.execPath, argv, { env: { ...process.env, HIRENET_TRACE: trace } }).then(
    (ok) => ({ code: 0, ...ok }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  const loaded = (await exists(trace)) ? (await readFile(trace, 'utf8')).trim().split('\n') : [];
  expect(r.stdout).toBe('');
  return { code: r.code, stderr: r.stderr, loaded };
}

/** Only the argument check ran: no command module, no tfjs. */
const ARG_MODULES =
  /\/packages\/(cli\/bin\/hirenet\.js|cli\/src\/(main|args|flag-rules|usage|suggest)\.ts|sdk\/src\/util\/errors\.ts)$/;
function checkedOnly(loaded: readonly string[]): void {
  expect(loaded.some((u) => u.endsWith('/cli/src/main.ts'))).toBe(true); // the trace works
  expect(loaded.filter((u) => u.includes('@tensorflow'))).toEqual([]);
  expect(loaded.filter((u) => u.includes('/packages/') && !ARG_MODULES.test(u))).toEqual([]);
}

/** One line on stderr naming the command, exit 2. */
function usageError(r: { code: number; stderr: string }, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^hirenet (\w+): /);
  expect(lines[0]).toMatch(pattern);
}

describe('a flag the command does not know is a usage error', () => {
  it.each(topics)('%s --no-such-flag: exit 2, the flag named, nothing written or loaded', async (topic) => {
    const started = performance.now();
    const r = await traced(topic, ...workArgs(topic), '--no-such-flag', '3');
    const ms = performance.now() - started;
    usageError(r, /unknown option --no-such-flag \(hirenet .+ --help lists its options\)$/);
    checkedOnly(r.loaded);
    expect(await readdir(dir)).toEqual([]);
    // Spawn, tsx and the check only (~0.2-0.5 s); a started command loads tfjs first (~1.3 s more).
    expect(ms).toBeLessThan(5000);
  });

  it('the trace sees a command that starts: train with its flags right loads train.ts and tfjs', async () => {
    const r = await traced('train', ...workArgs('train'));
    expect(r.code).toBe(1); // no dataset at `data`
    expect(r.loaded.some((u) => u.endsWith('/cli/src/train.ts'))).toBe(true);
    expect(r.loaded.some((u) => u.includes('@tensorflow'))).toBe(true);
  });

  // One near miss per command: a swap, a dropped or doubled letter, a plural, a prefix.
  it.each([
    ['train', '--epoch', 'epochs'],
    ['simulate', '--sede', 'seed'],
    ['eval', '--treshold', 'threshold'],
    ['predict', '--modle', 'model'],
    ['ablate', '--seed', 'seeds'],
    ['audit', '--alpa', 'alpha'],
    ['reference', '--outt', 'out'],
    ['manifest', '--vocabs', 'vocab'],
    ['assets', '--bundel', 'bundle'],
    ['analyze', '--questions', 'question'],
    ['features audio', '--sumary', 'summary'],
    ['features video', '--windows', 'windows-csv'],
  ] as const)('%s %s: did you mean --%s?', async (topic, typo, meant) => {
    const value = usageOf(topic).flags[meant] === 'switch' ? [] : ['1'];
    const r = await traced(topic, ...workArgs(topic), typo, ...value);
    usageError(r, new RegExp(`unknown option ${typo}; did you mean --${meant}\\?$`));
    checkedOnly(r.loaded);
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    [['train', '-epochs', '5'], /unknown option -epochs; did you mean --epochs\?$/],
    [['train', '--epochs=5'], /--epochs=5: give the value after a space \(--epochs 5\)$/],
    [['simulate', 'extra'], /unexpected argument "extra" usage: hirenet simulate --out DIR/],
    [['features', 'audio', 'a.wav', 'b.wav'], /unexpected argument "b.wav" usage: hirenet features audio FILE/],
    [['train', '--data', 'd', '--batch-size'], /--batch-size needs a value$/],
    [['features', '--fps', '5', 'video', 'a.webm'], /--fps before the modality usage: hirenet features <audio\|video>/],
    [['analyze', '--job', 'J', '--question', '--out', 'x'], /--question needs a value$/],
  ])('hirenet %j', async (args, pattern) => {
    const r = await hirenet(...args);
    usageError(r, pattern);
  });
});

describe('a one-value flag given twice is a usage error', () => {
  it.each(topics)('%s', async (topic) => {
    const args = workArgs(topic);
    // The first flag of the work arguments, again with another value.
    const flag = args.find((a) => a.startsWith('--') && usageOf(topic).flags[a.slice(2)] === 'value')!;
    const r = await traced(topic, ...args, flag, join(dir, 'other'));
    usageError(r, new RegExp(`^hirenet \\w+: ${flag} is given twice \\(.+\\); it takes one value$`));
    checkedOnly(r.loaded);
    expect(await readdir(dir)).toEqual([]);
  });
});

/** The flags a synopsis shows: `[--name VALUE]`, `[--switch]`, `[--name VALUE]…` or named twice (repeatable). */
function synopsisFlags(topic: UsageTopic): Map<string, { kind: FlagKind; example: string | undefined }> {
  const found = new Map<string, { kind: FlagKind; example: string | undefined }>();
  // A second form (ablate --merge) starts a line with `       hirenet`: a flag named in both is not repeatable.
  const forms = usageOf(topic)
    .synopsis.join('\n')
    .split(/\n(?= +hirenet )/);
  for (const form of forms) {
    const inForm = new Set<string>();
    for (const m of form.matchAll(/--([a-z][a-z-]*)(?: ([^\s[\]]+))?(\])?(…)?/g)) {
      const [, name, example, , ellipsis] = m as unknown as [string, string, string | undefined, string?, string?];
      const again = inForm.has(name);
      inForm.add(name);
      const kind: FlagKind = example === undefined ? 'switch' : ellipsis !== undefined || again ? 'repeat' : 'value';
      found.set(name, { kind, example: found.get(name)?.example ?? example });
    }
  }
  return found;
}

/** A value the flag's rule (flag-rules.ts) accepts, from its synopsis example where it can be. */
function plausible(topic: UsageTopic, name: string, example: string | undefined): string {
  const rule = FLAG_RULES[topic === 'features video' ? 'features' : topic]?.[name];
  const candidates = [example ?? 'x', (example ?? 'x').split('|')[0] ?? 'x', '1', '0.5', '0'];
  if (rule === undefined) return candidates[1]!;
  return candidates.find((v) => {
    try {
      checkValue(name, v, rule);
      return true;
    } catch {
      return false;
    }
  })!;
}

describe('usage.ts flags: one list for --help and the parser', () => {
  it.each([...topics, 'features'] as UsageTopic[])('%s: the synopsis shows exactly its flags, each its way', (t) => {
    const shown = Object.fromEntries([...synopsisFlags(t)].map(([n, { kind }]) => [n, kind]));
    expect(shown).toEqual(usageOf(t).flags);
  });

  it.each(topics)('%s: every flag parses with a plausible value and passes its rule', (topic) => {
    const words = topic === 'analyze' ? ['a.webm', 'b.webm'] : topic.startsWith('features ') ? ['a.wav'] : [];
    const args: string[] = [...words];
    const expected = new Map<string, string[]>();
    for (const [name, { kind, example }] of synopsisFlags(topic)) {
      const times = kind === 'repeat' ? 2 : 1;
      const values =
        kind === 'switch' ? ['true'] : Array.from({ length: times }, () => plausible(topic, name, example));
      for (const v of values) args.push(`--${name}`, ...(kind === 'switch' ? [] : [v]));
      expected.set(name, values);
    }
    const parsed = parseCommandArgs(topic, args);
    for (const [name, values] of expected) {
      const kind = usageOf(topic).flags[name];
      expect(kind === 'repeat' ? parsed.lists.get(name) : [parsed.flags.get(name)], name).toEqual(values);
    }
    expect(parsed.positional).toEqual(words);
    const [command, ...sub] = topic.split(' ');
    expect(() => checkFlags(command!, [...sub, ...args])).not.toThrow();
  });

  it('every bounded flag (flag-rules.ts) is one its command lists', () => {
    for (const [command, rules] of Object.entries(FLAG_RULES)) {
      const flags = usageOf(command === 'features' ? 'features video' : (command as UsageTopic)).flags;
      expect(Object.keys(rules).filter((n) => flags[n] !== 'value')).toEqual([]);
    }
  });

  it('a switch may be given twice; a repeatable flag keeps every value in order', () => {
    expect(parseCommandArgs('simulate', ['--force', '--force']).flags.get('force')).toBe('true');
    const analyze = parseCommandArgs('analyze', ['--question', 'Q1', 'a.webm', '--question', 'Q2', 'b.webm']);
    expect(analyze.lists.get('question')).toEqual(['Q1', 'Q2']);
    expect(analyze.positional).toEqual(['a.webm', 'b.webm']);
  });
});

describe('nearest flag', () => {
  it.each([
    ['epoch', ['epochs', 'seed'], ['epochs']],
    ['sede', ['seed', 'seeds'], ['seed']],
    ['modalities', ['modality', 'models'], ['modality']],
    ['x', ['lr', 'out'], []],
    ['completely-different', ['epochs', 'seed'], []],
    ['mode', ['model', 'models'], ['model']],
    ['modl', ['model', 'mode'], ['model', 'mode']],
  ] as const)('%s among %j: %j', (typed, known, want) => {
    expect(nearest(typed, known)).toEqual(want);
  });
});
