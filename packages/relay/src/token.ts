/**
 * Join tokens: `base64url(JSON payload) . base64url(HMAC-SHA256(secret, payload part))`. A token
 * names one room, one role and a display name, and expires; the relay admits nobody without one.
 * The host's back end mints them with the same secret (`relay/main.ts token …`, docs/live.md).
 */
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { LiveError } from '@hirenet/sdk/internal/live/errors';
import { isValidName, isValidRoom, LIVE_ROLES, type LiveRole } from '@hirenet/sdk/internal/live/signal-schema';

export interface JoinClaims {
  readonly room: string;
  readonly role: LiveRole;
  readonly name: string;
  /** Expiry, Unix seconds. */
  readonly exp: number;
}

/** Secrets shorter than this are refused: an HMAC key is only as strong as its entropy. */
const MIN_SECRET_BYTES = 16;

function b64url(buf: Buffer): string {
  return buf.toString('base64url');
}

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

function checkSecret(secret: string): void {
  if (Buffer.byteLength(secret) < MIN_SECRET_BYTES)
    throw new HireNetError('invalid-options', `the relay secret must have at least ${MIN_SECRET_BYTES} bytes`);
}

/** A random secret for development relays (tokens die with the process). */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

export interface TokenRequest {
  readonly room: string;
  readonly role: LiveRole;
  readonly name: string;
  /** Default 3600. */
  readonly ttlSeconds?: number;
  /** Unix seconds; default now. */
  readonly now?: number;
}

export function signJoinToken(secret: string, claims: TokenRequest): string {
  checkSecret(secret);
  if (!isValidRoom(claims.room)) {
    throw new LiveError('malformed', `room must match [A-Za-z0-9_-]{1,64}, got ${JSON.stringify(claims.room)}`);
  }
  if (!LIVE_ROLES.includes(claims.role))
    throw new LiveError('malformed', `role must be one of ${LIVE_ROLES.join(', ')}`);
  if (!isValidName(claims.name))
    throw new LiveError('malformed', 'name must be 1–40 characters without control characters');
  const ttl = claims.ttlSeconds ?? 3600;
  if (!(Number.isFinite(ttl) && ttl > 0))
    throw new HireNetError('invalid-options', `ttlSeconds must be positive, got ${ttl}`);
  const now = claims.now ?? Date.now() / 1000;
  const payload: JoinClaims = { room: claims.room, role: claims.role, name: claims.name, exp: Math.floor(now + ttl) };
  const body = b64url(Buffer.from(JSON.stringify(payload)));
  return `${body}.${b64url(mac(secret, body))}`;
}

/** The claims of a genuine, unexpired token; LiveError `bad-token` / `expired-token` otherwise. */
export function verifyJoinToken(secret: string, token: string, now = Date.now() / 1000): JoinClaims {
  checkSecret(secret);
  const parts = token.split('.');
  const [body, sig] = parts;
  if (parts.length !== 2 || body === undefined || sig === undefined || body === '' || sig === '') {
    throw new LiveError('bad-token', 'the token is not of the form payload.signature');
  }
  const given = Buffer.from(sig, 'base64url');
  const expected = mac(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new LiveError('bad-token', 'the token signature does not match');
  }
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw new LiveError('bad-token', 'the token payload is not JSON');
  }
  const c = claims as Partial<JoinClaims> | null;
  const complete =
    c !== null &&
    typeof c === 'object' &&
    isValidRoom(c.room) &&
    LIVE_ROLES.includes(c.role as LiveRole) &&
    isValidName(c.name) &&
    typeof c.exp === 'number';
  if (!complete) {
    throw new LiveError('bad-token', 'the token payload lacks room, role, name or exp');
  }
  if (c.exp <= now) throw new LiveError('expired-token', `the token expired ${Math.round(now - c.exp)} s ago`);
  return { room: c.room, role: c.role as LiveRole, name: c.name, exp: c.exp };
}
