import { argv, env, exit, stderr } from 'node:process';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { checkFlags } from './flag-rules.ts';

type Command = (args: string[]) => Promise<number>;

// Sub-commands are loaded lazily so `hirenet features audio` does not pay for tfjs start-up.
const commands: Record<string, () => Promise<Command>> = {
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

async function main(): Promise<number> {
  const load = name === undefined ? undefined : commands[name];
  if (load === undefined) {
    stderr.write(`usage: hirenet <${Object.keys(commands).join('|')}> [options]\n`);
    return name === undefined || name === '--help' ? 0 : 2;
  }
  checkFlags(name!, rest);
  return (await load())(rest);
}

process.on('uncaughtException', fail);
main().then((code) => exit(code), fail);
