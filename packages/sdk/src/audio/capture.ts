/**
 * Browser glue for the audio channel: a live microphone/MediaStream tap (AudioWorklet → module
 * Worker, the PCM never crosses the main thread) and local file analysis (decodeAudioData at
 * 16 kHz, then the same worker). Every resource is released by `close()`.
 */
import * as Comlink from 'comlink';
import type { AudioBatch, AudioResult, AudioWorkerApi } from './audio-worker.ts';
import { CAPTURE_PROCESSOR_NAME, type TapControl } from './capture-protocol.ts';
import { AudioInputError } from './errors.ts';
import { AUDIO_ANALYSIS_RATE } from './schema.ts';
import { HireNetError } from '../util/errors.ts';
import { checkScriptAsset } from '../util/script-asset.ts';
import type { WorkerGuard } from '../util/worker-guard.ts';
import { bundledWorkletUrl } from '../workers/bundled.ts';
import { borrowAudioWorker, settle, STARTUP_MS, type AudioWorkerOptions } from './worker-pool.ts';

export type { AudioWorkerOptions } from './worker-pool.ts';
export { AudioWorkerPool } from './worker-pool.ts';

export interface AudioCaptureOptions extends AudioWorkerOptions {
  /** URL of the compiled capture worklet module. Default: workers/bundled.ts (as `workerUrl`). */
  readonly workletUrl?: string | URL;
  /** Use this AudioContext instead of creating one (it is then not closed by `close()`). */
  readonly context?: AudioContext;
}

export interface AudioCapture {
  /** Rate the microphone is captured at (the worker resamples to 16 kHz). */
  readonly sampleRate: number;
  /** Rejects (`audio-worker-failed`) when the worker dies; never resolves. */
  readonly dead: Promise<never>;
  /** Frames and windows computed since the last call. */
  take(): Promise<AudioBatch>;
  /** `take()` plus the summary so far: what survives if the worker dies before `stop()`. */
  snapshot(): Promise<AudioResult>;
  /** Frames done and seconds received so far (to check the worker keeps up). */
  progress(): Promise<{ frames: number; inputSeconds: number }>;
  /**
   * Stops tapping and returns the remaining frames, windows and the summary. Rejects with
   * `audio-worker-failed` if the worker dies or does not answer within `timeoutMs`.
   */
  stop(timeoutMs?: number): Promise<AudioResult>;
  /** Releases the worklet node, the context (if ours) and the worker. Idempotent. */
  close(): Promise<void>;
}

export async function startAudioCapture(source: MediaStream, options: AudioCaptureOptions = {}): Promise<AudioCapture> {
  if (source.getAudioTracks().length === 0)
    throw new AudioInputError('not-audio', 'the MediaStream has no audio track');
  const ownContext = options.context === undefined;
  const lent = await borrowAudioWorker(options);
  const { api, guard } = lent.link;
  // A worker goes back to its pool only after finish() (the tap's port has ended); otherwise it is closed.
  let finished = false;
  const ctx = options.context ?? new AudioContext({ latencyHint: 'playback' });
  let node: AudioWorkletNode | undefined;
  let input: MediaStreamAudioSourceNode | undefined;
  let sink: GainNode | undefined;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    input?.disconnect();
    node?.disconnect();
    sink?.disconnect();
    if (ownContext) await ctx.close().catch(() => undefined);
    lent.giveBack(finished);
  };
  try {
    const worklet = options.workletUrl ?? bundledWorkletUrl();
    await checkScriptAsset(
      new URL(worklet, globalThis.location?.href).href,
      'the capture worklet (capture-worklet.js)',
    );
    await ctx.audioWorklet.addModule(worklet);
    if (ctx.state === 'suspended') await ctx.resume().catch(() => undefined);
    node = new AudioWorkletNode(ctx, CAPTURE_PROCESSOR_NAME, {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      channelCountMode: 'max',
    });
    const channel = new MessageChannel();
    await settle(guard, api.start({}), STARTUP_MS, 'start()');
    await settle(guard, api.attach(Comlink.transfer(channel.port2, [channel.port2])), STARTUP_MS, 'attach()');
    const connect: TapControl = { type: 'connect', port: channel.port1 };
    node.port.postMessage(connect, [channel.port1]);
    input = ctx.createMediaStreamSource(source);
    // The graph is pulled from the destination; a muted gain keeps the tap running silently.
    sink = ctx.createGain();
    sink.gain.value = 0;
    input.connect(node).connect(sink).connect(ctx.destination);
  } catch (e) {
    await close();
    // AssetError (a missing or wrong worklet file) and the audio errors keep their own codes.
    throw e instanceof HireNetError
      ? e
      : new AudioInputError('decoder-failed', `could not start audio capture: ${(e as Error).message}`, { cause: e });
  }
  const tap = node;
  return {
    sampleRate: ctx.sampleRate,
    dead: guard.dead,
    take: () => guard.call(api.take()),
    snapshot: () => guard.call(api.snapshot()),
    progress: () => guard.call(api.progress()),
    async stop(timeoutMs?: number) {
      const stop: TapControl = { type: 'stop' };
      tap.port.postMessage(stop);
      input?.disconnect();
      const result = await settle(guard, api.finish(), timeoutMs, 'finish()');
      finished = true;
      return result;
    },
    close,
  };
}

/**
 * Analyses a recorded file (wav, webm, mp4, ogg, mp3, …) locally. First choice: the worker
 * demuxes and decodes it with WebCodecs block by block (bounded memory, main thread idle);
 * if that path cannot handle the file, it is decoded by decodeAudioData at 16 kHz on this
 * thread (whole file in memory) and streamed to the same worker.
 */
export async function analyzeAudioFile(data: Blob | ArrayBuffer, options: AudioFileOptions = {}): Promise<AudioResult> {
  const blob = data instanceof Blob ? data : new Blob([data]);
  if (blob.size === 0) throw new AudioInputError('empty-input', 'the file is empty');
  const lent = await borrowAudioWorker(options);
  const { api, guard } = lent.link;
  try {
    if (options.decoder !== 'decodeAudioData') {
      try {
        return await guard.call(api.analyzeBlob(blob, { keepFrames: options.keepFrames ?? true }));
      } catch (e) {
        // A dead worker is not a decoding problem: the fallback would need the same worker.
        if (options.decoder === 'webcodecs' || !guard.alive) throw e;
      }
    }
    return await decodeWithAudioContext(api, guard, await blob.arrayBuffer());
  } finally {
    // Every call above ran to its end (or the worker died): a live worker holds no analysis to fear.
    lent.giveBack(guard.alive);
  }
}

export interface AudioFileOptions extends AudioWorkerOptions {
  /** 'auto' (default): WebCodecs in the worker, decodeAudioData as fallback; or force one. */
  readonly decoder?: 'auto' | 'webcodecs' | 'decodeAudioData';
  /** Return per-frame rows (default true); false keeps only windows and the summary. */
  readonly keepFrames?: boolean;
}

async function decodeWithAudioContext(
  api: Comlink.Remote<AudioWorkerApi>,
  guard: WorkerGuard,
  bytes: ArrayBuffer,
): Promise<AudioResult> {
  let decoded: AudioBuffer;
  try {
    decoded = await new OfflineAudioContext(1, 1, AUDIO_ANALYSIS_RATE).decodeAudioData(bytes);
  } catch (e) {
    throw new AudioInputError('not-audio', `the browser could not decode this file: ${(e as Error).message}`, {
      cause: e,
    });
  }
  const n = decoded.length;
  const mono = new Float32Array(n);
  for (let c = 0; c < decoded.numberOfChannels; c++) {
    const ch = decoded.getChannelData(c);
    for (let i = 0; i < n; i++) mono[i] = mono[i]! + ch[i]! / decoded.numberOfChannels;
  }
  let peak = 0;
  for (const v of mono) if (Math.abs(v) > peak) peak = Math.abs(v);
  await guard.call(api.start({ sampleRate: decoded.sampleRate, globalPeak: peak }));
  for (let i = 0; i < n; i += decoded.sampleRate) {
    const block = mono.slice(i, Math.min(n, i + decoded.sampleRate));
    await guard.call(api.push(Comlink.transfer(block, [block.buffer])));
  }
  return guard.call(api.finish());
}
