/**
 * Browser glue for one answer: taps the host's stream from beginAnswer to endAnswer with the
 * existing extractors (audio: AudioWorklet → worker; video: MediaStreamTrackProcessor → vision
 * worker) and hands back their raw output. Failures of one channel become warnings, so the
 * other channel (and the answers already recorded) survive.
 */
import { startAudioCapture, type AudioCapture } from '../audio/capture.ts';
import type { AudioResult } from '../audio/audio-worker.ts';
import type { FaceAnalyzer } from '../video/face-analyzer.ts';
import type { LiveAnalysis, LiveSession } from '../video/live-tap.ts';
import type { SessionWarningCode } from './types.ts';

export interface CapturedAnswer {
  readonly seconds: number;
  readonly audio: AudioResult | null;
  readonly video: LiveAnalysis | null;
  /** True when video was wanted for this answer (a track and an analyser existed). */
  readonly videoTried: boolean;
  readonly audioTried: boolean;
}

export interface AnswerCaptureOptions {
  readonly audio: boolean;
  readonly faces: FaceAnalyzer | null;
  readonly workletUrl: string;
  readonly onWarning: (code: SessionWarningCode, message: string) => void;
  /** Each batch of analysed frames: whether the latest had a face, at which second of the answer. */
  readonly onFace?: (present: boolean, seconds: number) => void;
}

export interface AnswerCapture {
  stop(): Promise<CapturedAnswer>;
  /** Drops everything (session closed mid-answer). */
  abort(): Promise<void>;
}

const live = (t: MediaStreamTrack | undefined): t is MediaStreamTrack => t !== undefined && t.readyState === 'live';

export async function startAnswerCapture(stream: MediaStream, o: AnswerCaptureOptions): Promise<AnswerCapture> {
  const t0 = performance.now();
  const audioTrack = stream.getAudioTracks().find((t) => t.readyState === 'live');
  const videoTrack = stream.getVideoTracks()[0];
  let audio: AudioCapture | null = null;
  let video: LiveSession | null = null;
  const audioTried = o.audio && audioTrack !== undefined;
  if (o.audio && audioTrack === undefined) o.onWarning('no-microphone', 'the stream has no live audio track: this answer has no audio');
  if (audioTried) {
    try {
      audio = await startAudioCapture(new MediaStream([audioTrack]), { workletUrl: o.workletUrl });
    } catch (e) {
      o.onWarning('no-microphone', `audio capture could not start: ${(e as Error).message}`);
    }
  }
  const videoTried = o.faces !== null && videoTrack !== undefined;
  if (o.faces !== null && videoTrack !== undefined && !live(videoTrack)) {
    o.onWarning('track-ended', 'the camera track has ended: this answer has no video');
  } else if (o.faces !== null && videoTrack === undefined) {
    o.onWarning('no-camera', 'the stream has no video track: this answer has no video');
  } else if (o.faces !== null && live(videoTrack)) {
    const onFace = o.onFace;
    video = o.faces.startLive(videoTrack, onFace === undefined ? undefined : {
      onRows: (rows) => {
        const last = rows[rows.length - 1];
        if (last !== undefined) onFace(last.face === 1, last.time);
      },
    });
    // Reported the moment it happens, not at endAnswer: the host may want to stop the answer.
    void video.done.then(
      (r) => {
        if (r.warnings.some((w) => w.code === 'video-track-ended')) {
          o.onWarning('track-ended', `the camera track ended ${r.duration.toFixed(1)} s into the answer; ${r.rows.length} frames kept`);
        }
      },
      (e: unknown) => o.onWarning('worker-crashed', `face analysis stopped: ${(e as Error).message}`),
    );
  }
  return {
    async stop() {
      const seconds = (performance.now() - t0) / 1000;
      const [a, v] = await Promise.all([
        audio === null ? null : audio.stop().catch((e: unknown) => {
          o.onWarning('worker-crashed', `audio analysis failed: ${(e as Error).message}`);
          return null;
        }),
        // live-tap honours a stop() made before its worker attached (ed925a5), so one call is enough.
        video === null ? null : video.stop().catch(() => null),
      ]);
      await audio?.close();
      // The analyser restarts a dead worker and resumes; the frames it missed are a gap worth saying.
      if (v !== null && v.restarts > 0) o.onWarning('worker-crashed', `the vision worker crashed ${v.restarts} time(s) during the answer and was restarted; frames during the restart are missing`);
      return { seconds, audio: a, video: v, videoTried: videoTried && video !== null, audioTried: audio !== null };
    },
    async abort() {
      await Promise.allSettled([audio?.close(), video?.stop()]);
    },
  };
}
