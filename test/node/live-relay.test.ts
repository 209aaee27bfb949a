/**
 * The signaling relay with real `ws` sockets on 127.0.0.1: every kind of bad input is refused and
 * the room goes on (the interviewer and the other candidate still exchange signals afterwards).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRelay, type Relay } from '../../packages/relay/src/server.ts';
import { signJoinToken } from '../../packages/relay/src/token.ts';
import { connect, join, OFFER, sleep, type TestClient } from './live-relay-client.ts';

let relay: Relay;
const open: TestClient[] = [];
const track = <T extends TestClient>(c: T): T => {
  open.push(c);
  return c;
};

beforeEach(async () => {
  relay = await startRelay({ dev: true, port: 0, rateLimit: { capacity: 20, perSecond: 10 } });
});
afterEach(async () => {
  for (const c of open.splice(0)) c.close();
  await relay.close();
});

/** An interviewer and two candidates in room `r1`. */
async function room(): Promise<{
  iv: TestClient & { id: string };
  a: TestClient & { id: string };
  b: TestClient & { id: string };
}> {
  const iv = track(await join(relay.url, relay.token('r1', 'interviewer', 'Ines')));
  const a = track(await join(relay.url, relay.token('r1', 'candidate', 'Ada')));
  const b = track(await join(relay.url, relay.token('r1', 'candidate', 'Bo')));
  return { iv, a, b };
}

/** The room still works: a signal from each candidate reaches the interviewer and one comes back. */
async function roomStillWorks(
  iv: TestClient & { id: string },
  ...cands: (TestClient & { id: string })[]
): Promise<void> {
  for (const c of cands) {
    const marker = `v=0\r\ns=${c.id}-${Math.random()}\r\n`;
    c.send({ type: 'signal', to: iv.id, data: { kind: 'description', description: { type: 'offer', sdp: marker } } });
    await iv.next(
      'signal',
      (m) => m.from === c.id && m.data.kind === 'description' && m.data.description.sdp === marker,
    );
    iv.send({ type: 'signal', to: c.id, data: { kind: 'description', description: { type: 'answer', sdp: marker } } });
    await c.next(
      'signal',
      (m) => m.from === iv.id && m.data.kind === 'description' && m.data.description.sdp === marker,
    );
  }
}

describe('live relay', () => {
  it('joins a star: candidates see only the interviewer, the interviewer sees every candidate', async () => {
    const { iv, a, b } = await room();
    const joinedA = await a.next('joined');
    const joinedB = await b.next('joined');
    expect(joinedA.peers.map((p) => p.role)).toEqual(['interviewer']);
    expect(joinedB.peers.map((p) => p.name)).toEqual(['Ines']);
    expect(joinedA.iceServers).toEqual([]);
    await iv.next('peer-joined', (m) => m.peer.id === a.id && m.peer.name === 'Ada');
    await iv.next('peer-joined', (m) => m.peer.id === b.id && m.peer.name === 'Bo');
    // Neither candidate ever hears of the other.
    expect(a.received.some((m) => m.type === 'peer-joined')).toBe(false);
    expect(relay.rooms.size('r1')).toEqual({ interviewer: 1, candidates: 2 });
    await roomStillWorks(iv, a, b);
  });

  it('refuses a wrong token (other secret, tampered payload, cut signature, garbage) and keeps the room', async () => {
    const { iv, a, b } = await room();
    const other = signJoinToken('another-secret-of-enough-bytes', { room: 'r1', role: 'candidate', name: 'Eve' });
    const [body, sig] = relay.token('r1', 'candidate', 'Eve').split('.') as [string, string];
    const claims = { room: 'r1', role: 'interviewer', name: 'Eve', exp: 9e9 };
    const tampered = `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`;
    for (const [token, code] of [
      [other, 'bad-token'],
      [tampered, 'bad-token'],
      [`${body}.`, 'bad-token'],
      ['garbage', 'bad-token'],
    ] as const) {
      const c = track(await connect(relay.url));
      c.send({ type: 'join', token });
      expect((await c.next('error')).code).toBe(code);
      expect(await c.closed).toBe(4001);
    }
    expect(relay.rooms.size('r1')).toEqual({ interviewer: 1, candidates: 2 });
    await roomStillWorks(iv, a, b);
  });

  it('refuses an expired token with its own code', async () => {
    const secret = 's'.repeat(32);
    const r2 = await startRelay({ secret, port: 0 });
    try {
      const c = await connect(r2.url);
      c.send({
        type: 'join',
        token: signJoinToken(secret, {
          room: 'r9',
          role: 'candidate',
          name: 'Old',
          ttlSeconds: 5,
          now: Date.now() / 1000 - 60,
        }),
      });
      expect((await c.next('error')).code).toBe('expired-token');
      expect(await c.closed).toBe(4001);
    } finally {
      await r2.close();
    }
  });

  it('refuses candidate → candidate signals; nothing reaches the other candidate', async () => {
    const { iv, a, b } = await room();
    a.send({ type: 'signal', to: b.id, data: OFFER });
    expect((await a.next('error')).code).toBe('not-allowed');
    a.send({ type: 'signal', to: a.id, data: OFFER });
    expect((await a.next('error', (m) => a.received.filter((x) => x.type === 'error').indexOf(m) === 1)).code).toBe(
      'not-allowed',
    );
    a.send({ type: 'signal', to: 'nobody', data: OFFER });
    expect((await a.next('error', (m) => m.code === 'unknown-peer')).message).toMatch(/nobody/);
    await sleep(100);
    expect(b.received.filter((m) => m.type === 'signal')).toEqual([]);
    expect(a.ws.readyState).toBe(a.ws.OPEN);
    await roomStillWorks(iv, a, b);
  });

  it('closes a socket that sends an oversized frame (1009); the others are told and go on', async () => {
    const { iv, a, b } = await room();
    a.send({
      type: 'signal',
      to: iv.id,
      data: { kind: 'description', description: { type: 'offer', sdp: 'x'.repeat(20_000) } },
    });
    expect(await a.closed).toBe(1009);
    const left = await iv.next('peer-left', (m) => m.id === a.id);
    expect(left.reason).toBe('disconnected');
    expect(iv.received.some((m) => m.type === 'signal' && m.from === a.id)).toBe(false);
    await roomStillWorks(iv, b);
  });

  it('refuses malformed and unknown messages with a typed error and keeps the socket', async () => {
    const { iv, a, b } = await room();
    const bad: [string, string][] = [
      ['not json', 'malformed'],
      ['[1,2]', 'malformed'],
      [JSON.stringify({ type: 'signal', to: iv.id, data: OFFER, extra: 1 }), 'malformed'],
      [
        JSON.stringify({
          type: 'signal',
          to: iv.id,
          data: { kind: 'description', description: { type: 'bogus', sdp: '' } },
        }),
        'malformed',
      ],
      [
        JSON.stringify({ type: 'signal', to: iv.id, data: { kind: 'candidate', candidate: { candidate: 1 } } }),
        'malformed',
      ],
      [JSON.stringify({ type: 'signal', to: '../x', data: OFFER }), 'malformed'],
      [JSON.stringify({ type: 'cue', face: 1 }), 'unknown-type'],
      [JSON.stringify({ type: 'join', token: 'again' }), 'malformed'],
    ];
    for (const [text] of bad) a.sendRaw(text);
    a.sendRaw(Buffer.from([1, 2, 3]));
    await a.next('error', () => a.received.filter((m) => m.type === 'error').length >= bad.length + 1);
    const codes = a.received.flatMap((m) => (m.type === 'error' ? [m.code] : []));
    expect(codes).toEqual([...bad.map(([, c]) => c), 'malformed']);
    expect(iv.received.some((m) => m.type === 'signal')).toBe(false);
    expect(a.ws.readyState).toBe(a.ws.OPEN);
    await roomStillWorks(iv, a, b);
  });

  it('refuses anything before join and closes the socket', async () => {
    const c = track(await connect(relay.url));
    c.send({ type: 'signal', to: 'abc', data: OFFER });
    expect((await c.next('error')).code).toBe('not-joined');
    expect(await c.closed).toBe(4001);
  });

  it(
    'rate-limits a flood: at most the bucket is forwarded, then the socket is closed (1008); the room ' + 'goes on',
    async () => {
      const { iv, a, b } = await room();
      const line = 'candidate:1 1 udp 1 127.0.0.1 9 typ host';
      const candidate = {
        kind: 'candidate',
        candidate: { candidate: line, sdpMid: '0', sdpMLineIndex: 0, usernameFragment: null },
      };
      for (let i = 0; i < 400; i++) a.send({ type: 'signal', to: iv.id, data: candidate });
      expect((await a.next('error', (m) => m.code === 'rate-limited')).message).toMatch(/dropped/);
      expect(await a.closed).toBe(1008);
      await iv.next('peer-left', (m) => m.id === a.id);
      const forwarded = iv.received.filter((m) => m.type === 'signal' && m.from === a.id).length;
      // Bucket of 20 (one spent on join) plus 10/s refill during the burst: far below the 400 sent.
      expect(forwarded).toBeGreaterThanOrEqual(19);
      expect(forwarded).toBeLessThan(60);
      await roomStillWorks(iv, b);
    },
  );

  it('admits at most five candidates and one interviewer', async () => {
    const iv = track(await join(relay.url, relay.token('r2', 'interviewer', 'Ines')));
    const cands = [];
    for (let i = 0; i < 5; i++) cands.push(track(await join(relay.url, relay.token('r2', 'candidate', `C${i}`))));
    const sixth = track(await connect(relay.url));
    sixth.send({ type: 'join', token: relay.token('r2', 'candidate', 'C5') });
    expect((await sixth.next('error')).code).toBe('room-full');
    const second = track(await connect(relay.url));
    second.send({ type: 'join', token: relay.token('r2', 'interviewer', 'Other') });
    expect((await second.next('error')).code).toBe('role-taken');
    expect(relay.rooms.size('r2')).toEqual({ interviewer: 1, candidates: 5 });
    await roomStillWorks(iv, ...cands);
  });

  it(
    'announces a clean leave, and a rejoin gets a new id; a same-name reconnect replaces the stale ' + 'socket',
    async () => {
      const { iv, a, b } = await room();
      a.send({ type: 'leave' });
      expect(await a.closed).toBe(1000);
      expect((await iv.next('peer-left', (m) => m.id === a.id)).reason).toBe('left');
      const again = track(await join(relay.url, relay.token('r1', 'candidate', 'Ada')));
      expect(again.id).not.toBe(a.id);
      await iv.next('peer-joined', (m) => m.peer.id === again.id);
      const replacement = track(await join(relay.url, relay.token('r1', 'candidate', 'Ada')));
      expect(await again.closed).toBe(4000);
      expect((await iv.next('peer-left', (m) => m.id === again.id)).reason).toBe('replaced');
      expect(relay.rooms.size('r1')).toEqual({ interviewer: 1, candidates: 2 });
      await roomStillWorks(iv, replacement, b);
      iv.send({ type: 'leave' });
      expect((await b.next('peer-left', (m) => m.id === iv.id)).reason).toBe('left');
    },
  );

  it('serves development tokens only in dev mode', async () => {
    const r = await fetch(`${relay.httpUrl}/dev-token?room=r3&role=candidate&name=Kim`);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    const { token } = (await r.json()) as { token: string };
    const c = track(await join(relay.url, token));
    expect((await c.next('joined')).room).toBe('r3');
    expect((await fetch(`${relay.httpUrl}/dev-token?room=r3&role=boss`)).status).toBe(400);
    expect((await fetch(`${relay.httpUrl}/dev-token?room=bad%20room&role=candidate&name=x`)).status).toBe(400);
    const prod = await startRelay({ secret: 'p'.repeat(32), port: 0 });
    try {
      expect((await fetch(`${prod.httpUrl}/dev-token?room=r3&role=candidate&name=Kim`)).status).toBe(404);
      expect((await fetch(`${prod.httpUrl}/health`)).status).toBe(200);
    } finally {
      await prod.close();
    }
  });

  it('hands out TURN credentials only when a TURN server is configured', async () => {
    const r = await startRelay({
      secret: 'q'.repeat(32),
      port: 0,
      turn: { urls: ['turn:127.0.0.1:3478'], secret: 'coturn-secret' },
    });
    try {
      const c = await join(r.url, r.token('r4', 'candidate', 'Lee'));
      const j = await c.next('joined');
      expect(j.iceServers).toHaveLength(1);
      expect(j.iceServers[0]!.urls).toEqual(['turn:127.0.0.1:3478']);
      expect(j.iceServers[0]!.username).toMatch(new RegExp(`^\\d+:${c.id}$`));
      c.close();
    } finally {
      await r.close();
    }
  });
});

describe('live relay origins', () => {
  it('refuses sockets from page origins outside allowedOrigins', async () => {
    const r = await startRelay({ secret: 'o'.repeat(32), port: 0, allowedOrigins: ['https://app.example'] });
    try {
      const WebSocket = (await import('ws')).default;
      const status = (origin: string): Promise<string> =>
        new Promise((resolve) => {
          const ws = new WebSocket(r.url, { origin });
          ws.on('open', () => {
            ws.close();
            resolve('open');
          });
          ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
          ws.on('error', () => undefined);
        });
      expect(await status('https://evil.example')).toBe('401');
      expect(await status('https://app.example')).toBe('open');
    } finally {
      await r.close();
    }
  });
});
