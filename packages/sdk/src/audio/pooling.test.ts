import { describe, expect, it } from 'vitest';
import { extractAudioFeatures } from './frames.ts';
import { poolAudioFrames } from './pooling.ts';
import { AUDIO_FEATURE_SCHEMA, audioSchemaId } from './schema.ts';
import { synthVowel } from './testing/synth.ts';

describe('audio windows', () => {
  it('vectors follow the schema: width, voiced fraction last, F0 mean in semitones', () => {
    // 0.5 s vowel then 1 s silence.
    const x = new Float32Array(24000);
    x.set(synthVowel({ seconds: 0.5, f0: 150 }));
    const w = poolAudioFrames(extractAudioFeatures(x, 16000).frames);
    expect(w).toHaveLength(5);
    const names = AUDIO_FEATURE_SCHEMA.windowFeatures;
    for (const win of w) expect(win.values!.length).toBe(names.length);
    const at = (win: number, name: string): number => w[win]!.values![names.indexOf(name)]!;
    expect(at(0, 'voicedFraction')).toBeGreaterThan(0.9);
    expect(at(4, 'voicedFraction')).toBe(0);
    expect(at(0, 'F0_semitones_mean')).toBeCloseTo(12 * Math.log2(150 / 27.5), 0);
    // Voiced-only columns are 0 in a window with no voiced frame (not averaged with zeros elsewhere).
    expect(at(4, 'F0_semitones_mean')).toBe(0);
    expect(at(1, 'F0_semitones_mean')).toBeCloseTo(at(0, 'F0_semitones_mean'), 0);
    expect(audioSchemaId()).toBe('hirenet-audio-lld@1');
  });
});

describe('audio schema id', () => {
  it('accepts its own id and rejects another version with a typed error', async () => {
    const { assertAudioSchema } = await import('./schema.ts');
    expect(() => assertAudioSchema('hirenet-audio-lld@1')).not.toThrow();
    expect(() => assertAudioSchema('hirenet-audio-lld@2')).toThrow(
      expect.objectContaining({ code: 'schema-mismatch' }),
    );
  });
});
