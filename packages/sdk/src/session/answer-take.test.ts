import { describe, expect, it } from 'vitest';
import type { AudioResult } from '../audio/audio-worker.ts';
import { decideTake } from './answer-take.ts';
import { fakeAudioResult } from './testing/audio-result.ts';

const take = (a: AudioResult, seconds = 5) => ({ index: 0, seconds, audio: a, videoRows: null });

describe('decideTake', () => {
  const good = decideTake(take(fakeAudioResult(19, { voiced: 0.6, speech: 0.8 })), null, {}, []);

  it('a usable take is stored', () => {
    expect(good.store?.audio?.rows).toHaveLength(19);
    expect(good.warnings).toEqual([]);
  });

  it('a silent take does not replace a usable one: take-kept, after the silence warning', () => {
    const d = decideTake(take(fakeAudioResult(19, { voiced: 0, speech: 0 })), good.store, {}, []);
    expect(d.store).toBeNull();
    expect(d.warnings.map((w) => w.code)).toEqual(['silence', 'take-kept']);
  });

  it('a silent first take is stored (its warnings say why it has no audio)', () => {
    const d = decideTake(take(fakeAudioResult(19, { voiced: 0, speech: 0 })), null, {}, []);
    expect(d.store).not.toBeNull();
    expect(d.store?.audio).toBeNull();
    expect(d.warnings.map((w) => w.code)).toEqual(['silence']);
  });

  it('a take shorter than one window is never stored', () => {
    const d = decideTake(take(fakeAudioResult(0, { voiced: 0.5, speech: 0.5 }), 0.3), good.store, {}, []);
    expect(d.store).toBeNull();
    expect(d.warnings[0]?.message).toMatch(/previous take is kept/);
  });
});
