import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { exposeAudioWorker, type AudioWorkerApi } from './audio-worker.ts';
import type { TapMessage } from './capture-protocol.ts';
import { AUDIO_FRAME_FEATURES } from './schema.ts';
import { synthVowel } from './testing/synth.ts';

// The worker API over a plain MessageChannel, without spawning a worker (comlink's own advice).
const channels: MessageChannel[] = [];
function connect(): Comlink.Remote<AudioWorkerApi> {
  const ch = new MessageChannel();
  channels.push(ch);
  exposeAudioWorker(ch.port1 as unknown as Comlink.Endpoint);
  return Comlink.wrap<AudioWorkerApi>(ch.port2 as unknown as Comlink.Endpoint);
}
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

describe('audio worker API', () => {
  it('file mode: push blocks, take incrementally, finish with summary and windows', async () => {
    const api = connect();
    await api.start({ sampleRate: 16000 });
    const x = synthVowel({ seconds: 1.2, f0: 160 });
    let taken = 0;
    for (let i = 0; i < x.length; i += 4000) {
      await api.push(x.slice(i, i + 4000));
      const b = await api.take();
      expect(b.columns).toBe(AUDIO_FRAME_FEATURES.length);
      taken += b.rows.length / b.columns;
    }
    expect(taken).toBeGreaterThan(80); // incremental: most frames before the end
    const r = await api.finish();
    expect(taken + r.rows.length / r.columns).toBe(120);
    expect(r.summary.meanF0Hz).toBeGreaterThan(157);
    expect(r.summary.meanF0Hz).toBeLessThan(163);
    api[Comlink.releaseProxy]();
  });

  it('live mode: PCM from a worklet port at 48 kHz, finish waits for the end message', async () => {
    const api = connect();
    await api.start({});
    const tap = new MessageChannel();
    channels.push(tap);
    await api.attach(Comlink.transfer(tap.port2, [tap.port2 as unknown as Transferable]));
    const x = synthVowel({ seconds: 0.8, sampleRate: 48000 });
    for (let i = 0; i < x.length; i += 2048) {
      const msg: TapMessage = { type: 'pcm', pcm: x.slice(i, i + 2048), sampleRate: 48000 };
      tap.port1.postMessage(msg);
    }
    const end: TapMessage = { type: 'end' };
    tap.port1.postMessage(end);
    const r = await api.finish();
    expect(r.rows.length / r.columns).toBe(80);
    expect(r.windows.length).toBe(2);
    expect((await api.progress()).inputSeconds).toBeCloseTo(0.8, 3);
    api[Comlink.releaseProxy]();
  });

  it('push before start is a typed error across the channel', async () => {
    const api = connect();
    await expect(api.push(new Float32Array(10))).rejects.toThrow(/start/);
    api[Comlink.releaseProxy]();
  });
});
