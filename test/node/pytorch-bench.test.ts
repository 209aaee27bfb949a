/**
 * The PyTorch port of the contract (bench/pytorch/hirenet_torch.py, "exact") reproduces a
 * `hirenet reference --seed 11` file: scores and attention within 1e-4. Needs a Python with
 * torch (HIRENET_TORCH_PYTHON or python3, see bench/pytorch/README.md); skipped without one (CI).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReference, EXACT_TOLERANCE, findTorchPython } from '../../bench/lib/pytorch.ts';
import { hirenet } from './run-cli.ts';

const found = await findTorchPython();
let dir = '';
afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

describe('PyTorch HireNet (bench/pytorch)', () => {
  it('the exact port reproduces hirenet reference --seed 11 within 1e-4', async (ctx) => {
    if ('skipped' in found) return ctx.skip(`PyTorch check skipped: ${found.skipped}`);
    dir = await mkdtemp(join(tmpdir(), 'hirenet-torch-'));
    const file = join(dir, 'r11.json');
    const r = await hirenet('reference', '--seed', '11', '--out', file);
    expect(r.code, r.stderr).toBe(0);
    const checks = await checkReference(found.python, file);
    const by = (name: string): number => checks.find((c) => c.check === name)?.maxAbsDiff ?? NaN;
    expect(checks.find((c) => c.check === 'exact')?.interviews).toBe(5);
    expect(by('exact')).toBeLessThan(EXACT_TOLERANCE);
    expect(by('exact-jit')).toBeLessThan(EXACT_TOLERANCE);
    // nn.GRU is reset-after: a different function, so it must differ…
    expect(by('idiomatic')).toBeGreaterThan(EXACT_TOLERANCE);
    // …but with the candidate recurrence zeroed both are the same function: the weights are in place.
    expect(by('idiomatic-layout')).toBeLessThan(EXACT_TOLERANCE);
  });
});
