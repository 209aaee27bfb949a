/**
 * The pose during a file analysis (vision worker): offline there is no frame budget to share, so
 * the first frame of each 1 / poseFps slot gets the pose and then the face, on the same frame.
 * Pose frames are handed over before the face rows of the same batch, so a worker that dies after
 * a batch is resumed after rows whose poses already arrived.
 */
import type { PoseEngine } from './pose-engine.ts';
import type { PoseFrame } from './pose-frame.ts';

export type PoseBatchSink = (frames: PoseFrame[], unavailable?: string) => void;

export class FilePoseTap {
  private due: number;
  private batch: PoseFrame[] = [];
  private readonly ms: number[] = [];

  /**
   * `from`: where this part of the file starts. The slots stay on the whole file's grid k / poseFps,
   * so a part (a split file, a worker resumed after a crash) adds no pose frame to a slot before it.
   */
  constructor(
    private readonly engine: PoseEngine,
    private readonly sink: PoseBatchSink,
    from: number,
  ) {
    this.due = Math.ceil(from * engine.fps - 1e-6) / engine.fps;
  }

  /** Runs the pose on `frame` when its slot is due; the frame stays open (the face reads it next). */
  async offer(frame: VideoFrame, time: number): Promise<void> {
    if (time + 1e-3 < this.due) return;
    this.due = (Math.floor((time + 1e-3) * this.engine.fps + 1e-6) + 1) / this.engine.fps;
    const t0 = performance.now();
    this.batch.push(await this.engine.detect(frame, time));
    this.ms.push(performance.now() - t0);
  }

  flush(): void {
    if (this.batch.length > 0) this.sink(this.batch);
    this.batch = [];
  }

  get analysed(): number {
    return this.ms.length;
  }
  get totalMs(): number {
    return this.ms.reduce((a, b) => a + b, 0);
  }
}
