import { describe, expect, it } from 'vitest';
import { SampleRing } from './sample-ring.ts';

describe('SampleRing', () => {
  it('reads spans across the wrap, zeros before 0, unknown past the end until ended', () => {
    const r = new SampleRing(8);
    r.push(Float32Array.from({ length: 13 }, (_, i) => i + 1)); // holds samples 5..12 (values 6..13)
    expect(Array.from(r.read(6, new Float32Array(5)))).toEqual([7, 8, 9, 10, 11]);
    expect(Array.from(r.read(9, new Float32Array(4)))).toEqual([10, 11, 12, 13]);
    expect(Array.from(r.read(-2, new Float32Array(3)))).toEqual([0, 0, 0]);
    expect(r.at(2)).toBeUndefined(); // dropped
    expect(r.at(13)).toBeUndefined();
    r.ended = true;
    expect(r.at(13)).toBe(0);
  });
});
