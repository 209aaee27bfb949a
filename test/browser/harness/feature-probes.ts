/**
 * In-page probes for chromium-features.test.ts. Each runs in the page through page.evaluate, so it
 * is self-contained (no closures over Node values); workers and worklets come from blob: URLs.
 * Each returns true only when the feature did its job (a decoded frame, a tone at its pitch, a
 * message back), or a string saying what went wrong.
 */
import type { Page } from 'playwright-core';

export interface ProbeResult {
  readonly version: string;
  readonly source: string;
  readonly features: Record<string, true | string>;
}

type Probe = () => Promise<true | string>;

const probes: Record<string, Probe> = {
  language: async () => {
    const tag = navigator.language;
    return Intl.getCanonicalLocales(tag).length === 1 ? true : tag;
  },

  fakeCameraRed: async () => {
    const s = await navigator.mediaDevices.getUserMedia({ video: true });
    const v = document.createElement('video');
    v.muted = true;
    v.srcObject = s;
    await v.play();
    await new Promise((r) => setTimeout(r, 300));
    const c = new OffscreenCanvas(v.videoWidth, v.videoHeight);
    const g = c.getContext('2d')!;
    g.drawImage(v, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let r = 0;
    let gb = 0;
    for (let i = 0; i < d.length; i += 4) {
      r += d[i]!;
      gb += d[i + 1]! + d[i + 2]!;
    }
    const n = d.length / 4;
    for (const t of s.getTracks()) t.stop();
    return r / n > 200 && gb / n / 2 < 40 ? true : `mean r ${(r / n).toFixed(0)}, g+b ${(gb / n / 2).toFixed(0)}`;
  },

  fakeMicTone: async () => {
    const s = await navigator.mediaDevices.getUserMedia({ audio: true });
    const ctx = new AudioContext();
    const a = ctx.createAnalyser();
    a.fftSize = 8192;
    ctx.createMediaStreamSource(s).connect(a);
    await new Promise((r) => setTimeout(r, 700));
    const spec = new Float32Array(a.frequencyBinCount);
    a.getFloatFrequencyData(spec);
    let best = 0;
    for (let i = 1; i < spec.length; i++) if (spec[i]! > spec[best]!) best = i;
    const hz = (best * ctx.sampleRate) / a.fftSize;
    for (const t of s.getTracks()) t.stop();
    await ctx.close();
    return Math.abs(hz - 440) < 20 ? true : `peak at ${hz.toFixed(0)} Hz`;
  },

  trackProcessorInWorker: async () => {
    const s = await navigator.mediaDevices.getUserMedia({ video: true });
    const [track] = s.getVideoTracks();
    const Processor = (globalThis as unknown as { MediaStreamTrackProcessor?: new (o: object) => object })
      .MediaStreamTrackProcessor;
    if (Processor === undefined) return 'no MediaStreamTrackProcessor';
    const { readable } = new Processor({ track }) as { readable: ReadableStream };
    const src = `onmessage = async (e) => { const r = e.data.getReader(); const { value } = await r.read();
      postMessage(value.codedWidth); value.close(); };`;
    const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
    const width = await new Promise((r) => {
      w.onmessage = (e) => r(e.data);
      w.postMessage(readable, [readable as unknown as Transferable]);
    });
    w.terminate();
    for (const t of s.getTracks()) t.stop();
    return width === 320 ? true : `frame width ${String(width)}`;
  },

  h264Video: async () => {
    const v = document.createElement('video');
    v.muted = true;
    v.src = '/clip.mp4';
    const ok = await new Promise<true | string>((r) => {
      v.onloadeddata = () => r(true);
      v.onerror = () => r(`error ${v.error?.code}: ${v.error?.message}`);
    });
    return ok === true && v.videoWidth !== 320 ? `videoWidth ${v.videoWidth}` : ok;
  },

  h264WebCodecs: async () => {
    const s = await VideoDecoder.isConfigSupported({ codec: 'avc1.42E01E', codedWidth: 320, codedHeight: 240 });
    return s.supported === true ? true : 'avc1.42E01E not supported';
  },

  moduleWorker: async () => {
    const dep = URL.createObjectURL(new Blob(['export const x = 41;'], { type: 'text/javascript' }));
    const main = `import { x } from '${dep}'; postMessage(x + 1);`;
    const w = new Worker(URL.createObjectURL(new Blob([main], { type: 'text/javascript' })), { type: 'module' });
    const v = await new Promise((r, j) => {
      w.onmessage = (e) => r(e.data);
      w.onerror = (e) => j(new Error(e.message));
    });
    w.terminate();
    return v === 42 ? true : String(v);
  },

  audioWorklet: async () => {
    const ctx = new AudioContext();
    const src = `registerProcessor('p', class extends AudioWorkletProcessor {
      process() { this.port.postMessage(sampleRate); return false; } });`;
    await ctx.audioWorklet.addModule(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
    const node = new AudioWorkletNode(ctx, 'p');
    const rate = await new Promise((r) => {
      node.port.onmessage = (e) => r(e.data);
      node.connect(ctx.destination);
    });
    await ctx.close();
    return typeof rate === 'number' && rate > 0 ? true : String(rate);
  },

  wasmSimd: async () => {
    // (module (func (result v128) i32.const 0 i8x16.splat))
    const bytes = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 253, 15, 11];
    return WebAssembly.validate(new Uint8Array(bytes)) ? true : 'SIMD module rejected';
  },

  webgl2Offscreen: async () => {
    const src = `const g = new OffscreenCanvas(4, 4).getContext('webgl2');
      postMessage(g ? g.getParameter(g.VERSION) : null);`;
    const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
    const v = await new Promise((r) => {
      w.onmessage = (e) => r(e.data);
    });
    w.terminate();
    return typeof v === 'string' && v.startsWith('WebGL 2') ? true : `webgl2: ${String(v)}`;
  },

  webgl2NoCaveat: async () => {
    // What tfjs's webgl backend asks for: a WebGL2 context that fails on a major performance caveat.
    const g = document.createElement('canvas').getContext('webgl2', { failIfMajorPerformanceCaveat: true });
    return g !== null ? true : 'null with failIfMajorPerformanceCaveat (tfjs then has no webgl backend)';
  },

  webgpu: async () => {
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<object | null> } }).gpu;
    if (gpu === undefined) return 'no navigator.gpu';
    return (await gpu.requestAdapter()) !== null ? true : 'requestAdapter() gave null';
  },

  webrtcLoopback: async () => {
    const a = new RTCPeerConnection();
    const b = new RTCPeerConnection();
    a.onicecandidate = (e) => e.candidate && void b.addIceCandidate(e.candidate);
    b.onicecandidate = (e) => e.candidate && void a.addIceCandidate(e.candidate);
    const ch = a.createDataChannel('x');
    const got = new Promise<string>((r) => {
      b.ondatachannel = (e) => {
        e.channel.onmessage = (m) => r(String(m.data));
      };
    });
    ch.onopen = () => ch.send('ping');
    await a.setLocalDescription();
    await b.setRemoteDescription(a.localDescription!);
    await b.setLocalDescription();
    await a.setRemoteDescription(b.localDescription!);
    const msg = await Promise.race([got, new Promise<string>((r) => setTimeout(() => r('timeout (10 s)'), 10_000))]);
    a.close();
    b.close();
    return msg === 'ping' ? true : msg;
  },

  mediaRecorderVp8: async () => {
    return MediaRecorder.isTypeSupported('video/webm;codecs=vp8,opus') ? true : 'not supported';
  },
};

/** Run every probe in `page` (one at a time; a throw becomes its message). */
export async function probeAll(page: Page): Promise<{ features: Record<string, true | string> }> {
  const features: Record<string, true | string> = {};
  for (const [name, fn] of Object.entries(probes)) {
    try {
      features[name] = await page.evaluate(fn);
    } catch (e) {
      features[name] = `threw: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`;
    }
  }
  return { features };
}
