/**
 * AudioWorklet processor that taps a MediaStream: down-mixes each 128-frame render quantum to
 * mono, batches ~40 ms and transfers the batch to the analysis worker over a MessagePort it
 * receives once from the main thread. The main thread never touches the PCM.
 * (Loaded with `audioWorklet.addModule`; never ScriptProcessorNode, which runs on the main thread.)
 */

// Minimal AudioWorkletGlobalScope declarations (not in TypeScript's DOM lib).
declare const sampleRate: number;
declare function registerProcessor(name: string, ctor: new (options?: unknown) => unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

import type { TapControl, TapMessage } from './capture-protocol.ts';

/** Must equal CAPTURE_PROCESSOR_NAME in capture-protocol.ts (kept literal: no runtime imports here). */
const PROCESSOR_NAME = 'hirenet-pcm-tap';

class PcmTap extends AudioWorkletProcessor {
  private out: MessagePort | null = null;
  private batch = new Float32Array(2048);
  private filled = 0;
  private stopped = false;

  constructor() {
    super();
    this.port.onmessage = (ev: MessageEvent<TapControl>) => {
      if (ev.data.type === 'connect') this.out = ev.data.port;
      else this.stop();
    };
  }

  process(inputs: Float32Array[][]): boolean {
    if (this.stopped) return false;
    const channels = inputs[0];
    if (channels === undefined || channels.length === 0 || this.out === null) return true;
    const n = channels[0]!.length;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (const ch of channels) s += ch[i]!;
      this.batch[this.filled++] = s / channels.length;
      if (this.filled === this.batch.length) this.send();
    }
    return true;
  }

  private send(): void {
    const pcm = this.batch.subarray(0, this.filled);
    const msg: TapMessage = { type: 'pcm', pcm, sampleRate };
    this.out?.postMessage(msg, [pcm.buffer]);
    this.batch = new Float32Array(2048);
    this.filled = 0;
  }

  private stop(): void {
    if (this.filled > 0) this.send();
    const end: TapMessage = { type: 'end' };
    this.out?.postMessage(end);
    this.stopped = true;
  }
}

registerProcessor(PROCESSOR_NAME, PcmTap);
