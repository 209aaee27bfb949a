import { writeFile } from 'node:fs/promises';
import { stderr } from 'node:process';
import { initBackendNode } from '@hirenet/research/internal/node-backend';
import { buildReference } from '@hirenet/sdk/internal/model/reference';
import { intFlag, parseCommandArgs } from './args.ts';
import { usageText } from './usage.ts';

/** `hirenet reference --seed N --out FILE [--backend cpu|wasm]`: the checkable forward pass. */
export async function runReference(args: string[]): Promise<number> {
  const { flags } = parseCommandArgs('reference', args);
  const seed = intFlag(flags, 'seed');
  const out = flags.get('out');
  if (out === undefined) {
    stderr.write(usageText('reference'));
    return 2;
  }
  await initBackendNode(flags.get('backend') ?? 'cpu');
  const reference = await buildReference(seed);
  await writeFile(out, JSON.stringify(reference));
  stderr.write(`wrote ${reference.interviews.length} interviews (seed ${seed}) to ${out}\n`);
  return 0;
}
