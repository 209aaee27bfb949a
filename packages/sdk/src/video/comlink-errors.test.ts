import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { AudioInputError } from '../audio/errors.ts';
import { HireNetError } from '../util/errors.ts';
import { installErrorTransfer } from './comlink-errors.ts';
import { VideoError } from './errors.ts';

// The worker APIs are exercised over a plain MessageChannel (comlink's own test approach): the
// same structured clone a worker boundary applies, without spawning a worker.
const thrower = {
  fail(kind: string): void {
    if (kind === 'audio') throw new AudioInputError('empty-input', 'no samples');
    if (kind === 'video') throw new VideoError('video-decode', 'not a video');
    if (kind === 'generic') throw new HireNetError('worker-timeout', 'late');
    throw new Error('plain');
  },
};

const ports: MessagePort[] = [];
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

async function thrown(kind: string): Promise<unknown> {
  installErrorTransfer();
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  Comlink.expose(thrower, port1);
  const api = Comlink.wrap<typeof thrower>(port2);
  return api.fail(kind).then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('error transfer across comlink', () => {
  it('keeps the class and the catalogued code of HireNetErrors', async () => {
    const audio = await thrown('audio');
    expect(audio).toBeInstanceOf(AudioInputError);
    expect((audio as AudioInputError).code).toBe('empty-input');
    const video = await thrown('video');
    expect(video).toBeInstanceOf(VideoError);
    expect((video as VideoError).code).toBe('video-decode');
    const generic = await thrown('generic');
    expect(generic).toBeInstanceOf(HireNetError);
    expect((generic as HireNetError).code).toBe('worker-timeout');
    expect((generic as HireNetError).message).toBe('late');
  });

  it('leaves a plain Error plain (no code is invented)', async () => {
    const e = await thrown('plain');
    expect(e).toBeInstanceOf(Error);
    expect(e).not.toBeInstanceOf(HireNetError);
    expect((e as Error).message).toBe('plain');
  });
});
