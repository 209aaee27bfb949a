/**
 * Per-answer numbers behind the descriptive feedback, from what the extractors already
 * return: the audio summary plus window means, and the face rows (frame by frame, so blinks
 * are counted as onsets rather than guessed from window averages).
 */
import type { AudioSummary } from '../audio/summary.ts';
import type { PooledWindow } from '../features/windows.ts';
import { AU_CODES } from '../video/au-map.ts';
import type { VideoFrameRow } from '../video/frame-row.ts';
import type { AudioAnswerStats, VideoAnswerStats } from './types.ts';

/** |gazeX| or |gazeY| above this (gaze scale −1…1, relative to the head) counts as looking away. */
export const GAZE_AWAY = 0.35;

export function audioAnswerStats(
  summary: AudioSummary,
  windows: readonly PooledWindow[],
  names: readonly string[],
): AudioAnswerStats {
  const loud = names.indexOf('loudness_mean');
  const speech = names.indexOf('speech_mean');
  const kept = windows.filter((w) => w.values !== null);
  const avg = (c: number): number =>
    c < 0 || kept.length === 0 ? 0 : kept.reduce((s, w) => s + w.values![c]!, 0) / kept.length;
  return {
    durationSeconds: summary.durationSeconds,
    speechRate: summary.speechRate,
    pauseCount: summary.pauseCount,
    meanPauseSeconds: summary.meanPauseSeconds,
    longestPauseSeconds: summary.longestPauseSeconds,
    pitchVariabilitySemitones: summary.stdF0semitones,
    meanLoudness: avg(loud),
    voicedFraction: summary.voicedFraction,
    speechFraction: avg(speech),
  };
}

export function videoAnswerStats(rows: readonly VideoFrameRow[], seconds: number): VideoAnswerStats {
  const blink = AU_CODES.indexOf('AU45');
  const smile = AU_CODES.indexOf('AU12');
  let faces = 0;
  let away = 0;
  let smiles = 0;
  let blinks = 0;
  let closed = false;
  let lumaSum = 0;
  let lumaFrames = 0;
  for (const r of rows) {
    if (r.luma !== undefined && Number.isFinite(r.luma)) {
      lumaSum += r.luma;
      lumaFrames++;
    }
    if (r.face !== 1) {
      closed = false;
      continue;
    }
    faces++;
    if (Math.abs(r.gaze.gazeX) > GAZE_AWAY || Math.abs(r.gaze.gazeY) > GAZE_AWAY) away++;
    if (r.au.presence[smile] === 1) smiles++;
    const shut = r.au.presence[blink] === 1;
    if (shut && !closed) blinks++;
    closed = shut;
  }
  return {
    seconds,
    frames: rows.length,
    faceFrames: faces,
    gazeAwayFraction: faces === 0 ? 0 : away / faces,
    blinksPerMinute: seconds > 0 ? (60 * blinks) / seconds : 0,
    smileFraction: faces === 0 ? 0 : smiles / faces,
    ...(lumaFrames === 0 ? {} : { meanLuma: lumaSum / lumaFrames }),
  };
}
