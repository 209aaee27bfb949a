import { HireNetError } from '../util/errors.ts';
import { describe, expect, it } from 'vitest';
import { FACE_LANDMARKER_SHA256, frameTimes, resolveFaceOptions } from './options.ts';

const base = { wasmLoaderUrl: '/mp/loader.js', wasmBinaryUrl: '/mp/loader.wasm', modelUrl: 'models/face.task' };

describe('resolveFaceOptions', () => {
  it('fills the documented defaults and makes URLs absolute against the page', () => {
    const o = resolveFaceOptions(base, 'http://127.0.0.1:8080/app/index.html');
    expect(o).toMatchObject({
      delegate: 'CPU',
      fps: 15,
      maxRestarts: 2,
      maxInputSide: 480,
      modelSha256: FACE_LANDMARKER_SHA256,
    });
    expect(o.modelUrl).toBe('http://127.0.0.1:8080/app/models/face.task');
    expect(o.wasmLoaderUrl).toBe('http://127.0.0.1:8080/mp/loader.js');
    expect(o.fileWorkers).toBeGreaterThanOrEqual(1);
  });

  it('accepts null to skip the model check and rejects malformed values', () => {
    expect(resolveFaceOptions({ ...base, modelSha256: null }).modelSha256).toBeNull();
    expect(() => resolveFaceOptions({ ...base, modelSha256: 'abc' })).toThrow(HireNetError);
    expect(() => resolveFaceOptions({ ...base, fps: 0 })).toThrow(HireNetError);
    expect(() => resolveFaceOptions({ ...base, modelUrl: '' })).toThrow(HireNetError);
  });
});

describe('frameTimes', () => {
  it('samples k / fps over [0, duration)', () => {
    expect(frameTimes(0.3, 10)).toEqual([0, 0.1, 0.2]);
    expect(frameTimes(4.88, 15)).toHaveLength(74);
    expect(frameTimes(5, 15)).toHaveLength(75);
    expect(frameTimes(0, 15)).toEqual([]);
  });
});
