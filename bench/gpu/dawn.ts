/**
 * WebGPU in Node through Dawn's Node binding (npm `webgpu`, dawn-gpu/node-webgpu): installs the
 * WebGPU globals and `navigator.gpu` the way tfjs-backend-webgpu expects them in a browser, and
 * reads the adapter it will get. In the GPU kit (no node_modules there) HIRENET_DAWN_NODE names
 * the dawn.node file itself.
 */
import { createRequire } from 'node:module';
import { isSoftwareAdapter } from '../../packages/sdk/src/backend/software.ts';

/** The adapter as far as used here (structural: the @webgpu/types tfjs pins predates `info`). */
interface AdapterLike {
  readonly info: { vendor: string; architecture: string; device: string; description: string };
  readonly isFallbackAdapter?: boolean;
  readonly limits: { readonly maxComputeInvocationsPerWorkgroup: number };
}

/** What Dawn's binding exports (webgpu's index.js re-exports the same two names). */
interface DawnModule {
  create(flags: string[]): { requestAdapter(): Promise<AdapterLike | null> };
  globals: Record<string, unknown>;
}

/** The adapter tfjs will request (same default options), as recorded in results. */
export interface AdapterReport {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  readonly isFallbackAdapter: boolean | null;
  /** SwiftShader or another CPU renderer: timings then say nothing about a GPU. */
  readonly software: boolean;
  readonly maxComputeInvocationsPerWorkgroup: number;
  /** Dawn flags passed to create() (HIRENET_DAWN_FLAGS, comma-separated). */
  readonly dawnFlags: readonly string[];
  /** The binding, e.g. 'webgpu@0.6.2' (the kit passes HIRENET_DAWN_VERSION). */
  readonly binding: string;
}

async function loadDawn(): Promise<{ dawn: DawnModule; binding: string }> {
  const require = createRequire(import.meta.url);
  const path = process.env['HIRENET_DAWN_NODE'];
  if (path !== undefined && path !== '')
    return { dawn: require(path) as DawnModule, binding: process.env['HIRENET_DAWN_VERSION'] ?? 'dawn.node' };
  // A variable specifier keeps esbuild from bundling the package (the kit sets HIRENET_DAWN_NODE).
  const name = 'webgpu';
  const { version } = require(`${name}/package.json`) as { version: string };
  return { dawn: (await import(name)) as DawnModule, binding: `${name}@${version}` };
}

/**
 * Makes WebGPU available to tfjs in this process and returns the adapter's description.
 * @throws Error with the reason when Dawn loads but no adapter is found (no Vulkan driver).
 */
export async function installWebgpu(): Promise<AdapterReport> {
  const { dawn, binding } = await loadDawn();
  Object.assign(globalThis, dawn.globals);
  const flags = (process.env['HIRENET_DAWN_FLAGS'] ?? '').split(',').filter((f) => f !== '');
  const gpu = dawn.create(flags);
  // Node 20 has no global navigator; Node ≥ 21 has one whose `gpu` is absent.
  const nav = (globalThis as { navigator?: object }).navigator;
  if (nav === undefined) Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true });
  else Object.defineProperty(nav, 'gpu', { value: gpu, configurable: true });
  const adapter = await gpu.requestAdapter();
  if (adapter === null)
    throw new Error(
      'Dawn found no WebGPU adapter: no Vulkan driver (set VK_ICD_FILENAMES to an ICD json, e.g. ' +
        "Chromium's /usr/lib/chromium/vk_swiftshader_icd.json, or the NVIDIA one on a GPU machine)",
    );
  const info = adapter.info as AdapterLike['info'] & { isFallbackAdapter?: boolean };
  const legacy = adapter.isFallbackAdapter;
  return {
    vendor: info.vendor,
    architecture: info.architecture,
    device: info.device,
    description: info.description,
    isFallbackAdapter: info.isFallbackAdapter ?? legacy ?? null,
    // The SDK's own test, which keeps `backend: 'auto'` off such adapters.
    software: isSoftwareAdapter(adapter),
    maxComputeInvocationsPerWorkgroup: adapter.limits.maxComputeInvocationsPerWorkgroup,
    dawnFlags: flags,
    binding,
  };
}
