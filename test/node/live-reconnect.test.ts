/**
 * What the room client's reconnection relies on, checked against the real relay: a member whose
 * socket drops is announced `peer-left: disconnected` and, when it joins again under the same
 * name, `peer-joined` with a new id (the client re-attaches its kept connection by role and name);
 * a relay restarted on the same port admits fresh tokens. And the backoff policy's bounds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelayMs, FINAL_CLOSE_CODES } from '../../packages/sdk/src/live/relay-socket.ts';
import { startRelay, type Relay } from '../../packages/relay/src/server.ts';
import { connect, join, OFFER, type TestClient } from './live-relay-client.ts';

let relays: Relay[] = [];
let clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients) c.close();
  await Promise.all(relays.map((r) => r.close().catch(() => undefined)));
  relays = [];
  clients = [];
});

async function member(relay: Relay, role: 'interviewer' | 'candidate', name: string) {
  const c = await join(relay.url, relay.token('r1', role, name));
  clients.push(c);
  return c;
}

describe('relay behaviour under reconnection', () => {
  it('a dropped candidate is announced as disconnected, then as the same name under a new id', async () => {
    const relay = await startRelay({ dev: true, port: 0 });
    relays.push(relay);
    const iv = await member(relay, 'interviewer', 'Ines');
    const ada = await member(relay, 'candidate', 'Ada');
    await iv.next('peer-joined', (m) => m.peer.id === ada.id);
    ada.ws.terminate();
    const left = await iv.next('peer-left', (m) => m.id === ada.id);
    expect(left.reason).toBe('disconnected');
    const back = await member(relay, 'candidate', 'Ada');
    expect(back.id).not.toBe(ada.id);
    const again = await iv.next('peer-joined', (m) => m.peer.id === back.id);
    expect(again.peer).toMatchObject({ name: 'Ada', role: 'candidate' });
    // Signals reach the rejoined member under its new id only.
    iv.send({ type: 'signal', to: back.id, data: OFFER });
    expect((await back.next('signal')).from).toBe(iv.id);
    iv.send({ type: 'signal', to: ada.id, data: OFFER });
    expect((await iv.next('error')).code).toBe('unknown-peer');
  });

  it('a rejoin that overtakes the dead socket replaces it: peer-left "replaced", then peer-joined', async () => {
    const relay = await startRelay({ dev: true, port: 0 });
    relays.push(relay);
    const iv = await member(relay, 'interviewer', 'Ines');
    const ada = await member(relay, 'candidate', 'Ada');
    const back = await member(relay, 'candidate', 'Ada');
    expect((await iv.next('peer-left', (m) => m.id === ada.id)).reason).toBe('replaced');
    await iv.next('peer-joined', (m) => m.peer.id === back.id);
    expect(await ada.closed).toBe(4000);
    expect(FINAL_CLOSE_CODES.has(4000)).toBe(true);
    expect(relay.rooms.size('r1')).toEqual({ interviewer: 1, candidates: 1 });
  });

  it('a relay restarted on the same port admits fresh tokens; old ones (other secret) are refused', async () => {
    const first = await startRelay({ dev: true, port: 0 });
    const port = Number(new URL(first.url).port);
    const oldToken = first.token('r1', 'candidate', 'Ada');
    await first.close();
    const second = await startRelay({ dev: true, port });
    relays.push(second);
    const c = await member(second, 'candidate', 'Ada');
    expect(c.id).toMatch(/^[A-Za-z0-9_-]+$/);
    const stale = await connect(second.url);
    clients.push(stale);
    stale.send({ type: 'join', token: oldToken });
    expect((await stale.next('error')).code).toBe('bad-token');
  });
});

describe('backoffDelayMs', () => {
  it('doubles from the base up to the cap, scaled by a factor in [0.5, 1]', () => {
    const lo = (a: number): number => backoffDelayMs(a, {}, () => 0);
    const hi = (a: number): number => backoffDelayMs(a, {}, () => 1);
    expect([0, 1, 2, 3, 4, 5, 6].map(hi)).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect([0, 1, 2].map(lo)).toEqual([250, 500, 1000]);
    expect(backoffDelayMs(2, { baseDelayMs: 100, maxDelayMs: 300 }, () => 1)).toBe(300);
  });
});
