/**
 * The relay socket's handshake and the reconnection policy of a room member. A socket that drops
 * (relay restart, network change) is opened again with exponential backoff and the member joins
 * again; peer connections run peer to peer meanwhile and are kept (room-client.ts re-attaches
 * them to the members' new relay ids).
 */
import { LiveError } from './errors.ts';
import { parseServerMessage, type ClientMessage, type ServerMessage } from './signal-schema.ts';

export type Joined = Extract<ServerMessage, { type: 'joined' }>;

export interface ReconnectOptions {
  /** Attempts after a drop before giving up (`relay-lost`). Default 12 (about a minute and a half). */
  readonly maxAttempts?: number;
  /** First delay; each attempt doubles it up to `maxDelayMs`. Default 500 ms. */
  readonly baseDelayMs?: number;
  /** Default 8000 ms. */
  readonly maxDelayMs?: number;
}

/**
 * Delay before attempt `attempt` (0-based): base·2^attempt, capped, times a random factor in
 * [0.5, 1] so that a room whose relay restarted does not come back all in the same millisecond.
 */
export function backoffDelayMs(attempt: number, o: ReconnectOptions = {}, random: () => number = Math.random): number {
  const base = o.baseDelayMs ?? 500;
  const max = o.maxDelayMs ?? 8000;
  return Math.round(Math.min(max, base * 2 ** attempt) * (0.5 + random() / 2));
}

/**
 * Close codes after which reconnecting would be wrong: 4000, another connection joined with our
 * name (the newer one wins); 1008 and 1009, the relay closed us for a flood or an oversized frame
 * (a client bug that a loop of reconnects would only repeat); 4001, the relay refused our join.
 */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([4000, 4001, 1008, 1009]);

/** Opens a socket and joins; rejects with LiveError (`bad-token`, `room-full`, `not-joined`, …). */
export function joinRelay(url: string, token: string, timeoutMs: number): Promise<{ ws: WebSocket; joined: Joined }> {
  const ws = new WebSocket(url);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new LiveError('not-joined', `the relay did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const fail = (e: LiveError): void => {
      clearTimeout(timer);
      ws.onclose = null;
      ws.close();
      reject(e);
    };
    ws.onopen = () => ws.send(JSON.stringify({ type: 'join', token } satisfies ClientMessage));
    ws.onerror = () => fail(new LiveError('not-joined', `could not reach the relay at ${url}`));
    ws.onclose = (ev) => fail(new LiveError('not-joined', `the relay closed the connection (${ev.code})`));
    ws.onmessage = (ev: MessageEvent<unknown>) => {
      let m: ServerMessage;
      try {
        m = parseServerMessage(String(ev.data));
      } catch (e) {
        return fail(e as LiveError);
      }
      if (m.type === 'error') return fail(new LiveError(m.code, m.message));
      if (m.type !== 'joined') return;
      clearTimeout(timer);
      ws.onopen = ws.onerror = ws.onclose = ws.onmessage = null;
      resolve({ ws, joined: m });
    };
  });
}

/**
 * Whether the other end still sends anything on a connection: the transport's bytes received
 * (media, RTCP reports, cue data) grow over `windowMs`. A member that sends no media of its own
 * still sends RTCP reports about what it receives (~1 per second). Used before re-attaching a kept
 * connection to a member who joined the relay again — a fresh page of the same name (its old tab
 * crashed) must get a fresh connection instead.
 */
export async function stillReceiving(pc: RTCPeerConnection, windowMs = 1500): Promise<boolean> {
  const bytes = async (): Promise<number> => {
    let n = 0;
    for (const s of (await pc.getStats()).values()) {
      const r = s as { type?: string; bytesReceived?: number };
      if (r.type === 'transport' && typeof r.bytesReceived === 'number') n += r.bytesReceived;
    }
    return n;
  };
  if (pc.connectionState !== 'connected') return false;
  const before = await bytes();
  await new Promise((r) => setTimeout(r, windowMs));
  return pc.connectionState === 'connected' && (await bytes()) > before;
}
