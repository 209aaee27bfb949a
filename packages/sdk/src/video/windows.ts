import { HireNetError } from '../util/errors.ts';
import type { PooledWindow } from '../features/windows.ts';
import type { VideoFrameRow } from './frame-row.ts';
import { POOLED_COLUMNS, VIDEO_FEATURE_SCHEMA } from './schema.ts';

/**
 * Video windows by time, not by frame count. The shared WindowPooler (features/windows.ts)
 * counts frames, which fits audio's fixed 100 frames/s but not video: at 15 fps a 0.25 s hop is
 * 3.75 frames (rounding it to 4 drifts 4 s per minute against the audio windows), and live rows
 * arrive at irregular times because late frames are dropped. So frames are assigned to windows
 * by their timestamps: window i covers [i·hop, i·hop + length). Output has the same shape and
 * layout as the shared pooler's.
 */
export interface VideoWindow extends PooledWindow {
  /** Analysed frames whose time falls in the window (with or without a face). */
  readonly frames: number;
  /** validFrames ÷ frames (0 when the window has no analysed frame). */
  readonly faceRatio: number;
}

export interface VideoWindowOptions {
  /** Default 0.5 s. */
  readonly windowSeconds?: number;
  /** Default 0.25 s. */
  readonly hopSeconds?: number;
}

/** The per-frame values that are pooled, in POOLED_COLUMNS order. */
export function pooledFrameValues(row: VideoFrameRow): number[] {
  const { yaw, pitch, roll, tx, ty, tz } = row.pose;
  return [...row.au.intensity, ...row.au.presence, yaw, pitch, roll, tx, ty, tz, row.gaze.gazeX, row.gaze.gazeY];
}

/**
 * Pools rows (sorted by time) into windows. `duration` (default: last row time + the median
 * frame interval) decides how many full windows exist; a recording shorter than one window
 * still yields one, as with the shared pooler.
 */
export function poolVideoWindows(
  rows: readonly VideoFrameRow[],
  duration?: number,
  options: VideoWindowOptions = {},
): VideoWindow[] {
  const len = options.windowSeconds ?? VIDEO_FEATURE_SCHEMA.window.length;
  const hop = options.hopSeconds ?? VIDEO_FEATURE_SCHEMA.window.hop;
  if (!(len > 0 && hop > 0)) throw new HireNetError('invalid-options', 'window length and hop must be > 0');
  if (rows.length === 0 && duration === undefined) return [];
  const end = duration ?? (rows[rows.length - 1]?.time ?? 0) + frameInterval(rows);
  const eps = 1e-9;
  const count = end + eps >= len ? Math.floor((end - len + eps) / hop) + 1 : 1;
  const values = rows.map(pooledFrameValues);
  const out: VideoWindow[] = [];
  let first = 0;
  for (let i = 0; i < count; i++) {
    const start = i * hop;
    const stop = count === 1 && end < len ? end : start + len;
    while (first < rows.length && rows[first]!.time < start - eps) first++;
    const members: number[] = [];
    for (let k = first; k < rows.length && rows[k]!.time < stop - eps; k++) members.push(k);
    out.push(pool(i, start, stop, members, rows, values));
  }
  return out;
}

function frameInterval(rows: readonly VideoFrameRow[]): number {
  const d = rows
    .slice(1)
    .map((r, i) => r.time - rows[i]!.time)
    .filter((x) => x > 0)
    .sort((a, b) => a - b);
  return d.length === 0 ? 0 : d[d.length >> 1]!;
}

function pool(
  index: number,
  startSeconds: number,
  endSeconds: number,
  members: number[],
  rows: readonly VideoFrameRow[],
  values: number[][],
): VideoWindow {
  const C = POOLED_COLUMNS.length;
  // A row counts only when a face was found and every pooled value is finite (a face without a
  // transform matrix has no pose: treated as face-less rather than as pose 0).
  const valid = members.filter((k) => rows[k]!.face === 1 && values[k]!.every(Number.isFinite));
  const base = {
    index,
    startSeconds,
    endSeconds,
    frames: members.length,
    validFrames: valid.length,
    faceRatio: members.length ? valid.length / members.length : 0,
  };
  if (valid.length === 0) return { ...base, masked: true, values: null };
  // Hann weights by time inside the window (as the audio windows by frame, features/windows.ts):
  // a frame near an edge counts little, so live frames that fall a few ms either side of a window
  // boundary move the window's values by little. A floor keeps a lone edge frame meaningful.
  const span = Math.max(1e-9, endSeconds - startSeconds);
  const weights = valid.map((k) => Math.max(0.05, Math.sin((Math.PI * (rows[k]!.time - startSeconds)) / span) ** 2));
  const total = weights.reduce((a, b) => a + b, 0);
  const out = new Float64Array(2 * C);
  for (let c = 0; c < C; c++) {
    let sum = 0;
    let sq = 0;
    valid.forEach((k, j) => {
      const v = values[k]![c]!;
      sum += weights[j]! * v;
      sq += weights[j]! * v * v;
    });
    const mean = sum / total;
    out[2 * c] = mean;
    out[2 * c + 1] = Math.sqrt(Math.max(0, sq / total - mean * mean));
  }
  return { ...base, masked: false, values: out };
}
