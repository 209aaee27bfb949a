/**
 * Assembles packages/sdk/src/model/kernels/*.wat into committed TypeScript modules holding the
 * binary as base64, so the SDK needs no toolchain and fetches nothing at run time. wabt (a
 * devDependency) is only needed here and in the test that checks the committed bytes are current.
 *   node --conditions=source --import tsx scripts/build-kernels.ts          # rewrite the .ts modules
 *   node --conditions=source --import tsx scripts/build-kernels.ts --check  # exit 1 if any is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { argv, exit } from 'node:process';
import { fileURLToPath } from 'node:url';
import { assembleWat, kernelModuleSource } from './kernels-lib.ts';

const dir = fileURLToPath(new URL('../packages/sdk/src/model/kernels/', import.meta.url));
const KERNELS = [{ wat: 'gru-scan.wat', out: 'gru-scan-bytes.ts', name: 'GRU_SCAN_WASM' }];

let stale = 0;
for (const k of KERNELS) {
  const bytes = await assembleWat(readFileSync(dir + k.wat, 'utf8'), k.wat);
  const source = kernelModuleSource(k.name, k.wat, bytes);
  let current = '';
  try {
    current = readFileSync(dir + k.out, 'utf8');
  } catch {
    // missing: stale
  }
  if (current === source) continue;
  stale++;
  if (argv.includes('--check'))
    console.error(`${k.out} is stale: run node --conditions=source --import tsx scripts/build-kernels.ts`);
  else {
    writeFileSync(dir + k.out, source);
    console.log(`${k.out}: ${bytes.length} bytes`);
  }
}
if (argv.includes('--check') && stale > 0) exit(1);
