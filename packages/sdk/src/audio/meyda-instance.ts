/**
 * A private Meyda configuration for one sample rate and buffer size.
 *
 * Meyda keeps its settings on a module-level singleton; two analysers at different rates (or
 * another library using Meyda) would silently share and corrupt them. We copy the object, give
 * the copy our settings, let it build its Bark scale and Mel filter bank once, and from then on
 * call Meyda's pure extractors with our own spectrum (computing the FFT once per frame).
 */
import Meyda from 'meyda';

type Extractor = (args: Record<string, unknown>) => unknown;

export interface MeydaInstance {
  readonly bufferSize: number;
  readonly sampleRate: number;
  readonly barkScale: Float32Array;
  /** melFilterBank[band][bin], bins 0..bufferSize/2. */
  readonly melFilterBank: readonly (readonly number[])[];
  readonly extractors: Readonly<Record<string, Extractor>>;
}

export function createMeydaInstance(sampleRate: number, bufferSize: number, melBands = 26): MeydaInstance {
  const copy = Object.assign({}, Meyda, {
    sampleRate,
    bufferSize,
    melBands,
    numberOfMFCCCoefficients: 13,
    barkScale: undefined,
    melFilterBank: undefined,
    chromaFilterBank: undefined,
  }) as unknown as {
    extract: (f: string[], s: Float32Array) => unknown;
    barkScale: Float32Array;
    melFilterBank: number[][];
    featureExtractors: Record<string, Extractor>;
  };
  // One throw-away extraction makes the copy build its tables for our rate and size.
  copy.extract(['rms'], new Float32Array(bufferSize));
  return {
    bufferSize,
    sampleRate,
    barkScale: copy.barkScale,
    melFilterBank: copy.melFilterBank,
    extractors: copy.featureExtractors,
  };
}
