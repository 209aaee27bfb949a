/** A minimal relay client for the Node relay tests: real `ws` sockets, every frame kept in order. */
import WebSocket from 'ws';
import type { ServerMessage } from '../../packages/sdk/src/live/signal-schema.ts';

type Of<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

export interface TestClient {
  readonly ws: WebSocket;
  readonly received: ServerMessage[];
  /** Resolves with the close code once the relay (or we) closed the socket. */
  readonly closed: Promise<number>;
  send(msg: unknown): void;
  sendRaw(text: string | Buffer): void;
  /** The first message (already received or future) matching `pred`, after `from`. */
  next<T extends ServerMessage['type']>(type: T, pred?: (m: Of<T>) => boolean, timeoutMs?: number): Promise<Of<T>>;
  close(): void;
}

export async function connect(url: string): Promise<TestClient> {
  const ws = new WebSocket(url);
  const received: ServerMessage[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    received.push(JSON.parse(String(data)) as ServerMessage);
    for (const w of waiters.splice(0)) w();
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const client: TestClient = {
    ws,
    received,
    closed,
    send: (msg) => ws.send(JSON.stringify(msg)),
    sendRaw: (text) => ws.send(text),
    async next(type, pred, timeoutMs = 3000) {
      type M = Extract<ServerMessage, { type: typeof type }>;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = received.find((m): m is M => m.type === type && (pred === undefined || pred(m as M)));
        if (hit !== undefined) return hit;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no ${type} message within ${timeoutMs} ms; got ${JSON.stringify(received)}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    },
    close: () => ws.close(),
  };
  return client;
}

/** Connects and joins with `token`; resolves once `joined` arrived. */
export async function join(url: string, token: string): Promise<TestClient & { id: string }> {
  const c = await connect(url);
  c.send({ type: 'join', token });
  const j = await c.next('joined');
  return Object.assign(c, { id: j.id });
}

export const OFFER = { kind: 'description', description: { type: 'offer', sdp: 'v=0\r\n' } } as const;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
