/**
 * Relay-only media through a local coturn (Debian `coturn`), as docs/live.md tells hosts to set it
 * up: the relay hands out coturn REST-secret credentials with `joined`, the pages force
 * `iceTransportPolicy: 'relay'`, and the selected candidate pair is a TURN relay on both sides —
 * so neither member learns the other's address. Skipped with a note when coturn is not installed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startRelay } from '../../packages/relay/src/server.ts';
import {
  closeHarness,
  sharedMissing,
  sharedUrl,
  withPage,
  type HarnessPage,
  type PageOptions,
} from './harness/index.ts';
import { cleanLiveMedia, LIVE_CLIP as CLIP, LIVE_MODEL as MODEL, liveMedia } from './live-fixtures.ts';
import { withInterviewerAndAda } from './live-pair.ts';
const haveCoturn = spawnSync('turnserver', ['--help'], { stdio: 'ignore' }).error === undefined;
const missing = sharedMissing(CLIP, MODEL);
if (missing !== undefined && process.env['CI'] === 'true') throw new Error(`[live-turn] CI must not skip: ${missing}`);
if (!haveCoturn && process.env['CI'] === 'true')
  throw new Error('[live-turn] CI must not skip: coturn (turnserver) is not installed — .ci/run installs it');
if (!haveCoturn) console.warn('[live-turn] skipped: coturn (turnserver) is not installed — apt-get install coturn');
else if (missing !== undefined) console.warn(`[live-turn] skipped: ${missing}`);

const tmp = mkdtempSync(join(tmpdir(), 'hirenet-live-turn-'));
let turn: ChildProcess | undefined;
afterAll(async () => {
  await closeHarness();
  turn?.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
  cleanLiveMedia();
});

/** 4 s at 320×240: this test needs a connection and a few frames, not a long recording. */
const media = (): PageOptions => liveMedia('320:240', 4);

async function freeUdpPort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((resolve) => s.bind(0, '127.0.0.1', resolve));
  const { port } = s.address();
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** coturn on 127.0.0.1 in REST-secret mode; resolves once it listens. */
async function startCoturn(secret: string, fixedPort?: number): Promise<number> {
  const port = fixedPort ?? (await freeUdpPort());
  const relayBase = 40_000 + Math.floor(Math.random() * 20_000);
  turn = spawn(
    'turnserver',
    [
      '-n',
      '--listening-ip=127.0.0.1',
      `--listening-port=${port}`,
      '--relay-ip=127.0.0.1',
      `--min-port=${relayBase}`,
      `--max-port=${relayBase + 100}`,
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=hirenet.test',
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      '--allow-loopback-peers',
      '--log-file=stdout',
      '--simple-log',
      `--pidfile=${join(tmp, 'turn.pid')}`,
      `--db=${join(tmp, 'turndb.sqlite')}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  turn.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  const t0 = Date.now();
  while (!/SQLite DB connection success|Total General servers/.test(out)) {
    if (turn.exitCode !== null || Date.now() - t0 > 10_000) throw new Error(`coturn did not start: ${out.slice(-500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return port;
}

type Pair = { name: string; local: string; remote: string };

describe.skipIf(!haveCoturn || missing !== undefined)('live room through TURN only', () => {
  it('connects with relay candidates on both sides, using the credentials the relay handed out', async () => {
    const secret = 'turn-secret-for-the-test';
    const port = await startCoturn(secret);
    const relay = await startRelay({
      dev: true,
      port: 0,
      turn: { urls: [`turn:127.0.0.1:${port}?transport=udp`], secret },
    });
    const start = (h: HarnessPage, role: 'interviewer' | 'candidate', name: string): Promise<unknown> =>
      h.run({
        cmd: 'start',
        role,
        name,
        room: 't1',
        auto: true,
        relayUrl: relay.url,
        modelUrl: sharedUrl(MODEL),
        relayOnly: true,
      });
    try {
      await withInterviewerAndAda(start, media(), async (iv, ada, t0) => {
        while (
          (await iv.page.getAttribute('[data-testid="tile"][data-name="Ada"]', 'data-state').catch(() => null)) !==
          'connected'
        ) {
          if (Date.now() - t0 > 60_000)
            throw new Error(`not connected through TURN: ${JSON.stringify(await iv.run({ cmd: 'debug' }))}`);
          await new Promise((r) => setTimeout(r, 250));
        }
        const ivPairs = await iv.run<Pair[]>({ cmd: 'selected-pairs' });
        const adaPairs = await ada.run<Pair[]>({ cmd: 'selected-pairs' });
        console.log(
          [
            `[live-turn] connected through TURN ${((Date.now() - t0) / 1000).toFixed(1)} s after the`,
            `candidate page started: ${JSON.stringify([ivPairs, adaPairs])}`,
          ].join(' '),
        );
        expect(ivPairs).toEqual([{ name: 'Ada', local: 'relay', remote: 'relay' }]);
        expect(adaPairs).toEqual([{ name: 'Ines', local: 'relay', remote: 'relay' }]);
        // Video really flows over it.
        const t1 = Date.now();
        for (;;) {
          const f = Number(await iv.page.getAttribute('[data-testid="tile"][data-name="Ada"] video', 'data-frames'));
          if (f >= 10) break;
          if (Date.now() - t1 > 30_000) throw new Error(`only ${f} frames through TURN`);
          await new Promise((r) => setTimeout(r, 250));
        }

        // The TURN server goes away and comes back: the pages restart ICE by themselves (no call from here)
        // and the call returns to connected, with frames flowing again.
        const framesNow = async (): Promise<number> =>
          Number(await iv.page.getAttribute('[data-testid="tile"][data-name="Ada"] video', 'data-frames'));
        const restartsNow = async (): Promise<number> => {
          const [a, b] = await Promise.all([
            iv.run<{ restarts: number }[]>({ cmd: 'debug' }),
            ada.run<{ restarts: number }[]>({ cmd: 'debug' }),
          ]);
          return (a[0]?.restarts ?? 0) + (b[0]?.restarts ?? 0);
        };
        turn?.kill('SIGTERM');
        await new Promise<void>((r) => (turn?.exitCode !== null ? r() : turn.once('exit', () => r())));
        const t2 = Date.now();
        while ((await restartsNow()) === 0) {
          if (Date.now() - t2 > 60_000)
            throw new Error(
              `no automatic ICE restart after TURN went away: ${JSON.stringify(await iv.run({ cmd: 'debug' }))}`,
            );
          await new Promise((r) => setTimeout(r, 250));
        }
        const firstRestartS = (Date.now() - t2) / 1000;
        await startCoturn(secret, port);
        const before = await framesNow();
        const t3 = Date.now();
        for (;;) {
          const state = await iv.page.getAttribute('[data-testid="tile"][data-name="Ada"]', 'data-state');
          if (state === 'connected' && (await framesNow()) >= before + 10) break;
          if (Date.now() - t3 > 90_000)
            throw new Error(`not back after TURN returned: ${JSON.stringify(await iv.run({ cmd: 'debug' }))}`);
          await new Promise((r) => setTimeout(r, 250));
        }
        console.log(
          [
            `[live-turn] TURN stopped: first automatic ICE restart after ${firstRestartS.toFixed(1)} s; TURN`,
            `back: connected with frames again after ${((Date.now() - t3) / 1000).toFixed(1)} s`,
            `(${await restartsNow()} restarts in all)`,
          ].join(' '),
        );
      });
    } finally {
      await relay.close();
    }
  });

  it('relay-only without a TURN server is refused with a typed error, not a call that never connects', async () => {
    const relay = await startRelay({ dev: true, port: 0 });
    try {
      await withPage(
        'live-room.html',
        async (iv) => {
          const started = iv.run({
            cmd: 'start',
            role: 'interviewer',
            name: 'Ines',
            room: 't2',
            auto: true,
            relayUrl: relay.url,
            modelUrl: null,
            relayOnly: true,
          });
          await expect(started).rejects.toThrow(/needs a TURN server/);
          expect(await iv.page.getAttribute('[data-testid="error"]', 'data-code')).toBe('not-allowed');
        },
        media(),
      );
    } finally {
      await relay.close();
    }
  });
});
