/** Messages between the main thread, the capture worklet and the analysis worker. */

/** Registered name of the worklet processor (capture-worklet.ts repeats it: worklets stay import-free). */
export const CAPTURE_PROCESSOR_NAME = 'hirenet-pcm-tap';

/** On the worklet node's own port (main thread → worklet). */
export type TapControl = { readonly type: 'connect'; readonly port: MessagePort } | { readonly type: 'stop' };

/** On the PCM port (worklet → worker). */
export type TapMessage =
  | { readonly type: 'pcm'; readonly pcm: Float32Array; readonly sampleRate: number }
  | { readonly type: 'end' };
