import { describe, expect, it } from 'vitest';
import { resolveOptions, validateInterviewSpec } from './options.ts';

describe('HireNet options', () => {
  it('derives every asset URL from assetsBaseUrl, absolute against the page', () => {
    const o = resolveOptions({ assetsBaseUrl: '/hirenet' }, 'https://example.test/jobs/embed.html');
    expect(o.modelUrl).toBe('https://example.test/hirenet/model/');
    expect(o.vocabUrl).toBe('https://example.test/hirenet/vocab/');
    expect(o.wasmPaths).toBe('https://example.test/hirenet/tfjs/');
    expect(o.faceModelUrl).toBe('https://example.test/hirenet/face_landmarker.task');
    expect(o.audioWorkletUrl).toBe('https://example.test/hirenet/capture-worklet.js');
    expect(o.modalities).toEqual(['audio', 'video']);
    expect(o.backend).toBe('auto');
    expect(o.persist).toBe(true);
  });

  it('audio-only turns the face model off', () => {
    expect(resolveOptions({ assetsBaseUrl: '/a/', modalities: ['audio'] }).faceModelUrl).toBeNull();
  });

  it('rejects bad options with a typed error', () => {
    expect(() => resolveOptions({ assetsBaseUrl: '' })).toThrow(expect.objectContaining({ code: 'invalid-options' }));
    expect(() => resolveOptions({ assetsBaseUrl: '/a/', backend: 'gpu' as never })).toThrow(/backend must be/);
    expect(() => resolveOptions({ assetsBaseUrl: '/a/', modalities: [] })).toThrow(/modalities/);
    expect(() => resolveOptions({ assetsBaseUrl: '/a/', modalities: ['audio', 'audio'] })).toThrow(/modalities/);
    expect(() => validateInterviewSpec({ jobTitle: 'x', questions: [] })).toThrow(/questions/);
    expect(() => validateInterviewSpec({ jobTitle: 'x', questions: ['ok', ' '] })).toThrow(/questions\[1\]/);
  });
});
