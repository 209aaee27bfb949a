/**
 * What an uploaded recording holds, read from its container header only (nothing decoded):
 * which tracks exist and whether this browser can decode them. The session decides from this
 * which channels to analyse, and tells "no video track" (a wav: audio-only, as intended) apart
 * from "a video track we cannot read" without parsing error messages of the extractors.
 */
import { ALL_FORMATS, BlobSource, Input } from 'mediabunny';

/**
 * `ok`: present and decodable here; `none`: absent; `undecodable`: present, codec unsupported;
 * `unknown`: the container could not be read (decodeAudioData may still read the audio).
 */
export type TrackState = 'ok' | 'none' | 'undecodable' | 'unknown';

export interface FileTracks {
  /** False when the container itself could not be parsed (corrupt, or not a media file). */
  readonly readable: boolean;
  readonly audio: TrackState;
  readonly video: TrackState;
  /** Why the file or a track is not usable, for messages. */
  readonly reason?: string;
}

export async function probeAnswerFile(file: Blob): Promise<FileTracks> {
  if (file.size === 0) return { readable: false, audio: 'none', video: 'none', reason: 'the file is empty' };
  const unreadable = (reason: string): FileTracks => ({ readable: false, audio: 'unknown', video: 'unknown', reason });
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const [audio, video] = await Promise.all([input.getPrimaryAudioTrack(), input.getPrimaryVideoTrack()]);
    // A container with no track at all is what a truncated mp4 (index at the end) looks like.
    if (audio === null && video === null)
      return unreadable('no audio or video track was found (a truncated or damaged file?)');
    const state = async (t: typeof audio | typeof video): Promise<TrackState> =>
      t === null ? 'none' : (await t.canDecode()) ? 'ok' : 'undecodable';
    const a = await state(audio);
    const v = await state(video);
    const codecs = [
      a === 'undecodable' ? `audio codec ${String(audio?.codec)}` : '',
      v === 'undecodable' ? `video codec ${String(video?.codec)}` : '',
    ].filter(Boolean);
    return {
      readable: true,
      audio: a,
      video: v,
      ...(codecs.length === 0 ? {} : { reason: `this browser cannot decode the ${codecs.join(' or the ')}` }),
    };
  } catch (e) {
    return unreadable(`not a media file this browser can read (${e instanceof Error ? e.message : String(e)})`);
  } finally {
    input.dispose();
  }
}
