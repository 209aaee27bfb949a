import { argv, env, exit, stderr, stdout } from 'node:process';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { isHelpFlag, parseCommandArgs } from './args.ts';
import { checkFlags } from './flag-rules.ts';
import {
  type CommandName,
  COMMANDS,
  commandList,
  FEATURE_MODALITIES,
  type FeatureModality,
  helpText,
  type UsageTopic,
} from './usage.ts';

type Command = (args: string[]) => Promise<number>;

// Sub-commands are loaded lazily so `hirenet features audio` does not pay for tfjs start-up.
// Typed by usage.ts's list, so a command without usage text (or usage text without a command) does not compile.
const commands: Record<CommandName, () => Promise<Command>> = {
  reference: async () => (await import('./reference.ts')).runReference,
  train: async () => (await import('./train.ts')).runTrain,
  eval: async () => (await import('./evaluate.ts')).runEval,
  predict: async () => (await import('./predict.ts')).runPredict,
  features: async () => (await import('./features.ts')).runFeatures,
  simulate: async () => (await import('./simulate.ts')).runSimulate,
  ablate: async () => (await import('./ablate.ts')).runAblate,
  audit: async () => (await import('./audit.ts')).runAudit,
  analyze: async () => (await import('./analyze.ts')).runAnalyze,
  manifest: async () => (await import('./manifest.ts')).runManifest,
  assets: async () => (await import('./assets.ts')).runAssets,
};

const [name, ...rest] = argv.slice(2);
/** Argument errors (exit 2): a malformed flag, or a simulate configuration out of range. */
const USAGE_CODES = new Set(['usage', 'invalid-config']);

/**
 * One line on stderr, never a stack or a source excerpt (HIRENET_DEBUG=1 adds the stack): bad
 * arguments exit 2, every other failure 1. Errors thrown from stream callbacks arrive here too.
 */
function fail(err: unknown): never {
  const message = err instanceof Error ? err.message : String(err);
  const line = err instanceof HireNetError ? message.replace(/\s*\n\s*/g, ' ') : (message.split('\n')[0] ?? '');
  stderr.write(`hirenet${name === undefined ? '' : ` ${name}`}: ${line}\n`);
  if (env['HIRENET_DEBUG'] === '1' && err instanceof Error) stderr.write(`${err.stack ?? ''}\n`);
  exit(err instanceof HireNetError && USAGE_CODES.has(err.code) ? 2 : 1);
}

const isCommand = (word: string | undefined): word is CommandName =>
  word !== undefined && Object.hasOwn(COMMANDS, word);

/**
 * `hirenet <command> … --help`, `hirenet help <command> …`: the command's usage on stdout, exit 0;
 * `features` takes its modality from the first other word (`hirenet features video --help`). An
 * unknown command: the command list on stderr, exit 2.
 */
function printHelp(words: readonly string[]): number {
  const [command, sub] = words.filter((w) => !isHelpFlag(w));
  if (command === undefined) {
    stdout.write(commandList());
    return 0;
  }
  if (!isCommand(command)) {
    stderr.write(`hirenet: no command ${JSON.stringify(command)}\n${commandList()}`);
    return 2;
  }
  const modality = command === 'features' && sub !== undefined && Object.hasOwn(FEATURE_MODALITIES, sub);
  stdout.write(helpText(modality ? `features ${sub as FeatureModality}` : command));
  return 0;
}

/** The usage whose flags `rest` must keep to: the command's, or for `features` its modality's. */
function flagTopic(command: CommandName): [UsageTopic, string[]] | undefined {
  if (command !== 'features') return [command, rest];
  const [modality, ...args] = rest;
  // No modality or an unknown one: features.ts answers with its own usage.
  if (modality === undefined || !Object.hasOwn(FEATURE_MODALITIES, modality)) return undefined;
  return [`features ${modality as FeatureModality}`, args];
}

async function main(): Promise<number> {
  // Help is answered before any flag is checked or module loaded: no tfjs start-up, nothing written.
  if (name === undefined || name === 'help' || isHelpFlag(name)) return printHelp(rest);
  if (!isCommand(name)) return printHelp([name]); // the command list on stderr, exit 2
  if (rest.some(isHelpFlag)) return printHelp([name, ...rest]);
  // Unknown, repeated and valueless flags, then the values' bounds, all before the module loads.
  const topic = flagTopic(name);
  if (topic !== undefined) parseCommandArgs(...topic);
  checkFlags(name, rest);
  return (await commands[name]())(rest);
}

process.on('uncaughtException', fail);
main().then((code) => exit(code), fail);
