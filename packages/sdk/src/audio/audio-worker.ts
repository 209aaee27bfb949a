/**
 * The audio analysis worker (module worker, comlink). PCM arrives either from the capture
 * worklet over a transferred MessagePort (live) or by `push` calls (decoded files); frames are
 * computed incrementally as it arrives, pooled into windows, and kept until taken, so an
 * answer's features are ready the moment it ends.
 */
import * as Comlink from 'comlink';
import { AudioFeatureExtractor, type AudioExtractorOptions } from './frames.ts';
import { createAudioWindowPooler, pushAudioFrame } from './pooling.ts';
import { AUDIO_FRAME_FEATURES } from './schema.ts';
import type { AudioSummary } from './summary.ts';
import type { TapMessage } from './capture-protocol.ts';
import type { PooledWindow, WindowPooler } from '../features/windows.ts';
import { AudioInputError } from './errors.ts';
import { installErrorTransfer } from '../video/comlink-errors.ts';

export interface AudioBatch {
  /** Frames in AUDIO_FRAME_FEATURES order, row-major (`rows.length / columns` frames). */
  readonly rows: Float32Array;
  readonly columns: number;
  readonly windows: PooledWindow[];
}

export interface AudioResult extends AudioBatch {
  readonly summary: AudioSummary;
}

export interface AudioWorkerApi {
  /** Starts an analysis (discarding any previous one). `sampleRate` may be omitted for live ports. */
  start(options: Partial<AudioExtractorOptions>): void;
  /** Live input: PCM from the capture worklet; resolves once the port is listening. */
  attach(port: MessagePort): void;
  /** File input or custom sources. Returns frames computed so far. */
  push(pcm: Float32Array): number;
  /** Frames and windows computed since the last take (does not end the analysis). */
  take(): AudioBatch;
  /** Ends the analysis: remaining frames, windows and the summary. Waits for a live port's end. */
  finish(): Promise<AudioResult>;
  /** Frames computed so far and seconds of input received (for keep-up checks). */
  progress(): { frames: number; inputSeconds: number };
  /**
   * `take()` plus the running summary, without ending the analysis: what a caller keeps if the
   * worker dies before `finish()`.
   */
  snapshot(): AudioResult;
  /** Heartbeat: answers at once unless the worker is blocked. */
  ping(): true;
  /**
   * Whole-file analysis inside the worker: demux + WebCodecs decode streamed block by block
   * (bounded memory), then `finish()`. The peak is not known in advance, so the running peak
   * stands in for Praat's global one (as live). `keepFrames: false` returns only windows and the
   * summary, for very long recordings (frames are 24 numbers per 10 ms).
   */
  analyzeBlob(blob: Blob, options?: { keepFrames?: boolean }): Promise<AudioResult>;
}

const COLUMNS = AUDIO_FRAME_FEATURES.length;

class Analysis {
  private extractor: AudioFeatureExtractor | null = null;
  private options: Partial<AudioExtractorOptions> = {};
  private pooler: WindowPooler = createAudioWindowPooler();
  private rows: number[] = [];
  private windows: PooledWindow[] = [];
  private frames = 0;
  private inputSamples = 0;
  private rate = 0;
  private ended: Promise<void> = Promise.resolve();
  private keepFrames = true;

  start(options: Partial<AudioExtractorOptions>): void {
    this.options = options;
    this.extractor =
      options.sampleRate !== undefined
        ? new AudioFeatureExtractor({ ...options, sampleRate: options.sampleRate })
        : null;
    this.rate = options.sampleRate ?? 0;
    this.pooler = createAudioWindowPooler();
    this.rows = [];
    this.windows = [];
    this.frames = 0;
    this.inputSamples = 0;
    this.ended = Promise.resolve();
    this.keepFrames = true;
  }

  attach(port: MessagePort): void {
    this.ended = new Promise<void>((resolve) => {
      port.onmessage = (ev: MessageEvent<TapMessage>) => {
        if (ev.data.type === 'pcm') {
          if (this.extractor === null) {
            this.rate = ev.data.sampleRate;
            this.extractor = new AudioFeatureExtractor({ ...this.options, sampleRate: ev.data.sampleRate });
          }
          this.push(ev.data.pcm);
        } else {
          port.close();
          resolve();
        }
      };
    });
  }

  push(pcm: Float32Array): number {
    if (this.extractor === null) throw new AudioInputError('invalid-options', 'start({ sampleRate }) before push()');
    this.inputSamples += pcm.length;
    for (const f of this.extractor.push(pcm)) this.add(f);
    return this.frames;
  }

  take(): AudioBatch {
    const batch = { rows: Float32Array.from(this.rows), columns: COLUMNS, windows: this.windows };
    this.rows = [];
    this.windows = [];
    return Comlink.transfer(batch, [batch.rows.buffer]);
  }

  async finish(): Promise<AudioResult> {
    await this.ended;
    const ex = this.extractor;
    if (ex !== null) {
      for (const f of ex.flush()) this.add(f);
      this.windows.push(...this.pooler.flush());
    }
    const summary = ex?.summary() ?? new AudioFeatureExtractor({ sampleRate: 16000 }).summary();
    const batch = this.take();
    return Comlink.transfer({ ...batch, summary }, [batch.rows.buffer]);
  }

  async analyzeBlob(blob: Blob, options: { keepFrames?: boolean } = {}): Promise<AudioResult> {
    // Loaded on demand: only file analysis pays for the demuxer.
    const { decodeAudioBlob } = await import('./file-decode.ts');
    this.start({});
    this.keepFrames = options.keepFrames ?? true;
    for await (const block of decodeAudioBlob(blob)) {
      if (this.extractor === null) {
        this.rate = block.sampleRate;
        this.extractor = new AudioFeatureExtractor({ ...this.options, sampleRate: block.sampleRate });
      }
      this.push(block.pcm);
    }
    if (this.extractor === null) throw new AudioInputError('empty-input', 'the file has no audio samples');
    return this.finish();
  }

  snapshot(): AudioResult {
    const summary = this.extractor?.summary() ?? new AudioFeatureExtractor({ sampleRate: 16000 }).summary();
    const batch = this.take();
    return Comlink.transfer({ ...batch, summary }, [batch.rows.buffer]);
  }

  progress(): { frames: number; inputSeconds: number } {
    return { frames: this.frames, inputSeconds: this.rate > 0 ? this.inputSamples / this.rate : 0 };
  }

  private add(frame: Record<string, number>): void {
    if (this.keepFrames) for (const k of AUDIO_FRAME_FEATURES) this.rows.push(frame[k]!);
    this.frames++;
    this.windows.push(...pushAudioFrame(this.pooler, frame as Parameters<typeof pushAudioFrame>[1]));
  }
}

/** Exposes the API on a port (the worker's global scope, or a MessageChannel end in tests). */
export function exposeAudioWorker(endpoint: Comlink.Endpoint = self as unknown as Comlink.Endpoint): void {
  const a = new Analysis();
  const api: AudioWorkerApi = {
    start: (o) => a.start(o),
    attach: (p) => a.attach(p),
    push: (pcm) => a.push(pcm),
    take: () => a.take(),
    finish: () => a.finish(),
    progress: () => a.progress(),
    snapshot: () => a.snapshot(),
    ping: () => true,
    analyzeBlob: (b, o) => a.analyzeBlob(b, o),
  };
  Comlink.expose(api, endpoint);
}

// Running as a worker: expose on the global scope, with typed errors (codes survive the crossing).
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) installErrorTransfer();
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) exposeAudioWorker();
