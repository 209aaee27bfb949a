/** Join tokens, TURN credentials and the relay's command line (pure Node). */
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseRelayArgs } from '../../packages/relay/src/cli-args.ts';
import { TokenBucket } from '../../packages/relay/src/rate-limit.ts';
import { signJoinToken, verifyJoinToken } from '../../packages/relay/src/token.ts';
import { turnCredentials } from '../../packages/relay/src/turn.ts';

const SECRET = 'k'.repeat(32);

describe('join tokens', () => {
  it('round-trips the claims and expires', () => {
    const t = signJoinToken(SECRET, {
      room: 'room-1',
      role: 'candidate',
      name: 'Ada Lovelace',
      ttlSeconds: 60,
      now: 1000,
    });
    expect(verifyJoinToken(SECRET, t, 1059)).toEqual({
      room: 'room-1',
      role: 'candidate',
      name: 'Ada Lovelace',
      exp: 1060,
    });
    expect(() => verifyJoinToken(SECRET, t, 1060)).toThrow(expect.objectContaining({ code: 'expired-token' }));
  });

  it('refuses another secret, a changed payload and short secrets', () => {
    const t = signJoinToken(SECRET, { room: 'r', role: 'candidate', name: 'A' });
    expect(() => verifyJoinToken('z'.repeat(32), t)).toThrow(expect.objectContaining({ code: 'bad-token' }));
    const [, sig] = t.split('.');
    const claims = { room: 'r', role: 'interviewer', name: 'A', exp: 9e9 };
    const forged = `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`;
    expect(() => verifyJoinToken(SECRET, forged)).toThrow(expect.objectContaining({ code: 'bad-token' }));
    expect(() => signJoinToken('short', { room: 'r', role: 'candidate', name: 'A' })).toThrow(HireNetError);
  });

  it('refuses bad rooms, roles and names when signing', () => {
    expect(() => signJoinToken(SECRET, { room: 'a b', role: 'candidate', name: 'A' })).toThrow(
      expect.objectContaining({ code: 'malformed' }),
    );
    expect(() => signJoinToken(SECRET, { room: 'r', role: 'admin' as 'candidate', name: 'A' })).toThrow(
      expect.objectContaining({ code: 'malformed' }),
    );
    expect(() => signJoinToken(SECRET, { room: 'r', role: 'candidate', name: '' })).toThrow(
      expect.objectContaining({ code: 'malformed' }),
    );
    expect(() => signJoinToken(SECRET, { room: 'r', role: 'candidate', name: 'a\u0000b' })).toThrow(
      expect.objectContaining({ code: 'malformed' }),
    );
  });
});

describe('TURN credentials (coturn REST scheme)', () => {
  it('username is expiry:peer and the credential its HMAC-SHA1', () => {
    const c = turnCredentials({ urls: ['turn:t.example:3478'], secret: 'abc', ttlSeconds: 100 }, 'peer1', 1000);
    expect(c.username).toBe('1100:peer1');
    expect(c.credential).toBe(createHmac('sha1', 'abc').update('1100:peer1').digest('base64'));
    expect(() => turnCredentials({ urls: ['stun:stun.example:3478'], secret: 'abc' }, 'p')).toThrow(HireNetError);
  });
});

describe('rate limit bucket', () => {
  it('allows the burst, then the refill rate', () => {
    const b = new TokenBucket({ capacity: 3, perSecond: 2 }, 0);
    expect([b.take(0), b.take(0), b.take(0), b.take(0)]).toEqual([true, true, true, false]);
    expect(b.take(499)).toBe(false);
    expect(b.take(500)).toBe(true);
  });
});

describe('relay command line', () => {
  it('parses serve and token, refuses unknown flags and missing values', () => {
    expect(parseRelayArgs(['--dev', '--port', '9000'])).toEqual({
      cmd: 'serve',
      dev: true,
      port: 9000,
      host: '127.0.0.1',
      turnUrls: [],
      origins: [],
    });
    expect(
      parseRelayArgs(['--turn', 'turn:a:3478', '--turn', 'turns:a:5349', '--origin', 'https://a.example']),
    ).toMatchObject({ turnUrls: ['turn:a:3478', 'turns:a:5349'], origins: ['https://a.example'] });
    expect(parseRelayArgs(['token', '--room', 'r', '--role', 'candidate', '--name', 'N'])).toEqual({
      cmd: 'token',
      room: 'r',
      role: 'candidate',
      name: 'N',
      ttlSeconds: 3600,
    });
    expect(() => parseRelayArgs(['--public-stun'])).toThrow(/unknown argument/);
    expect(() => parseRelayArgs(['--port'])).toThrow(/needs a value/);
    expect(() => parseRelayArgs(['--port', '99999'])).toThrow(/integer/);
    expect(() => parseRelayArgs(['token', '--room', 'r', '--role', 'boss', '--name', 'N'])).toThrow(/role/);
  });
});
