import { describe, expect, it } from 'vitest';
import { isSoftwareAdapter } from './software.ts';

describe('isSoftwareAdapter', () => {
  it('a fallback adapter, by either flag, is software', () => {
    expect(isSoftwareAdapter({ isFallbackAdapter: true })).toBe(true);
    expect(isSoftwareAdapter({ info: { isFallbackAdapter: true, vendor: 'nvidia' } })).toBe(true);
  });

  it('CPU renderers by name are software: SwiftShader (Chromium, Dawn), lavapipe and llvmpipe (Mesa)', () => {
    // As Dawn in Node reported it on this machine (bench/results.json nodeWebgpu.adapter).
    expect(isSoftwareAdapter({ info: { vendor: 'google', architecture: 'swiftshader' } })).toBe(true);
    expect(isSoftwareAdapter({ info: { vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' } })).toBe(true);
    expect(isSoftwareAdapter({ info: { vendor: 'mesa', description: 'lavapipe' } })).toBe(true);
  });

  it('a hardware adapter is not', () => {
    const h100 = { vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H100 80GB HBM3' };
    expect(isSoftwareAdapter({ isFallbackAdapter: false, info: h100 })).toBe(false);
    expect(isSoftwareAdapter({ info: { vendor: 'intel', architecture: 'gen-12lp' } })).toBe(false);
  });
});
