/**
 * An uploaded recording of one answer → the same raw extractor output a live answer gives:
 * audio through the SDK's file path (`analyzeAudioFile`: WebCodecs in the audio worker,
 * decodeAudioData as fallback), video through the face analyser's file analysis (vision
 * worker, faster than real time). A channel the file lacks or cannot deliver becomes a
 * warning; a file that yields no channel at all is a typed SessionError, thrown before the
 * session changes anything, so the answers already recorded survive.
 */
import type { AudioResult } from '../audio/audio-worker.ts';
import { analyzeAudioFile } from '../audio/capture.ts';
import type { AudioWorkerPool } from '../audio/worker-pool.ts';
import { AudioInputError } from '../audio/errors.ts';
import type { FaceAnalyzer } from '../video/face-analyzer.ts';
import type { VideoFrameRow } from '../video/frame-row.ts';
import type { PoseFrame } from '../video/pose-frame.ts';
import { SessionError } from './errors.ts';
import type { FileTracks } from './file-probe.ts';
import type { SessionWarningCode } from './types.ts';

export interface AnswerFileOptions {
  /** Analyse the audio channel (consented and modelled). */
  readonly audio: boolean;
  /** The face analyser when the video channel is consented and modelled, else null. */
  readonly faces: FaceAnalyzer | null;
  /** The session's audio worker (started once, reused); absent: one started for this file. */
  readonly audioWorkers?: AudioWorkerPool;
}

export interface AnalysedFile {
  /** Length of the answer: the longer of the two channels analysed. */
  readonly seconds: number;
  readonly audio: AudioResult | null;
  /** Face rows, or null when video was not analysed for this answer. */
  readonly videoRows: VideoFrameRow[] | null;
  /** Pose frames, with a pose model that started (posture columns); null otherwise. */
  readonly poseFrames: PoseFrame[] | null;
  /** Channels the file could not give; to be recorded once the answer is stored. */
  readonly warnings: readonly { readonly code: SessionWarningCode; readonly message: string }[];
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The container reader (mediabunny, ~300 KB of the page's code) is loaded with the first upload:
 * a page that only records live answers never downloads it. If it cannot load, the file counts as
 * unreadable by it, as a container it cannot parse does (the decoders may still read the audio).
 */
async function probe(file: Blob): Promise<FileTracks> {
  let mod: typeof import('./file-probe.ts');
  try {
    mod = await import('./file-probe.ts');
  } catch (e) {
    const reason = `the file reader could not be loaded (${messageOf(e)})`;
    return { readable: false, audio: 'unknown', video: 'unknown', reason };
  }
  return mod.probeAnswerFile(file);
}

export async function analyzeAnswerFile(file: Blob, o: AnswerFileOptions): Promise<AnalysedFile> {
  const tracks = await probe(file);
  const warnings: { code: SessionWarningCode; message: string }[] = [];
  const failures: unknown[] = [];
  let workerFault: AudioInputError | undefined;

  // Video only from a track this browser decodes; an absent track is the audio-only case.
  // Warnings are only recorded if the answer is stored (a thrown error discards them).
  let video: Promise<{ rows: VideoFrameRow[]; seconds: number; poses: PoseFrame[] | null } | null> =
    Promise.resolve(null);
  if (o.faces !== null && tracks.video === 'ok') {
    const faces = o.faces;
    video = faces.analyzeFile(file).then(
      (f) => ({ rows: f.rows, seconds: f.stats.duration, poses: f.poses }),
      (e: unknown) => {
        failures.push(e);
        // Every restart of the worker failed: the worker itself, not the file, is at fault.
        const code = (e as { code?: string }).code === 'video-worker' ? 'vision-worker-failed' : 'no-camera';
        warnings.push({
          code,
          message: `the file's video could not be analysed (${messageOf(e)}): this answer is scored from audio only`,
        });
        return null;
      },
    );
  } else if (o.faces !== null) {
    warnings.push({
      code: 'no-camera',
      message:
        tracks.readable && tracks.video === 'none'
          ? 'the file has no video track: this answer is scored from audio only'
          : `${tracks.reason ?? 'the video track cannot be decoded'}: this answer is scored from audio only`,
    });
  }
  // Audio is tried even when the container probe failed: decodeAudioData reads a few formats
  // the demuxer does not. Only a track known to be absent is skipped.
  let audio: Promise<AudioResult | null> = Promise.resolve(null);
  if (o.audio && tracks.audio !== 'none') {
    const workers = o.audioWorkers === undefined ? {} : { workers: o.audioWorkers };
    audio = analyzeAudioFile(file, { keepFrames: false, ...workers }).catch((e: unknown) => {
      // A worker that cannot load is a deployment fault, raised below; never "the file has no audio".
      if (e instanceof AudioInputError && e.code === 'audio-worker-failed') {
        workerFault = e;
        return null;
      }
      failures.push(e);
      warnings.push({
        code: 'no-microphone',
        message: `the file's audio could not be analysed (${messageOf(e)}): this answer is scored from video only`,
      });
      return null;
    });
  } else if (o.audio) {
    warnings.push({
      code: 'no-microphone',
      message: 'the file has no audio track: this answer is scored from video only',
    });
  }
  const [a, v] = await Promise.all([audio, video]);
  if (workerFault !== undefined)
    throw new SessionError('audio-worker-failed', workerFault.message, { cause: workerFault });

  if (a === null && v === null) {
    const cause = failures[0];
    if (cause === undefined && tracks.readable) {
      throw new SessionError(
        'no-media',
        [
          `the file has no ${o.audio && o.faces !== null ? 'audio or video' : o.audio ? 'audio' : 'video'}`,
          'track this session may analyse',
        ].join(' '),
      );
    }
    const why = !tracks.readable || cause === undefined ? (tracks.reason ?? messageOf(cause)) : messageOf(cause);
    throw new SessionError('unreadable-file', `the file could not be analysed: ${why}`, {
      cause: cause ?? new Error(why),
    });
  }
  const seconds = Math.max(a?.summary.durationSeconds ?? 0, v?.seconds ?? 0);
  return { seconds, audio: a, videoRows: v?.rows ?? null, poseFrames: v?.poses ?? null, warnings };
}
