/**
 * Browser glue for one answer: taps the host's stream from beginAnswer to endAnswer with the
 * existing extractors (audio: AudioWorklet → worker; video: MediaStreamTrackProcessor → vision
 * worker) and hands back their raw output. Failures of one channel become warnings, so the
 * other channel (and the answers already recorded) survive; an audio worker that cannot load
 * at all is a typed error (`audio-worker-failed`). Every wait on a worker has a deadline, so
 * `stop()` settles even when a worker is dead or blocked.
 */
import { startAudioCapture } from '../audio/capture.ts';
import type { AudioResult } from '../audio/audio-worker.ts';
import type { AudioWorkerPool } from '../audio/worker-pool.ts';
import { AudioInputError } from '../audio/errors.ts';
import type { FaceAnalyzer } from '../video/face-analyzer.ts';
import type { LiveAnalysis, LiveOptions, LiveSession } from '../video/live-tap.ts';
import type { PoseFrame } from '../video/pose-frame.ts';
import { AudioCollector, type CollectedAudio } from './audio-collector.ts';
import { SessionError } from './errors.ts';
import { lostSeconds, roundSeconds } from './gaps.ts';
import type { SessionModality, SessionWarningCode } from './types.ts';

export interface CapturedAnswer {
  readonly seconds: number;
  readonly audio: AudioResult | null;
  readonly video: LiveAnalysis | null;
  /** Pose frames when the analyser has a pose model that started (posture columns); null otherwise. */
  readonly poses: PoseFrame[] | null;
  /** True when video was wanted for this answer (a track and an analyser existed). */
  readonly videoTried: boolean;
  readonly audioTried: boolean;
}

/** What a warning adds to its code and message. */
export interface WarningExtra {
  readonly secondsLost?: number;
  readonly modality?: SessionModality;
}

export interface AnswerCaptureOptions {
  readonly audio: boolean;
  readonly faces: FaceAnalyzer | null;
  readonly workletUrl: string;
  /** The session's audio worker (started once, reused); absent: one started for this answer. */
  readonly audioWorkers?: AudioWorkerPool;
  readonly onWarning: (code: SessionWarningCode, message: string, extra?: WarningExtra) => void;
  /** Each batch of analysed frames: whether the latest had a face, at which second of the answer. */
  readonly onFace?: (present: boolean, seconds: number) => void;
}

export interface AnswerCapture {
  stop(): Promise<CapturedAnswer>;
  /** Drops everything (session closed mid-answer). */
  abort(): Promise<void>;
}

/** How long each channel may take to hand over its last results after endAnswer; then it is given up. */
export const STOP_DEADLINE_MS = 3000;
/** Track states are checked this often: a stopped track fires no 'ended' event. */
const TRACK_POLL_MS = 250;

const live = (t: MediaStreamTrack | undefined): t is MediaStreamTrack => t !== undefined && t.readyState === 'live';
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function startAnswerCapture(stream: MediaStream, o: AnswerCaptureOptions): Promise<AnswerCapture> {
  const t0 = performance.now();
  const elapsed = (): number => (performance.now() - t0) / 1000;
  const audioTrack = stream.getAudioTracks().find((t) => t.readyState === 'live');
  const videoTrack = stream.getVideoTracks()[0];
  let audio: AudioCollector | null = null;
  let video: LiveSession | null = null;
  const audioTried = o.audio && audioTrack !== undefined;
  if (o.audio && audioTrack === undefined) {
    o.onWarning('no-microphone', 'the stream has no live audio track: this answer has no audio');
  }
  if (audioTried) {
    try {
      const capture = await startAudioCapture(new MediaStream([audioTrack]), {
        workletUrl: o.workletUrl,
        ...(o.audioWorkers === undefined ? {} : { workers: o.audioWorkers }),
      });
      audio = new AudioCollector(capture);
    } catch (e) {
      // A worker that cannot load is a deployment fault, not a missing microphone: the host must hear of it.
      if (e instanceof AudioInputError && e.code === 'audio-worker-failed') {
        throw new SessionError('audio-worker-failed', e.message, { cause: e });
      }
      o.onWarning('no-microphone', `audio capture could not start: ${messageOf(e)}`);
    }
  }
  const videoTried = o.faces !== null && videoTrack !== undefined;
  const poses: PoseFrame[] = [];
  let poseOff = false;
  if (o.faces !== null && videoTrack !== undefined && !live(videoTrack)) {
    o.onWarning('track-ended', 'the camera track has ended: this answer has no video');
  } else if (o.faces !== null && videoTrack === undefined) {
    o.onWarning('no-camera', 'the stream has no video track: this answer has no video');
  } else if (o.faces !== null && live(videoTrack)) {
    const onFace = o.onFace;
    const liveOpts: LiveOptions = {
      ...(onFace === undefined
        ? {}
        : {
            onRows: (rows) => {
              const last = rows[rows.length - 1];
              if (last !== undefined) onFace(last.face === 1, last.time);
            },
          }),
      // Posture columns: the worker interleaves the pose with the face (pose-schedule.ts).
      ...(o.faces.options.pose === null
        ? {}
        : {
            onPose: (frames: PoseFrame[], unavailable?: string) => {
              if (unavailable !== undefined) poseOff = true;
              poses.push(...frames);
            },
          }),
    };
    video = o.faces.startLive(videoTrack, liveOpts);
    // Observed so that a failed loop is never an unhandled rejection; stop() reads the outcome.
    video.done.catch(() => undefined);
  }

  // When each track stopped, seen on this thread (a loaded worker may notice much later, or never).
  const ended: Partial<Record<SessionModality, number>> = {};
  const tracks: [SessionModality, MediaStreamTrack | undefined][] = [
    ['audio', audio === null ? undefined : audioTrack],
    ['video', video === null ? undefined : videoTrack],
  ];
  const checkTracks = (): void => {
    for (const [m, t] of tracks)
      if (t !== undefined && ended[m] === undefined && t.readyState !== 'live') ended[m] = elapsed();
  };
  const poll = setInterval(checkTracks, TRACK_POLL_MS);

  return {
    async stop() {
      const seconds = elapsed();
      checkTracks();
      clearInterval(poll);
      const [a, v] = await Promise.all([
        audio === null ? null : audio.finish(STOP_DEADLINE_MS),
        video === null ? null : stopVideo(video, seconds),
      ]);
      await audio?.close();
      if (a !== null) audioWarnings(a, seconds, ended.audio, o.onWarning);
      if (v !== null) videoWarnings(v, seconds, ended.video, o.onWarning);
      const videoUsed = videoTried && video !== null;
      return {
        seconds,
        audio: a?.result ?? null,
        video: v?.analysis ?? null,
        poses: video === null || o.faces?.options.pose == null || poseOff ? null : [...poses],
        videoTried: videoUsed,
        audioTried: audio !== null,
      };
    },
    async abort() {
      clearInterval(poll);
      await Promise.allSettled([audio?.close(), video === null ? undefined : stopVideo(video, 0)]);
    },
  };
}

interface StoppedVideo {
  readonly analysis: LiveAnalysis;
  /** Why the live loop did not end normally (worker dead, blocked past the deadline); null if it did. */
  readonly failure: string | null;
}

/** The live loop's result, or, when its worker fails or misses the deadline, the rows received so far. */
async function stopVideo(video: LiveSession, seconds: number): Promise<StoppedVideo> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), STOP_DEADLINE_MS);
  });
  let failure: string;
  try {
    const r = await Promise.race([video.stop(), late]);
    if (r !== 'late') return { analysis: r, failure: null };
    const why = `did not stop within ${STOP_DEADLINE_MS / 1000} s of the end of the answer`;
    video.abandon(why);
    failure = `the vision worker ${why}`;
  } catch (e) {
    failure = messageOf(e);
  } finally {
    clearTimeout(timer);
  }
  const rows = [...video.rows];
  const analysis: LiveAnalysis = {
    rows,
    mode: video.mode,
    duration: seconds,
    analysed: rows.length,
    coverage: 0,
    restarts: 0,
    warnings: [],
  };
  return { analysis, failure };
}

type Warn = AnswerCaptureOptions['onWarning'];

function audioWarnings(a: CollectedAudio, seconds: number, endedAt: number | undefined, warn: Warn): void {
  const until = Math.min(seconds, endedAt ?? seconds);
  if (endedAt !== undefined) {
    const lost = roundSeconds(seconds - endedAt);
    const message = [
      `the microphone track ended ${endedAt.toFixed(1)} s into the answer: its last ${lost.toFixed(1)}`,
      's have no audio',
    ].join(' ');
    warn('microphone-ended', message, { secondsLost: lost, modality: 'audio' });
  }
  if (a.failure !== null) {
    const lost = roundSeconds(Math.max(0, until - a.coveredSeconds));
    const kept =
      a.result === null ? 'no audio was kept' : `${a.coveredSeconds.toFixed(1)} s of audio analysed before it are kept`;
    warn('audio-worker-crashed', `audio analysis stopped: ${a.failure.message}; ${kept}`, {
      secondsLost: lost,
      modality: 'audio',
    });
  }
}

function videoWarnings(v: StoppedVideo, seconds: number, monitoredEnd: number | undefined, warn: Warn): void {
  const r = v.analysis;
  // The live loop also notices the end of its track; this thread's observation is the earlier one.
  const loopEnd = r.warnings.some((w) => w.code === 'video-track-ended') ? r.duration : undefined;
  const endedAt = monitoredEnd ?? loopEnd;
  const until = Math.min(seconds, endedAt ?? seconds);
  if (endedAt !== undefined) {
    const lost = roundSeconds(Math.max(0, seconds - endedAt));
    const message =
      `the camera track ended ${endedAt.toFixed(1)} s into the answer; ${r.rows.length} frames kept, ` +
      `the last ${lost.toFixed(1)} s have no video`;
    warn('track-ended', message, { secondsLost: lost, modality: 'video' });
  }
  const gap = roundSeconds(
    lostSeconds(
      r.rows.map((row) => row.time),
      0,
      until,
    ),
  );
  const extra = { secondsLost: gap, modality: 'video' } as const;
  if (v.failure !== null) {
    warn(
      'worker-crashed',
      `face analysis stopped (${v.failure}); ${r.rows.length} frames received before are kept`,
      extra,
    );
  } else if (r.restarts > 0) {
    // The analyser restarts a dead worker and resumes; the frames it missed are a gap worth saying.
    const message =
      `the vision worker crashed ${r.restarts} time(s) during the answer and was restarted; ` +
      'frames during the restart are missing';
    warn('worker-crashed', message, extra);
  } else if (gap > 0) {
    const message =
      `face analysis delivered no frame for ${gap.toFixed(1)} s of the answer (worker blocked or late); ` +
      'those seconds have no video';
    warn('analysis-gap', message, extra);
  }
}
