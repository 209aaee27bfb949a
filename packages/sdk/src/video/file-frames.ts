import { ALL_FORMATS, BlobSource, Input, VideoSampleSink } from 'mediabunny';
import { VideoError } from './errors.ts';
import { frameTimes } from './options.ts';

/** A decoded frame at a deterministic analysis time. The consumer must close `frame`. */
export interface TimedFrame {
  /** k / fps, seconds from the start of the video track. */
  readonly time: number;
  /** null when no frame is shown at that time (before the track's first frame). */
  readonly frame: VideoFrame | null;
}

export interface FileInfo {
  readonly duration: number;
  readonly width: number;
  readonly height: number;
  readonly codec: string;
  /** Number of analysis times k / fps in [0, duration). */
  readonly frames: number;
}

/**
 * Decodes a recorded file (mp4/mov or webm/mkv; H.264, VP8, VP9, AV1 as the browser allows)
 * with WebCodecs, at the times k / fps only — as fast as the decoder goes, not at playback
 * speed. mediabunny (MPL-2.0) demuxes; each packet is decoded at most once because the times
 * are sorted. For a time between two frames the frame shown at that time is used.
 */
export async function openVideoFile(
  blob: Blob,
  fps: number,
  from = 0,
  to = Infinity,
): Promise<{ info: FileInfo; frames: AsyncGenerator<TimedFrame>; close(): void }> {
  const input = new Input({ source: new BlobSource(blob), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new VideoError('video-decode', 'the file has no video track');
    if (!(await track.canDecode())) {
      throw new VideoError(
        'video-decode',
        `this browser cannot decode the file's video codec (${String(await track.getCodec())})`,
      );
    }
    const start = await track.getFirstTimestamp();
    const end = await track.computeDuration();
    const duration = Math.max(0, end - start);
    const times = frameTimes(duration, fps);
    const info: FileInfo = {
      duration,
      width: await track.getDisplayWidth(),
      height: await track.getDisplayHeight(),
      codec: String(await track.getCodec()),
      frames: times.length,
    };
    // Only the requested range is decoded (from the key frame before `from`).
    const wanted = times.filter((t) => t >= from - 1e-9 && t < to - 1e-9);
    const sink = new VideoSampleSink(track);
    async function* frames(): AsyncGenerator<TimedFrame> {
      let k = 0;
      try {
        for await (const sample of sink.samplesAtTimestamps(wanted.map((t) => start + t))) {
          const time = wanted[k++] ?? 0;
          if (!sample) {
            yield { time, frame: null };
            continue;
          }
          const frame = sample.toVideoFrame();
          sample.close();
          yield { time, frame };
        }
      } catch (e) {
        throw e instanceof VideoError
          ? e
          : new VideoError('video-decode', `decoding failed at ${(wanted[k - 1] ?? 0).toFixed(2)} s: ${String(e)}`, {
              cause: e,
            });
      }
    }
    return { info, frames: frames(), close: () => input.dispose() };
  } catch (e) {
    input.dispose();
    if (e instanceof VideoError) throw e;
    throw new VideoError('video-decode', `not a readable video file: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
}
