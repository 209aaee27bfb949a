/**
 * `npm run bench -- --only node-webgpu`: runs bench/gpu/entry.ts (tfjs-backend-webgpu over Dawn
 * beside wasm, in one child process) and keeps its JSON. A child process because the Vulkan
 * loader reads its driver list from the environment, and so that the bench's own process keeps
 * its tfjs backends as they were.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NodeWebgpuResult } from '../gpu/types.ts';

const entry = fileURLToPath(new URL('../gpu/entry.ts', import.meta.url));
/** Debian's chromium ships SwiftShader's Vulkan driver (a CPU renderer) and its own Vulkan loader. */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/**
 * The environment for a Dawn process: the caller's Vulkan driver if it names one, else
 * SwiftShader from Chromium; null when there is neither (Dawn would find no adapter).
 */
export function dawnEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv | null {
  if ((base['VK_ICD_FILENAMES'] ?? base['VK_DRIVER_FILES'] ?? '') !== '') return { ...base };
  if (!existsSync(SWIFTSHADER_ICD)) return null;
  const lib = '/usr/lib/chromium';
  const ld = base['LD_LIBRARY_PATH'];
  return { ...base, VK_ICD_FILENAMES: SWIFTSHADER_ICD, LD_LIBRARY_PATH: ld ? `${lib}:${ld}` : lib };
}

export interface NodeWebgpuPlan {
  readonly runs: number;
  readonly sweep: readonly number[];
  readonly memoryScorings: number;
  /** Only the correctness check on the shipped models (the node test). */
  readonly checkOnly?: boolean;
}

/** Runs the entry in a child process; resolves its result, or an error with the reason. */
export async function benchNodeWebgpu(
  plan: NodeWebgpuPlan,
  timeoutMs = 600_000,
): Promise<NodeWebgpuResult | { error: string }> {
  const env = dawnEnv();
  if (env === null)
    return { error: `no Vulkan driver for Dawn: VK_ICD_FILENAMES is unset and ${SWIFTSHADER_ICD} is absent` };
  const dir = mkdtempSync(join(tmpdir(), 'hirenet-node-webgpu-'));
  const out = join(dir, 'result.json');
  const args = ['--conditions=source', '--import', 'tsx', entry, '--out', out];
  args.push('--runs', String(plan.runs), '--sweep', plan.sweep.join(','), '--memory', String(plan.memoryScorings));
  if (plan.checkOnly === true) args.push('--check-only');
  try {
    const stderr = await new Promise<string>((resolve) => {
      execFile(process.execPath, args, { env, timeout: timeoutMs, maxBuffer: 4 << 20 }, (err, _stdout, errText) =>
        // Exit code 3 = the correctness check failed: the JSON says how, so it is still read.
        resolve(err !== null && err.code !== 3 ? `${err.message.split('\n')[0] ?? ''}\n${errText}` : ''),
      );
    });
    if (!existsSync(out)) return { error: `no result: ${stderr.replace(/\s+/g, ' ').slice(-600)}` };
    return JSON.parse(readFileSync(out, 'utf8')) as NodeWebgpuResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
