/**
 * RIFF/WAVE parsing without a decoder dependency: PCM 8/16/24/32-bit integer and 32/64-bit
 * float, any channel count and rate, WAVE_FORMAT_EXTENSIBLE, odd chunk padding, and files whose
 * data size field is 0 or 0xFFFFFFFF (written by streaming recorders before they knew the length).
 * The header parser needs only the first bytes, so callers can stream the data chunk.
 */
import { AudioInputError } from './errors.ts';

export interface WavFormat {
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitsPerSample: number;
  readonly float: boolean;
  /** Bytes per frame (all channels). */
  readonly blockAlign: number;
  /** Byte offset of the first sample. */
  readonly dataOffset: number;
  /** Bytes of sample data, or undefined when the header does not say (read to end of file). */
  readonly dataLength: number | undefined;
}

const ascii = (b: Uint8Array, o: number): string => String.fromCharCode(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!);

/** True when the bytes start like a RIFF/RIFX/RF64 WAVE file. */
export function looksLikeWav(head: Uint8Array): boolean {
  return head.length >= 12 && ['RIFF', 'RF64'].includes(ascii(head, 0)) && ascii(head, 8) === 'WAVE';
}

/** Parses the header; `head` must contain everything up to the start of the data chunk. */
export function parseWavHeader(head: Uint8Array): WavFormat {
  if (!looksLikeWav(head)) throw new AudioInputError('not-audio', 'not a RIFF/WAVE file');
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let fmt: Omit<WavFormat, 'dataOffset' | 'dataLength'> | undefined;
  let off = 12;
  while (off + 8 <= head.length) {
    const id = ascii(head, off);
    const size = view.getUint32(off + 4, true);
    const body = off + 8;
    if (id === 'fmt ') {
      if (body + 16 > head.length) break;
      let tag = view.getUint16(body, true);
      const channels = view.getUint16(body + 2, true);
      const sampleRate = view.getUint32(body + 4, true);
      const blockAlign = view.getUint16(body + 12, true);
      const bitsPerSample = view.getUint16(body + 14, true);
      // WAVE_FORMAT_EXTENSIBLE: the real format tag is the first two bytes of the sub-format GUID.
      if (tag === 0xfffe && size >= 40 && body + 26 <= head.length) tag = view.getUint16(body + 24, true);
      const float = tag === 3;
      if (tag !== 1 && tag !== 3)
        throw new AudioInputError(
          'unsupported-format',
          `WAVE format tag ${tag} (compressed) is not supported; convert with ffmpeg`,
        );
      const okBits = float ? bitsPerSample === 32 || bitsPerSample === 64 : [8, 16, 24, 32].includes(bitsPerSample);
      if (!okBits)
        throw new AudioInputError(
          'unsupported-format',
          `${bitsPerSample}-bit ${float ? 'float' : 'PCM'} is not supported`,
        );
      if (channels < 1 || sampleRate < 1 || blockAlign < channels * (bitsPerSample / 8)) {
        throw new AudioInputError(
          'unsupported-format',
          `inconsistent fmt chunk (channels ${channels}, rate ${sampleRate}, blockAlign ${blockAlign})`,
        );
      }
      fmt = { sampleRate, channels, bitsPerSample, float, blockAlign };
    } else if (id === 'data') {
      if (fmt === undefined) throw new AudioInputError('unsupported-format', 'data chunk before fmt chunk');
      const unknown = size === 0 || size === 0xffffffff || ascii(head, 0) === 'RF64';
      return { ...fmt, dataOffset: body, dataLength: unknown ? undefined : size };
    }
    off = body + size + (size & 1);
  }
  throw new AudioInputError('truncated', 'no data chunk found in the WAVE header');
}

/**
 * Decodes whole frames of interleaved sample bytes to mono float (channel average). Trailing
 * bytes that do not make a whole frame are ignored; callers carry them into the next chunk.
 */
export function decodeWavFrames(bytes: Uint8Array, format: WavFormat): Float32Array {
  const { channels, bitsPerSample, float, blockAlign } = format;
  const n = Math.floor(bytes.length / blockAlign);
  const out = new Float32Array(n);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = bitsPerSample / 8;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) {
      const o = i * blockAlign + c * width;
      let v: number;
      if (float) v = bitsPerSample === 32 ? view.getFloat32(o, true) : view.getFloat64(o, true);
      else if (bitsPerSample === 8) v = (bytes[o]! - 128) / 128;
      else if (bitsPerSample === 16) v = view.getInt16(o, true) / 32768;
      else if (bitsPerSample === 24)
        v = (((bytes[o]! | (bytes[o + 1]! << 8) | (bytes[o + 2]! << 16)) << 8) >> 8) / 8388608;
      else v = view.getInt32(o, true) / 2147483648;
      sum += Number.isFinite(v) ? v : 0;
    }
    out[i] = sum / channels;
  }
  return out;
}
