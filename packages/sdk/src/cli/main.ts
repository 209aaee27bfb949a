import { argv, exit, stderr } from 'node:process';

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
};

async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  const load = name === undefined ? undefined : commands[name];
  if (load === undefined) {
    stderr.write(`usage: hirenet <${Object.keys(commands).join('|')}> [options]\n`);
    return name === undefined || name === '--help' ? 0 : 2;
  }
  return (await load())(rest);
}

main(argv.slice(2)).then(
  (code) => exit(code),
  (err: unknown) => {
    stderr.write(`hirenet: ${err instanceof Error ? err.message : String(err)}\n`);
    exit(1);
  },
);
