/**
 * Node-side audio input for the CLI: WAVE files are parsed natively and streamed in 64 KB
 * reads; anything else (webm, mp4, mp3, ogg, flac…) is decoded by ffmpeg when it is installed,
 * streamed from its stdout as 16 kHz mono float. Memory stays bounded for any file length.
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { AudioInputError } from '@hirenet/sdk/internal/audio/errors';
import { decodeWavFrames, looksLikeWav, parseWavHeader, type WavFormat } from '@hirenet/sdk/internal/audio/wav';
import { ffmpegPath } from './ffmpeg-path.ts';

export interface AudioSource {
  readonly sampleRate: number;
  /** 'wav' or 'ffmpeg'. */
  readonly decoder: string;
  /** A fresh pass over the file's mono PCM, in chunks (call again for a second pass). */
  chunks(): AsyncIterable<Float32Array>;
}

const HEAD_BYTES = 1 << 20;
/** What ffmpeg says when the input has no decodable audio (vs. a failure of ffmpeg itself). */
const NOT_AUDIO = new RegExp(
  [
    'Invalid data',
    'does not contain any stream',
    'Output file #0 does not contain',
    'matches no streams',
    'could not find codec',
  ].join('|'),
  'i',
);

export async function openAudioFile(path: string): Promise<AudioSource> {
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new AudioInputError('not-audio', `${path} is not a regular file`);
    size = st.size;
  } catch (e) {
    if (e instanceof AudioInputError) throw e;
    throw new AudioInputError('not-audio', `cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  if (size === 0) throw new AudioInputError('empty-input', `${path} is empty`);
  const fh = await open(path, 'r');
  const head = new Uint8Array(Math.min(size, HEAD_BYTES));
  try {
    await fh.read(head, 0, head.length, 0);
  } finally {
    await fh.close();
  }
  if (looksLikeWav(head)) return wavSource(path, parseWavHeader(head), size);
  return ffmpegSource(path);
}

function wavSource(path: string, fmt: WavFormat, size: number): AudioSource {
  const end = fmt.dataLength === undefined ? size : Math.min(size, fmt.dataOffset + fmt.dataLength);
  if (end <= fmt.dataOffset) throw new AudioInputError('empty-input', `${path} has no samples`);
  return {
    sampleRate: fmt.sampleRate,
    decoder: 'wav',
    async *chunks() {
      let carry = new Uint8Array(0);
      const stream = createReadStream(path, { start: fmt.dataOffset, end: end - 1, highWaterMark: 1 << 16 });
      for await (const buf of stream as AsyncIterable<Buffer>) {
        const bytes = new Uint8Array(carry.length + buf.length);
        bytes.set(carry);
        bytes.set(buf, carry.length);
        const whole = bytes.length - (bytes.length % fmt.blockAlign);
        yield decodeWavFrames(bytes.subarray(0, whole), fmt);
        carry = bytes.slice(whole);
      }
    },
  };
}

function ffmpegSource(path: string): AudioSource {
  const ffmpeg = ffmpegPath();
  if (ffmpeg === undefined) {
    throw new AudioInputError('decoder-missing', `${path} is not a WAVE file and ffmpeg is not installed to decode it`);
  }
  const rate = 16000;
  return {
    sampleRate: rate,
    decoder: 'ffmpeg',
    async *chunks() {
      const child = spawn(
        ffmpeg,
        ['-nostdin', '-v', 'error', '-i', path, '-vn', '-ac', '1', '-ar', String(rate), '-f', 'f32le', '-'],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let errText = '';
      child.stderr.on('data', (d: Buffer) => {
        if (errText.length < 4000) errText += d.toString();
      });
      const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
      let carry = new Uint8Array(0);
      let total = 0;
      try {
        for await (const buf of child.stdout as AsyncIterable<Buffer>) {
          const bytes = new Uint8Array(carry.length + buf.length);
          bytes.set(carry);
          bytes.set(buf, carry.length);
          const whole = bytes.length - (bytes.length % 4);
          const view = new DataView(bytes.buffer, bytes.byteOffset, whole);
          const out = new Float32Array(whole / 4);
          for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
          total += out.length;
          carry = bytes.slice(whole);
          yield out;
        }
      } finally {
        if (child.exitCode === null) child.kill();
      }
      const code = await exited;
      if (code !== 0 && total === 0) {
        const msg = errText.trim().split('\n').slice(-2).join(' ');
        const notAudio = NOT_AUDIO.test(errText);
        throw new AudioInputError(
          notAudio ? 'not-audio' : 'decoder-failed',
          `ffmpeg could not decode ${path}: ${msg || `exit ${code}`}`,
        );
      }
      if (total === 0) throw new AudioInputError('empty-input', `${path} has no audio samples`);
    },
  };
}
