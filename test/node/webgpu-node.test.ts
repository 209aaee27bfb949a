// WebGPU in Node (tfjs-backend-webgpu over Dawn, npm `webgpu`, with the SDK's GRU WebGPU kernel) must give wasm's
// prediction on the shipped models: the audio model on the shared real recordings, the video model on seeded rows,
// every output number within WEBGPU_TOLERANCE, and no tensor left behind. Here and on CI the adapter is Chromium's
// SwiftShader Vulkan driver (Debian chromium, which .ci/run installs: under CI a missing driver fails, not skips).
import { describe, expect, it } from 'vitest';
import { WEBGPU_TOLERANCE } from '../../bench/gpu/correctness.ts';
import { benchNodeWebgpu, dawnEnv, SWIFTSHADER_ICD } from '../../bench/lib/node-webgpu.ts';
import { sharedMissing } from '../browser/harness/paths.ts';

const ci = process.env['CI'] === 'true';
const noDriver = dawnEnv() === null ? `no Vulkan driver for Dawn (${SWIFTSHADER_ICD} absent)` : undefined;
const noShared = sharedMissing('fixtures/audio/jfk.wav');
const missing = ci ? undefined : (noDriver ?? noShared);
if (missing) console.warn(`[webgpu-node] ${missing} — skipped`);

describe.skipIf(missing !== undefined)('WebGPU in Node over Dawn', () => {
  it('scores the shipped models as wasm does (both GRU kernel layouts), on real recordings, leaving no tensor', {
    timeout: 120_000,
  }, async () => {
    expect(noDriver, 'a Vulkan driver for Dawn').toBeUndefined();
    const r = await benchNodeWebgpu({ runs: 0, sweep: [], memoryScorings: 0, checkOnly: true }, 110_000);
    if ('error' in r) throw new Error(r.error);
    expect(r.adapter.vendor).not.toBe('');
    const c = r.correctness;
    if ('error' in c) throw new Error(c.error);
    // Both shipped models, through both layouts of the SDK's GRU WebGPU kernel (a GPU gets 'unit').
    expect(c.models.map((m) => `${m.model} ${m.layout}`)).toEqual([
      'hirenet-demo/audio row',
      'hirenet-demo/video row',
      'hirenet-demo/audio unit',
      'hirenet-demo/video unit',
    ]);
    // The audio model read the recordings' descriptor windows, not the seeded fallback.
    expect(c.models[0]?.input).toMatch(/^shared\/fixtures\/audio: jfk\.wav/);
    for (const m of c.models) {
      expect(m.values).toBeGreaterThan(100);
      expect(m.maxAbsDiff).toBeLessThanOrEqual(WEBGPU_TOLERANCE);
      expect(m.scores.webgpu[0]).toBeCloseTo(m.scores.wasm[0] ?? NaN, 4);
    }
    expect(c.tensorsAfter).toBe(c.tensorsBefore);
    expect(c.pass).toBe(true);
  });
});
