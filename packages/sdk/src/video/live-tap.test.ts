// The stop() / worker-attach race of the live tap, with a fake worker (the real one runs in
// test/browser/video-live.test.ts). The race depends on worker timing a real browser rarely
// shows on a first stream, so it is pinned down here.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VideoFrameRow } from './frame-row.ts';
import { startLiveTap, type LiveAnalysis } from './live-tap.ts';
import type { WorkerHandle } from './worker-handle.ts';

const sleep = (ms: number): Promise<'timeout'> => new Promise((r) => setTimeout(() => r('timeout'), ms));

/**
 * Like an older vision worker (a host's own copy of vision-worker.js): analyzeStream() first waits
 * `attachMs` (fresh(): resetting the landmarker) before its stream reader exists, and stopStream()
 * only cancels an existing reader (the current worker also remembers an earlier stop: stream-run.ts).
 */
class FakeWorker {
  analyzeCalls = 0;
  stopCalls = 0;
  private reader: { cancelled: boolean } | undefined;

  constructor(private readonly attachMs: number) {}

  readonly api = {
    analyzeStream: async (_readable: unknown, fps: number, sink: (rows: VideoFrameRow[]) => void): Promise<unknown> => {
      this.analyzeCalls++;
      await sleep(this.attachMs);
      const reader = { cancelled: false };
      this.reader = reader;
      // Bounded, so that a lost stop cannot keep the test process busy forever.
      for (let i = 0; i < 2000 && !reader.cancelled; i++) {
        await sleep(5);
        if (!reader.cancelled) sink([{ time: i / fps } as unknown as VideoFrameRow]);
      }
      if (this.reader === reader) this.reader = undefined;
      return {};
    },
    stopStream: async (): Promise<void> => {
      this.stopCalls++;
      if (this.reader) this.reader.cancelled = true;
    },
  };

  call<T>(p: Promise<T>): Promise<T> {
    return p;
  }

  terminate(): void {}
}

const track = { readyState: 'live' } as unknown as MediaStreamTrack;
const g = globalThis as { MediaStreamTrackProcessor?: unknown };
let saved: unknown;

beforeEach(() => {
  saved = g.MediaStreamTrackProcessor;
  g.MediaStreamTrackProcessor = class {
    readonly readable = {};
  };
});
afterEach(() => {
  g.MediaStreamTrackProcessor = saved;
});

function start(worker: FakeWorker, workerDelayMs = 0) {
  return startLiveTap(track, { fps: 15, mode: 'track-processor' }, async () => {
    if (workerDelayMs > 0) await sleep(workerDelayMs);
    return worker as unknown as WorkerHandle;
  });
}

async function settles(p: Promise<LiveAnalysis>, ms = 3000): Promise<LiveAnalysis> {
  const r = await Promise.race([p, sleep(ms)]);
  if (r === 'timeout') throw new Error(`stop() did not settle within ${ms} ms`);
  return r;
}

describe('startLiveTap stop()', () => {
  it('a stop() made while the worker is attaching (no stream reader yet) still ends the stream', async () => {
    const w = new FakeWorker(100);
    const live = start(w);
    await sleep(20); // the worker has the stream but is still in fresh()
    expect(w.analyzeCalls).toBe(1);
    const r = await settles(live.stop());
    expect(r.warnings).toEqual([]);
    expect(w.stopCalls).toBeGreaterThanOrEqual(2); // the first one was a no-op in the worker
    expect(r.rows.length).toBeLessThanOrEqual(2);
  });

  it('a stop() made before the worker is obtained never starts a stream', async () => {
    const w = new FakeWorker(0);
    const live = start(w, 50);
    const r = await settles(live.stop());
    expect(w.analyzeCalls).toBe(0);
    expect(r.rows).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('a stop() while streaming ends it and keeps the rows', async () => {
    const w = new FakeWorker(0);
    const live = start(w);
    await sleep(150);
    const r = await settles(live.stop());
    expect(r.rows.length).toBeGreaterThan(3);
    expect(r.analysed).toBe(r.rows.length);
    expect(r.warnings).toEqual([]);
  });
});
