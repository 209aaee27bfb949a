/**
 * The signaling relay: one HTTP server carrying the WebSocket endpoint (`/`), a health check and,
 * in development mode only, `/dev-token`. Every frame is size-capped, rate-limited per socket and
 * validated before anything is forwarded; a refused frame never disturbs the other members.
 */
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { LiveError } from '@hirenet/sdk/internal/live/errors';
import {
  LIVE_ROLES,
  MAX_CANDIDATES,
  MAX_SIGNAL_BYTES,
  parseClientMessage,
  type ClientMessage,
  type LiveRole,
  type ServerMessage,
} from '@hirenet/sdk/internal/live/signal-schema';
import { DEFAULT_RATE_LIMIT, TokenBucket, type RateLimit } from './rate-limit.ts';
import { Rooms, type Member } from './rooms.ts';
import { randomSecret, signJoinToken, verifyJoinToken } from './token.ts';
import { turnCredentials, type TurnConfig } from './turn.ts';

export interface RelayOptions {
  /** Default 8787; 0 picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1 (put a TLS-terminating proxy in front for anything else). */
  readonly host?: string;
  /** HMAC secret of the join tokens. Required unless `dev`. */
  readonly secret?: string;
  /**
   * Development mode: a random secret unless given, and `GET /dev-token` mints tokens for anyone who can reach the
   * relay.
   */
  readonly dev?: boolean;
  readonly turn?: TurnConfig;
  readonly rateLimit?: RateLimit;
  /** Frames over this many bytes close the socket (1009). Default 16 KiB. */
  readonly maxMessageBytes?: number;
  readonly maxCandidates?: number;
  /** A socket that has not joined after this long is closed. Default 10 s. */
  readonly joinTimeoutMs?: number;
  /** Ping interval; a socket that missed one pong is dropped. Default 15 s. */
  readonly heartbeatMs?: number;
  /** When set, only these page origins may open a socket. */
  readonly allowedOrigins?: readonly string[];
  readonly log?: (line: string) => void;
}

export interface Relay {
  /** ws://host:port */
  readonly url: string;
  /** http://host:port (health, dev tokens) */
  readonly httpUrl: string;
  readonly port: number;
  readonly rooms: Rooms;
  /** Mints a token with this relay's secret (tests, the dev endpoint). */
  token(room: string, role: LiveRole, name: string, ttlSeconds?: number): string;
  close(): Promise<void>;
}

/** Refused frames beyond the bucket that a socket may send before it is closed as a flood. */
const FLOOD_CLOSE_AFTER = 200;

export async function startRelay(options: RelayOptions = {}): Promise<Relay> {
  const dev = options.dev === true;
  const secret = options.secret ?? (dev ? randomSecret() : undefined);
  if (secret === undefined) throw new HireNetError('invalid-options', 'startRelay needs a secret (or dev: true)');
  const log = options.log ?? (() => undefined);
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const turn = options.turn;
  const rooms = new Rooms(options.maxCandidates ?? MAX_CANDIDATES, (id) =>
    turn === undefined ? [] : [turnCredentials(turn, id)],
  );
  const token = (room: string, role: LiveRole, name: string, ttlSeconds = 12 * 3600): string =>
    signJoinToken(secret, { room, role, name, ttlSeconds });

  const http = createServer((req, res) => handleHttp(req, res, dev, token));
  const wss = new WebSocketServer({
    server: http,
    maxPayload: options.maxMessageBytes ?? MAX_SIGNAL_BYTES,
    verifyClient: (info: { origin: string }) =>
      options.allowedOrigins === undefined || options.allowedOrigins.includes(info.origin),
  });
  const alive = new WeakMap<WebSocket, boolean>();
  wss.on('connection', (ws) => {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    serveSocket(ws, { rooms, secret, limit, joinTimeoutMs: options.joinTimeoutMs ?? 10_000, log });
  });
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) ws.terminate();
      else {
        alive.set(ws, false);
        ws.ping();
      }
    }
  }, options.heartbeatMs ?? 15_000);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = http.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  log(`relay listening on ws://${host}:${port}${dev ? ' (development tokens at /dev-token)' : ''}`);
  return {
    url: `ws://${host}:${port}`,
    httpUrl: `http://${host}:${port}`,
    port,
    rooms,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const ws of wss.clients) ws.terminate();
        wss.close(() => http.close(() => resolve()));
      }),
  };
}

function handleHttp(req: IncomingMessage, res: ServerResponse, dev: boolean, token: Relay['token']): void {
  const url = new URL(req.url ?? '/', 'http://relay');
  const json = (status: number, body: unknown, cors = false): void => {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    if (cors) res.setHeader('Access-Control-Allow-Origin', '*');
    res.end(JSON.stringify(body));
  };
  if (req.method === 'GET' && url.pathname === '/health') {
    json(200, { ok: true });
    return;
  }
  if (dev && req.method === 'GET' && url.pathname === '/dev-token') {
    const room = url.searchParams.get('room') ?? '';
    const role = url.searchParams.get('role') ?? '';
    const name = url.searchParams.get('name') ?? (role === 'interviewer' ? 'Interviewer' : '');
    if (!LIVE_ROLES.includes(role as LiveRole)) {
      json(400, { error: 'malformed', message: 'role must be interviewer or candidate' }, true);
      return;
    }
    try {
      json(200, { token: token(room, role as LiveRole, name) }, true);
    } catch (e) {
      json(400, { error: 'malformed', message: (e as Error).message }, true);
    }
    return;
  }
  json(404, { error: 'not found' });
}

interface SocketContext {
  readonly rooms: Rooms;
  readonly secret: string;
  readonly limit: RateLimit;
  readonly joinTimeoutMs: number;
  readonly log: (line: string) => void;
}

function serveSocket(ws: WebSocket, ctx: SocketContext): void {
  const bucket = new TokenBucket(ctx.limit, Date.now());
  let member: Member | undefined;
  let refused = 0;
  let lastRateError = -Infinity;
  let leaving: 'left' | undefined;
  const send = (msg: ServerMessage): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };
  const refuse = (e: LiveError, closeCode?: number): void => {
    send({ type: 'error', code: e.code, message: e.message });
    if (closeCode !== undefined) ws.close(closeCode, e.code);
  };
  const joinTimer = setTimeout(() => {
    if (member === undefined) refuse(new LiveError('not-joined', `no join within ${ctx.joinTimeoutMs} ms`), 4001);
  }, ctx.joinTimeoutMs);

  ws.on('message', (raw: RawData, isBinary: boolean) => {
    const now = Date.now();
    if (!bucket.take(now)) {
      refused++;
      if (refused > FLOOD_CLOSE_AFTER) return refuse(new LiveError('rate-limited', 'flood: closing'), 1008);
      if (now - lastRateError >= 1000) {
        lastRateError = now;
        refuse(new LiveError('rate-limited', `over ${ctx.limit.perSecond} messages per second; message dropped`));
      }
      return;
    }
    if (isBinary) return refuse(new LiveError('malformed', 'binary frames are not part of the protocol'));
    let msg: ClientMessage;
    try {
      msg = parseClientMessage(rawText(raw));
    } catch (e) {
      return refuse(e instanceof LiveError ? e : new LiveError('malformed', String(e)));
    }
    if (member === undefined) {
      if (msg.type !== 'join') return refuse(new LiveError('not-joined', 'the first message must be join'), 4001);
      try {
        const claims = verifyJoinToken(ctx.secret, msg.token);
        member = ctx.rooms.join(claims, { send, close: (code, reason) => ws.close(code, reason) });
        clearTimeout(joinTimer);
        ctx.log(`join ${claims.room} ${claims.role} ${member.id}`);
      } catch (e) {
        refuse(e instanceof LiveError ? e : new LiveError('bad-token', String(e)), 4001);
      }
      return;
    }
    try {
      if (msg.type === 'join') throw new LiveError('malformed', 'already joined');
      if (msg.type === 'leave') {
        leaving = 'left';
        ctx.rooms.leave(member, 'left');
        ws.close(1000, 'left');
        return;
      }
      ctx.rooms.signal(member, msg.to, msg.data);
    } catch (e) {
      refuse(e instanceof LiveError ? e : new LiveError('malformed', String(e)));
    }
  });
  ws.on('close', () => {
    clearTimeout(joinTimer);
    if (member !== undefined) ctx.rooms.leave(member, leaving ?? 'disconnected');
  });
  ws.on('error', () => undefined);
}

function rawText(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.from(raw as ArrayBuffer).toString('utf8');
}
