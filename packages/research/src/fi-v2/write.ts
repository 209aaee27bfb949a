/**
 * Writes the FI V2 text datasets to a directory outside the project (never commit them):
 *   node --conditions=source --import tsx packages/research/src/fi-v2/write.ts OUT [TRAIN_LIMIT] [SEED]
 * SOURCE defaults to ../shared/data/fi-v2/fi_interview.jsonl beside the checkout (FI_V2 overrides).
 */
import { fileURLToPath } from 'node:url';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { writeFiSets } from './dataset.ts';

const source =
  process.env['FI_V2'] ??
  fileURLToPath(new URL('../../../../../shared/data/fi-v2/fi_interview.jsonl', import.meta.url));
const [out, limit, seed] = process.argv.slice(2);
if (out === undefined) throw new HireNetError('usage', 'usage: write.ts OUT [TRAIN_LIMIT] [SEED]');
const sets = await writeFiSets(source, out, limit === undefined ? undefined : Number(limit), Number(seed ?? 1));
process.stdout.write(`${JSON.stringify(sets)}\n`);
