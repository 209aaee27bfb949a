/**
 * `npm run bench:gpu-merge -- FILE`: puts the GPU kit's node-webgpu.json (the device call's $OUT file, see
 * bench/gpu/README.md) into bench/results.json as `nodeWebgpuDevice` and re-renders bench/RESULTS.md.
 * Every later bench run keeps it (bench/lib/merge.ts) until a new device run is merged.
 * `--results PATH` merges into another results.json (RESULTS.md written beside it), e.g. a copy to try it on.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderReport } from '../lib/report.ts';
import type { BenchResults } from '../lib/types.ts';
import type { NodeWebgpuResult } from './types.ts';

const file = process.argv[2];
if (file === undefined || !existsSync(file)) throw new Error('usage: npm run bench:gpu-merge -- node-webgpu.json');
const r = JSON.parse(readFileSync(file, 'utf8')) as NodeWebgpuResult;
if (r.bench !== 'hirenet-node-webgpu' || r.adapter === undefined || !Array.isArray(r.runs))
  throw new Error(`${file} is not a node-webgpu result (bench/gpu/entry.ts writes one)`);
if (r.adapter.software)
  process.stderr.write(`warning: ${file} ran on a software adapter (${r.adapter.architecture}), not a GPU\n`);
const here = (rel: string): string => fileURLToPath(new URL(rel, import.meta.url));
const at = process.argv.indexOf('--results');
const resultsPath = at >= 0 ? (process.argv[at + 1] ?? '') : here('../results.json');
const results = JSON.parse(readFileSync(resultsPath, 'utf8')) as BenchResults;
const beforePath = here('../before.json');
const before = existsSync(beforePath) ? (JSON.parse(readFileSync(beforePath, 'utf8')) as BenchResults) : null;
const merged: BenchResults = { ...results, nodeWebgpuDevice: r };
writeFileSync(resultsPath, `${JSON.stringify(merged, null, 2)}\n`);
writeFileSync(join(dirname(resultsPath), 'RESULTS.md'), renderReport(merged, before));
process.stderr.write(
  `merged ${r.where} (adapter ${r.adapter.vendor} / ${r.adapter.architecture}, ${r.runs.length} runs, ` +
    `started ${r.startedAt}) into ${resultsPath} and the RESULTS.md beside it\n`,
);
