/**
 * Whether the GPU backends would run on a software renderer here. On SwiftShader (Chromium
 * without a GPU) the webgl and webgpu first calls take 3–4.5 s each and then lose to wasm by
 * ~100× (bench/RESULTS.md), so `backend: 'auto'` does not time them at all: a cheap look at the
 * adapter / renderer string decides before any tfjs backend is initialised (issue 15).
 */
import type { BackendName } from './backends.ts';

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render|microsoft basic/i;

export interface GpuAdapterLike {
  readonly isFallbackAdapter?: boolean;
  readonly info?: {
    readonly isFallbackAdapter?: boolean;
    readonly vendor?: string;
    readonly architecture?: string;
    readonly description?: string;
  };
}

/** A WebGPU adapter that is a CPU renderer (a fallback adapter, SwiftShader, Mesa's lavapipe…). */
export function isSoftwareAdapter(adapter: GpuAdapterLike): boolean {
  const info = adapter.info;
  if (adapter.isFallbackAdapter === true || info?.isFallbackAdapter === true) return true;
  return SOFTWARE_RENDERER.test(`${info?.vendor ?? ''} ${info?.architecture ?? ''} ${info?.description ?? ''}`);
}

async function webgpuIsSoftware(): Promise<boolean> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } } | undefined)?.gpu;
  if (gpu === undefined) return true;
  const adapter = await gpu.requestAdapter().catch(() => null);
  return adapter === null || isSoftwareAdapter(adapter);
}

function webglIsSoftware(): boolean {
  const canvas =
    typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1) : globalThis.document?.createElement('canvas');
  const gl = canvas?.getContext('webgl2') as WebGL2RenderingContext | null | undefined;
  if (gl === null || gl === undefined) return true;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(ext === null ? gl.RENDERER : ext.UNMASKED_RENDERER_WEBGL));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return SOFTWARE_RENDERER.test(renderer);
}

/** The GPU backends that would run in software here (or not at all); empty outside a browser. */
export async function softwareGpuBackends(): Promise<Set<BackendName>> {
  const out = new Set<BackendName>();
  if (typeof globalThis.navigator === 'undefined' || typeof globalThis.document === 'undefined') return out;
  if (webglIsSoftware()) out.add('webgl');
  if (await webgpuIsSoftware()) out.add('webgpu');
  return out;
}
