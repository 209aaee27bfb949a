/**
 * Candidate-side live analysis for a room: the SDK's face analyser and audio capture run on this
 * device, on clones of the camera and microphone tracks, and every `intervalMs` their rows are
 * reduced to one cue message. Only consented channels ever start; a paused channel is stopped
 * (nothing is analysed while paused), not merely hidden.
 */
import { HireNetError } from '../util/errors.ts';
import { startAudioCapture, type AudioCapture, type AudioCaptureOptions } from '../audio/capture.ts';
import { createFaceAnalyzer, type FaceAnalyzer } from '../video/face-analyzer.ts';
import type { FaceAnalyzerOptions } from '../video/options.ts';
import type { LiveSession } from '../video/live-tap.ts';
import { VideoError } from '../video/errors.ts';
import { PostureTracker } from '../video/pose-cues.ts';
import type { PoseFrame } from '../video/pose-frame.ts';
import type { PoseOptions } from '../video/pose-options.ts';
import type { TranscriptInput } from '../text/transcript-parse.ts';
import {
  CUE_VERSION,
  encodeCueMessage,
  type ChannelState,
  type CueChannel,
  type CueMessage,
  type WordsState,
} from './cue-schema.ts';
import { faceCues, type FaceRowLike } from './face-cues.ts';
import { round } from './round.ts';
import { VoiceCueTracker } from './voice-cues.ts';
import { WordsChannel, type WordsOptions } from './words-channel.ts';

/** A channel the candidate can pause: the two cue sections and the words. */
export type LiveChannel = CueChannel | 'words';

export interface CueAnalysisOptions {
  readonly stream: MediaStream;
  /** Per-channel consent; a channel without it stays `off` and is never started. */
  readonly consent: { readonly face: boolean; readonly voice: boolean; readonly words?: boolean };
  /**
   * Where words come from (an on-device transcriber, or only `supplyWords`). Absent: this page
   * cannot offer words, and the channel is `unavailable` whatever the consent.
   */
  readonly words?: WordsOptions;
  /** Needed when face consent is given (self-hosted MediaPipe wasm and model). */
  readonly face?: FaceAnalyzerOptions;
  /**
   * Posture cues under the same camera consent: a self-hosted pose model, analysed on frames the
   * face does not use (default 5 per second; skipped first when the device falls behind). Without
   * it `posture` is always null.
   */
  readonly pose?: PoseOptions;
  /** Needed for the voice channel outside Vite (the capture worklet URL). */
  readonly audio?: AudioCaptureOptions;
  /** Default 2000 ms. */
  readonly intervalMs?: number;
  /** Analysed camera frames per second. Default 4: cues over 2 s need no more, and the CPU also encodes video. */
  readonly faceFps?: number;
  /** Each message as sent: the object and its exact text. */
  readonly onCue: (cue: CueMessage, text: string) => void;
  /**
   * The pose model could not be loaded (wrong URL or sha256): face cues go on, `posture` stays
   * null, and here is why (a `video-model` error).
   */
  readonly onPostureError?: (error: VideoError) => void;
  /**
   * A channel that could not start or stopped on an error is turned `off` (words: `unavailable`,
   * e.g. a `recognition-failed` TranscriberError); here is why.
   */
  readonly onChannelError?: (channel: LiveChannel, error: unknown) => void;
}

export interface CueAnalysis {
  state(channel: CueChannel): ChannelState;
  state(channel: LiveChannel): WordsState;
  pause(channel: LiveChannel): Promise<void>;
  resume(channel: LiveChannel): Promise<void>;
  /**
   * Words of the current answer from the host (its own on-device recogniser, a typed transcript):
   * counted on this device, only the top words and counts are sent. False while the words
   * channel is not on; `invalid-transcript` on malformed input.
   */
  supplyWords(input: TranscriptInput): boolean;
  /** The next words start a new answer (also after `answerGapSeconds` without words). */
  nextAnswer(): void;
  stop(): Promise<void>;
}

interface FaceRun {
  readonly track: MediaStreamTrack;
  readonly live: LiveSession;
}
interface VoiceRun {
  readonly track: MediaStreamTrack;
  readonly capture: AudioCapture;
  readonly tracker: VoiceCueTracker;
}

export async function startCueAnalysis(o: CueAnalysisOptions): Promise<CueAnalysis> {
  const interval = o.intervalMs ?? 2000;
  if (!(interval >= 250 && interval <= 60_000))
    throw new HireNetError('invalid-options', `intervalMs must be in [250, 60000], got ${interval}`);
  if (o.consent.face && o.face === undefined)
    throw new HireNetError('invalid-options', 'face consent needs the face analyser options (o.face)');
  const state: Record<CueChannel, ChannelState> = {
    face: o.consent.face ? 'on' : 'off',
    voice: o.consent.voice ? 'on' : 'off',
  };
  const camera = o.stream.getVideoTracks()[0];
  const mic = o.stream.getAudioTracks()[0];
  if (camera === undefined) state.face = 'off';
  if (mic === undefined) state.voice = 'off';
  const words = new WordsChannel(
    o.words === undefined ? 'unavailable' : o.consent.words === true ? 'on' : 'off',
    o.words,
    mic,
    (e) => o.onChannelError?.('words', e),
  );
  let analyzer: FaceAnalyzer | undefined;
  let face: FaceRun | undefined;
  let voice: VoiceRun | undefined;
  let faceRows: FaceRowLike[] = [];
  let poseFrames: PoseFrame[] = [];
  const posture = new PostureTracker();
  const t0 = performance.now();
  let last = t0;
  let seq = 0;
  let stopped = false;
  let ticking = false;

  const channelFailed = (ch: CueChannel, e: unknown): void => {
    state[ch] = 'off';
    o.onChannelError?.(ch, e);
  };
  const startFace = (): void => {
    if (camera === undefined || o.face === undefined) return;
    analyzer ??= createFaceAnalyzer({
      ...o.face,
      fps: o.faceFps ?? 4,
      fileWorkers: 1,
      ...(o.pose === undefined ? {} : { pose: o.pose }),
    });
    const track = camera.clone();
    const live = analyzer.startLive(track, {
      fps: o.faceFps ?? 4,
      // Rows of a run that was paused meanwhile are dropped, not counted into the next span.
      onRows: (rows) => (face?.live === live ? faceRows.push(...rows) : undefined),
      ...(o.pose === undefined
        ? {}
        : {
            onPose: (frames: PoseFrame[], unavailable?: string) => {
              if (unavailable !== undefined) o.onPostureError?.(new VideoError('video-model', unavailable));
              else if (face?.live === live) poseFrames.push(...frames);
            },
          }),
    });
    live.done.catch((e: unknown) => (face?.live === live ? channelFailed('face', e) : undefined));
    face = { track, live };
  };
  const stopFace = async (): Promise<void> => {
    const f = face;
    face = undefined;
    faceRows = [];
    poseFrames = [];
    if (f === undefined) return;
    await f.live.stop().catch(() => undefined);
    f.track.stop();
  };
  const startVoice = async (): Promise<void> => {
    if (mic === undefined) return;
    const track = mic.clone();
    try {
      const capture = await startAudioCapture(new MediaStream([track]), o.audio ?? {});
      voice = { track, capture, tracker: new VoiceCueTracker() };
    } catch (e) {
      track.stop();
      channelFailed('voice', e);
    }
  };
  const stopVoice = async (): Promise<void> => {
    const v = voice;
    voice = undefined;
    if (v === undefined) return;
    await v.capture.close();
    v.track.stop();
  };

  const tick = async (): Promise<void> => {
    if (ticking || stopped) return;
    ticking = true;
    try {
      const now = performance.now();
      const span = (now - last) / 1000;
      last = now;
      const rows = faceRows;
      faceRows = [];
      const frames = poseFrames;
      poseFrames = [];
      const v = voice;
      const batch = state.voice === 'on' && v !== undefined ? await v.capture.take().catch(() => null) : null;
      const cue: CueMessage = {
        v: CUE_VERSION,
        seq: seq++,
        t: round((now - t0) / 1000, 2),
        span: round(span, 2),
        channels: { ...state, words: words.state },
        face: state.face === 'on' ? faceCues(rows) : null,
        posture: state.face === 'on' ? posture.take(frames) : null,
        voice:
          state.voice === 'on' && batch !== null && v !== undefined
            ? v.tracker.take(batch.rows, batch.columns, span)
            : null,
        keywords: words.take(),
      };
      if (!stopped) o.onCue(cue, encodeCueMessage(cue));
    } finally {
      ticking = false;
    }
  };

  if (state.face === 'on') {
    try {
      startFace();
    } catch (e) {
      channelFailed('face', e);
    }
  }
  if (state.voice === 'on') await startVoice();
  const timer = setInterval(() => void tick(), interval);

  return {
    state: ((ch: LiveChannel) => (ch === 'words' ? words.state : state[ch])) as CueAnalysis['state'],
    supplyWords: (input) => words.supply(input),
    nextAnswer: () => words.nextAnswer(),
    async pause(ch) {
      if (ch === 'words') return words.pause();
      if (state[ch] !== 'on') return;
      state[ch] = 'paused';
      await (ch === 'face' ? stopFace() : stopVoice());
    },
    async resume(ch) {
      if (ch === 'words') return stopped ? undefined : words.resume();
      if (state[ch] !== 'paused' || stopped) return;
      state[ch] = 'on';
      if (ch === 'face') startFace();
      else await startVoice();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      words.stop();
      await Promise.all([stopFace(), stopVoice()]);
      analyzer?.close();
    },
  };
}
