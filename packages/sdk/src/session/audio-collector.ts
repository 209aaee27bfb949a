/**
 * Collects a live answer's audio features from the worker while the answer runs (every second),
 * so a worker that dies mid-answer costs only the last second, not the whole channel.
 */
import type { AudioResult } from '../audio/audio-worker.ts';
import type { AudioCapture } from '../audio/capture.ts';
import type { PooledWindow } from '../features/windows.ts';
import type { AudioSummary } from '../audio/summary.ts';

/** Collection period: the most a dead worker can take with it. */
export const COLLECT_MS = 1000;

export interface CollectedAudio {
  /** Everything analysed: the worker's final result, or what was collected before it died; null if nothing was. */
  readonly result: AudioResult | null;
  /** Why the worker's final result is missing (died, blocked past the deadline); null when it arrived. */
  readonly failure: Error | null;
  /** Seconds of input the collected frames cover. */
  readonly coveredSeconds: number;
}

export class AudioCollector {
  private readonly rows: Float32Array[] = [];
  private readonly windows: PooledWindow[] = [];
  private columns = 0;
  private summary: AudioSummary | null = null;
  private readonly timer: ReturnType<typeof setInterval>;
  private inflight = false;

  constructor(private readonly capture: AudioCapture) {
    this.timer = setInterval(() => this.collect(), COLLECT_MS);
  }

  /** Stops the tap; waits at most `deadlineMs` for the worker's last frames. */
  async finish(deadlineMs: number): Promise<CollectedAudio> {
    clearInterval(this.timer);
    let failure: Error | null = null;
    try {
      // A snapshot still in flight is answered before finish(): the worker handles calls in order.
      this.add(await this.capture.stop(deadlineMs));
    } catch (e) {
      failure = e instanceof Error ? e : new Error(String(e));
    }
    const summary = this.summary;
    const total = this.rows.reduce((n, r) => n + r.length, 0);
    const rows = new Float32Array(total);
    let at = 0;
    for (const r of this.rows) {
      rows.set(r, at);
      at += r.length;
    }
    const result = summary === null ? null : { rows, columns: this.columns, windows: this.windows, summary };
    return { result, failure, coveredSeconds: summary?.durationSeconds ?? 0 };
  }

  close(): Promise<void> {
    clearInterval(this.timer);
    return this.capture.close();
  }

  private collect(): void {
    if (this.inflight) return;
    this.inflight = true;
    this.capture.snapshot().then(
      (b) => {
        this.inflight = false;
        this.add(b);
      },
      // A dead worker: the final stop() reports it; the timer has nothing more to collect.
      () => clearInterval(this.timer),
    );
  }

  private add(b: AudioResult): void {
    if (b.rows.length > 0) this.rows.push(b.rows);
    this.windows.push(...b.windows);
    this.columns = b.columns;
    this.summary = b.summary;
  }
}
