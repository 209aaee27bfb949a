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

export interface AudioWorkerOptions {
  /** Creates the analysis worker. Default: a module worker from ./audio-worker.ts (bundlers rewrite the URL). */
  readonly workerFactory?: () => Worker;
}

export interface AudioCaptureOptions extends AudioWorkerOptions {
  /** URL of the compiled capture worklet module. Default: ./capture-worklet.ts next to this file. */
  readonly workletUrl?: string | URL;
  /** Use this AudioContext instead of creating one (it is then not closed by `close()`). */
  readonly context?: AudioContext;
}

export interface AudioCapture {
  /** Rate the microphone is captured at (the worker resamples to 16 kHz). */
  readonly sampleRate: number;
  /** Frames and windows computed since the last call. */
  take(): Promise<AudioBatch>;
  /** Frames done and seconds received so far (to check the worker keeps up). */
  progress(): Promise<{ frames: number; inputSeconds: number }>;
  /** Stops tapping and returns the remaining frames, windows and the summary. */
  stop(): Promise<AudioResult>;
  /** Releases the worklet node, the context (if ours) and the worker. Idempotent. */
  close(): Promise<void>;
}

const defaultWorker = (): Worker => new Worker(new URL('./audio-worker.ts', import.meta.url), { type: 'module', name: 'hirenet-audio' });
const defaultWorklet = (): URL => new URL('./capture-worklet.ts', import.meta.url);

export async function startAudioCapture(source: MediaStream, options: AudioCaptureOptions = {}): Promise<AudioCapture> {
  if (source.getAudioTracks().length === 0) throw new AudioInputError('not-audio', 'the MediaStream has no audio track');
  const ownContext = options.context === undefined;
  const ctx = options.context ?? new AudioContext({ latencyHint: 'playback' });
  const worker = (options.workerFactory ?? defaultWorker)();
  const api = Comlink.wrap<AudioWorkerApi>(worker);
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
    api[Comlink.releaseProxy]();
    worker.terminate();
  };
  try {
    await ctx.audioWorklet.addModule(options.workletUrl ?? defaultWorklet());
    if (ctx.state === 'suspended') await ctx.resume().catch(() => undefined);
    node = new AudioWorkletNode(ctx, CAPTURE_PROCESSOR_NAME, { numberOfInputs: 1, numberOfOutputs: 1, channelCountMode: 'max' });
    const channel = new MessageChannel();
    await api.start({});
    await api.attach(Comlink.transfer(channel.port2, [channel.port2]));
    const connect: TapControl = { type: 'connect', port: channel.port1 };
    node.port.postMessage(connect, [channel.port1]);
    input = ctx.createMediaStreamSource(source);
    // The graph is pulled from the destination; a muted gain keeps the tap running silently.
    sink = ctx.createGain();
    sink.gain.value = 0;
    input.connect(node).connect(sink).connect(ctx.destination);
  } catch (e) {
    await close();
    throw e instanceof AudioInputError ? e : new AudioInputError('decoder-failed', `could not start audio capture: ${(e as Error).message}`, { cause: e });
  }
  const tap = node;
  return {
    sampleRate: ctx.sampleRate,
    take: () => api.take(),
    progress: () => api.progress(),
    async stop() {
      const stop: TapControl = { type: 'stop' };
      tap.port.postMessage(stop);
      input?.disconnect();
      return api.finish();
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
  const worker = (options.workerFactory ?? defaultWorker)();
  const api = Comlink.wrap<AudioWorkerApi>(worker);
  try {
    if (options.decoder !== 'decodeAudioData') {
      try {
        return await api.analyzeBlob(blob, { keepFrames: options.keepFrames ?? true });
      } catch (e) {
        if (options.decoder === 'webcodecs') throw e;
      }
    }
    return await decodeWithAudioContext(api, await blob.arrayBuffer());
  } finally {
    api[Comlink.releaseProxy]();
    worker.terminate();
  }
}

export interface AudioFileOptions extends AudioWorkerOptions {
  /** 'auto' (default): WebCodecs in the worker, decodeAudioData as fallback; or force one. */
  readonly decoder?: 'auto' | 'webcodecs' | 'decodeAudioData';
  /** Return per-frame rows (default true); false keeps only windows and the summary. */
  readonly keepFrames?: boolean;
}

async function decodeWithAudioContext(api: Comlink.Remote<AudioWorkerApi>, bytes: ArrayBuffer): Promise<AudioResult> {
  let decoded: AudioBuffer;
  try {
    decoded = await new OfflineAudioContext(1, 1, AUDIO_ANALYSIS_RATE).decodeAudioData(bytes);
  } catch (e) {
    throw new AudioInputError('not-audio', `the browser could not decode this file: ${(e as Error).message}`, { cause: e });
  }
  const n = decoded.length;
  const mono = new Float32Array(n);
  for (let c = 0; c < decoded.numberOfChannels; c++) {
    const ch = decoded.getChannelData(c);
    for (let i = 0; i < n; i++) mono[i] = mono[i]! + ch[i]! / decoded.numberOfChannels;
  }
  let peak = 0;
  for (const v of mono) if (Math.abs(v) > peak) peak = Math.abs(v);
  await api.start({ sampleRate: decoded.sampleRate, globalPeak: peak });
  for (let i = 0; i < n; i += decoded.sampleRate) {
    const block = mono.slice(i, Math.min(n, i + decoded.sampleRate));
    await api.push(Comlink.transfer(block, [block.buffer]));
  }
  return api.finish();
}
