/**
 * What the extractors returned for one answer → the stored AnswerRecord: window rows in the
 * model's column order (masked windows dropped), feedback statistics, and the warnings that
 * decide what the model may read. Pure, so every rule here is tested in Node.
 */
import type { AudioResult } from '../audio/audio-worker.ts';
import { AUDIO_FEATURE_SCHEMA } from '../audio/schema.ts';
import type { VideoFrameRow } from '../video/frame-row.ts';
import { WINDOW_COLUMNS } from '../video/schema.ts';
import { poolVideoWindows } from '../video/windows.ts';
import type { PoseFrame } from '../video/pose-frame.ts';
import { postureAnswerStats } from '../video/posture-stats.ts';
import { POSTURE_COLUMNS, poolPostureWindows, type PostureWindow } from '../video/posture-windows.ts';
import { projectVideoWindows } from './video-columns.ts';
import { audioAnswerStats, videoAnswerStats } from './answer-stats.ts';
import { windowsToRows, type DroppedWindows } from './rows.ts';
import type { AnswerRecord, PostureRows, SessionModality, SessionWarning } from './types.ts';

/** Below this share of voiced frames and of speech, an answer's audio is silence, not a voice. */
export const SILENCE_VOICED = 0.02;
export const SILENCE_SPEECH = 0.05;
/** Below this share of frames with a face, the video of an answer is flagged (but still used). */
export const LOW_FACE = 0.5;
/**
 * Below this mean luma (Rec. 601 on the frame's RGB, 0–255, over the answer's analysed frames)
 * the video is too dark to trust. A judgement backed by one sweep, not a calibrated limit: the
 * shared clip talk_f1 measures 101.5 as recorded (vrt_face_1: 124.6) and, darkened with ffmpeg
 * `eq=brightness=` −0.2 / −0.3 / −0.35 / −0.45, 48.9 / 33.4 / 27.9 / 15.8. MediaPipe found
 * the face in every frame at every level, so no-face never fires; what degrades is what the
 * model reads: the mean |Δ| of the AU intensities against the lit clip grows 0.008 → 0.011 →
 * 0.012 → 0.017 (mean AU intensity 0.095), and of gazeY 0.027 → 0.087 from −0.2 to −0.45.
 * 40 sits between the mildly dimmed clip (−0.2, not warned) and the −0.3 one (warned).
 */
export const LOW_LIGHT = 40;

/**
 * Share of an answer's video windows that may have no analysed frame before `windows-dropped`
 * says so: live timing moves a window or two at the edges; more means analysis started late or
 * fell behind (seen: 6 of 15 windows of a 4 s live answer at load ~10).
 */
export const UNANALYSED_SHARE = 0.2;

export interface AnswerInput {
  readonly index: number;
  readonly seconds: number;
  readonly audio: AudioResult | null;
  readonly videoRows: readonly VideoFrameRow[] | null;
  /** Pose frames of the answer when a pose model ran (options `pose`); absent or null otherwise. */
  readonly poseFrames?: readonly PoseFrame[] | null;
  /** The model's column names per modality (standardizer.names); absent = modality not scored. */
  readonly expected: Partial<Record<SessionModality, readonly string[]>>;
  /** Warnings raised while capturing (track ended, worker crashed…). */
  readonly captureWarnings: readonly SessionWarning[];
}

export function buildAnswerRecord(x: AnswerInput): AnswerRecord {
  const warnings: SessionWarning[] = [...x.captureWarnings];
  const warn = (code: SessionWarning['code'], message: string): void => {
    warnings.push({ code, answer: x.index, message });
  };
  const warnDropped = (
    m: SessionModality,
    n: number,
    total: number,
    d: DroppedWindows & { unanalysed?: number },
  ): void => {
    if (n === 0) return;
    const why = [
      d.masked > 0 && m === 'audio' ? `${d.masked} without analysed frames` : '',
      (d.unanalysed ?? 0) > 0 ? `${d.unanalysed} without an analysed camera frame` : '',
      d.nonFinite > 0 ? `${d.nonFinite} with non-finite values` : '',
    ];
    warn(
      'windows-dropped',
      [
        `answer ${x.index + 1}: ${n} of ${total} ${m} windows could not be scored`,
        `(${why.filter(Boolean).join(', ')}); ${total - n} were`,
      ].join(' '),
    );
  };
  let audio = null;
  let audioStats = null;
  if (x.audio !== null) {
    const names = AUDIO_FEATURE_SCHEMA.windowFeatures;
    audioStats = audioAnswerStats(x.audio.summary, x.audio.windows, names);
    const dropped = { masked: 0, nonFinite: 0 };
    audio = windowsToRows('audio', x.audio.windows, names, x.expected.audio ?? names, dropped);
    if (audioStats.voicedFraction < SILENCE_VOICED && audioStats.speechFraction < SILENCE_SPEECH) {
      // Scoring the noise floor would read as a behaviour; the answer is treated as having no audio.
      warn('silence', `no speech was heard in answer ${x.index + 1}: its audio is not scored`);
      audio = null;
    } else {
      // (Digital silence has no spectrum, so its windows are masked: not worth a second warning.)
      warnDropped('audio', dropped.masked + dropped.nonFinite, x.audio.windows.length, dropped);
    }
  }
  let video = null;
  let videoStats = null;
  let posture: PostureRows | null = null;
  let postureStats = null;
  if (x.videoRows !== null) {
    const rows = [...x.videoRows].sort((a, b) => a.time - b.time);
    const duration = Math.max(x.seconds, rows.length === 0 ? 0 : rows[rows.length - 1]!.time);
    const windows = poolVideoWindows(rows, duration);
    videoStats = videoAnswerStats(rows, x.seconds);
    const poses = x.poseFrames ?? null;
    const postureWindows = poses === null ? null : poolPostureWindows(poses, duration);
    if (poses !== null) {
      posture = postureRows(postureWindows!);
      postureStats = postureAnswerStats(poses, x.seconds);
    }
    const dropped = { masked: 0, nonFinite: 0 };
    // The model's columns by name: posture only when it was trained with it (video-columns.ts).
    const expected = x.expected.video ?? WINDOW_COLUMNS;
    const picked = projectVideoWindows(windows, postureWindows, expected);
    video = windowsToRows('video', picked, picked === windows ? WINDOW_COLUMNS : expected, expected, dropped);
    // Video windows without a face are masked by design (no-face / low-face-coverage say so); windows
    // with no analysed frame at all (the camera analysis started late or fell behind) are not, and
    // are named once they pass what live timing moves by (a window or two).
    const unanalysed = windows.filter((w) => w.frames === 0).length;
    const late = unanalysed > UNANALYSED_SHARE * windows.length ? unanalysed : 0;
    // A model trained with posture and no pose frame (the pose model failed, or gave all its slots to the face).
    const noPosture =
      video === null &&
      videoStats.faceFrames > 0 &&
      picked !== windows &&
      (postureWindows === null || postureWindows.every((w) => w.masked));
    if (noPosture)
      warn(
        'windows-dropped',
        `answer ${x.index + 1}: the video model reads posture and no pose frame was analysed: its video is not scored`,
      );
    else warnDropped('video', dropped.nonFinite + late, windows.length, { ...dropped, unanalysed: late });
    const faceRatio = videoStats.frames === 0 ? 0 : videoStats.faceFrames / videoStats.frames;
    if (videoStats.meanLuma !== undefined && videoStats.meanLuma < LOW_LIGHT) {
      warn(
        'low-light',
        [
          `answer ${x.index + 1}'s video is very dark (mean luma ${videoStats.meanLuma.toFixed(0)} of 255):`,
          'its face measurements are unreliable; more light on the face helps',
        ].join(' '),
      );
    }
    // (Without any pose frame for a posture model the warning above says why the video is not scored.)
    if (video === null && !noPosture)
      warn('no-face', `no face was found in answer ${x.index + 1}: it is scored from audio only`);
    else if (video !== null && faceRatio < LOW_FACE)
      warn(
        'low-face-coverage',
        `a face was found in ${Math.round(100 * faceRatio)} % of answer ${x.index + 1}'s frames`,
      );
  }
  // Absent (not null) without pose frames: records of sessions without a pose model are as before.
  const withPosture = x.poseFrames == null ? {} : { posture, postureStats };
  return { index: x.index, durationSeconds: x.seconds, audio, video, audioStats, videoStats, ...withPosture, warnings };
}

/** Windows with any pose frame, in POSTURE_COLUMNS order; null when none had one. */
function postureRows(windows: readonly PostureWindow[]): PostureRows | null {
  const kept = windows.filter((w) => !w.masked && w.values !== null);
  if (kept.length === 0) return null;
  return {
    names: [...POSTURE_COLUMNS],
    rows: kept.map((w) => [...w.values!]),
    windowIndex: kept.map((w) => w.index),
    totalWindows: windows.length,
  };
}
