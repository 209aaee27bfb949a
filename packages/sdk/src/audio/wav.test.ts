import { describe, expect, it } from 'vitest';
import { AudioInputError } from './errors.ts';
import { decodeWavFrames, looksLikeWav, parseWavHeader } from './wav.ts';
import { encodeWav, sine } from './testing/synth.ts';

describe('WAVE parsing', () => {
  const x = sine(100, 440, 8000, 0.5);
  for (const [format, tol] of [
    ['pcm8', 0.01],
    ['pcm16', 1e-4],
    ['pcm24', 1e-6],
    ['pcm32', 1e-8],
    ['float32', 1e-7],
  ] as const) {
    it(`decodes ${format} mono`, () => {
      const bytes = encodeWav([x], 8000, format);
      const fmt = parseWavHeader(bytes);
      expect(fmt.sampleRate).toBe(8000);
      const y = decodeWavFrames(bytes.subarray(fmt.dataOffset), fmt);
      expect(y.length).toBe(100);
      y.forEach((v, i) => expect(Math.abs(v - x[i]!)).toBeLessThan(tol));
    });
  }

  it('averages stereo channels', () => {
    const bytes = encodeWav([x, new Float32Array(100)], 44100, 'float32');
    const fmt = parseWavHeader(bytes);
    expect(fmt.channels).toBe(2);
    const y = decodeWavFrames(bytes.subarray(fmt.dataOffset), fmt);
    y.forEach((v, i) => expect(v).toBeCloseTo(x[i]! / 2, 6));
  });

  it('skips unknown chunks (LIST) and odd-size padding before data', () => {
    const plain = encodeWav([x], 16000);
    const extra = new Uint8Array([...'LIST'].map((c) => c.charCodeAt(0)).concat([3, 0, 0, 0, 1, 2, 3, 0]));
    const bytes = new Uint8Array(plain.length + extra.length);
    bytes.set(plain.subarray(0, 36));
    bytes.set(extra, 36);
    bytes.set(plain.subarray(36), 36 + extra.length);
    const fmt = parseWavHeader(bytes);
    expect(fmt.dataOffset).toBe(44 + extra.length);
    expect(fmt.dataLength).toBe(200);
  });

  it('treats a 0 or 0xFFFFFFFF data size as "until end of file" (streaming recorders)', () => {
    const bytes = encodeWav([x], 16000);
    new DataView(bytes.buffer).setUint32(40, 0xffffffff, true);
    expect(parseWavHeader(bytes).dataLength).toBeUndefined();
  });

  it('throws typed errors for non-audio, compressed and truncated input', () => {
    const text = new TextEncoder().encode('hello, this is not a wav file at all');
    expect(looksLikeWav(text)).toBe(false);
    expect(() => parseWavHeader(text)).toThrow(AudioInputError);
    try {
      parseWavHeader(text);
    } catch (e) {
      expect((e as AudioInputError).code).toBe('not-audio');
    }
    const adpcm = encodeWav([x], 16000);
    new DataView(adpcm.buffer).setUint16(20, 2, true);
    expect(() => parseWavHeader(adpcm)).toThrow(expect.objectContaining({ code: 'unsupported-format' }));
    expect(() => parseWavHeader(encodeWav([x], 16000).subarray(0, 30))).toThrow(
      expect.objectContaining({ code: 'truncated' }),
    );
  });
});
