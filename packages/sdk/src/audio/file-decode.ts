/**
 * Streamed decoding of a recorded file in the browser (worker or page): mediabunny (MPL-2.0)
 * demuxes mp4/mov, webm/mkv, wav, ogg, mp3, flac, aac…, WebCodecs decodes, and the samples are
 * down-mixed and handed over block by block, so an hour-long recording never sits in memory
 * whole (decodeAudioData would hold all of it, decoded, at once).
 */
import { ALL_FORMATS, AudioSampleSink, BlobSource, Input, type InputAudioTrack } from 'mediabunny';
import { AudioInputError } from './errors.ts';

export interface DecodedBlock {
  readonly pcm: Float32Array;
  readonly sampleRate: number;
}

export async function* decodeAudioBlob(blob: Blob): AsyncGenerator<DecodedBlock> {
  if (blob.size === 0) throw new AudioInputError('empty-input', 'the file is empty');
  const input = new Input({ source: new BlobSource(blob), formats: ALL_FORMATS });
  try {
    let track: InputAudioTrack | null;
    try {
      track = await input.getPrimaryAudioTrack();
    } catch (e) {
      throw new AudioInputError('not-audio', `not a media file this decoder knows: ${(e as Error).message}`, {
        cause: e,
      });
    }
    if (!track) throw new AudioInputError('not-audio', 'the file has no audio track');
    if (!(await track.canDecode())) {
      throw new AudioInputError(
        'unsupported-format',
        `this browser cannot decode the file's audio codec (${String(track.codec)})`,
      );
    }
    let plane = new Float32Array(0);
    for await (const sample of new AudioSampleSink(track).samples()) {
      try {
        const n = sample.numberOfFrames;
        const channels = sample.numberOfChannels;
        const mono = new Float32Array(n);
        if (plane.length < n) plane = new Float32Array(n);
        for (let c = 0; c < channels; c++) {
          sample.copyTo(plane, { planeIndex: c, format: 'f32-planar' });
          for (let i = 0; i < n; i++) mono[i] = mono[i]! + plane[i]! / channels;
        }
        yield { pcm: mono, sampleRate: sample.sampleRate };
      } finally {
        sample.close();
      }
    }
  } finally {
    input.dispose();
  }
}
