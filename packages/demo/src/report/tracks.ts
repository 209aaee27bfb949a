/**
 * The time series of one answer, on the SDK's 0.25 s window grid: the model's attention and a
 * few behaviour descriptors drawn beneath it. Window t covers [0.25·t, 0.25·t + 0.5) s, so it
 * is plotted at its centre, 0.25·t + 0.25 s. Windows the model could not read (no face,
 * silence) are gaps (null), never zeros, so the eye does not read a missing value as a low one.
 */
import type { AnswerRecord, ModalityRows, SessionModality } from '@hirenet/sdk';

export const HOP_SECONDS = 0.25;
export const WINDOW_SECONDS = 0.5;

export interface TrackSpec {
  readonly id: string;
  readonly label: string;
  /** What the numbers mean, shown under the label. */
  readonly hint: string;
  readonly modality: Exclude<SessionModality, 'text'>;
  readonly feature: string;
  readonly color: string;
  /** Show the value only where this column is at least `min` (pitch needs voice). */
  readonly where?: { readonly feature: string; readonly min: number };
}

/** Descriptors that the key-moment cues also use, so a cue can be checked against its track. */
export const TRACKS: readonly TrackSpec[] = [
  {
    id: 'loudness',
    label: 'Loudness',
    hint: 'SDK loudness scale; compare within the answer',
    modality: 'audio',
    feature: 'loudness_mean',
    color: '#2563eb',
  },
  {
    id: 'f0',
    label: 'Pitch (F0)',
    hint: 'semitones, voiced windows only',
    modality: 'audio',
    feature: 'F0_semitones_mean',
    color: '#7c3aed',
    where: { feature: 'voicedFraction', min: 0.2 },
  },
  {
    id: 'speech',
    label: 'Speech',
    hint: 'share of the window with speech, 0–1',
    modality: 'audio',
    feature: 'speech_mean',
    color: '#0891b2',
  },
  {
    id: 'au45',
    label: 'Eyes closed (AU45)',
    hint: 'blink / eye-closure intensity, 0–1',
    modality: 'video',
    feature: 'AU45_int_mean',
    color: '#b45309',
  },
  {
    id: 'gaze',
    label: 'Gaze (horizontal)',
    hint: '0 = towards the camera; sign = side',
    modality: 'video',
    feature: 'gazeX_mean',
    color: '#be185d',
  },
];

export interface Series {
  readonly spec: TrackSpec;
  readonly values: (number | null)[];
}

export interface AnswerSeries {
  /** Window centres, seconds. */
  readonly x: number[];
  /** Attention per window (0 where the model read nothing; those are drawn as gaps). */
  readonly attention: (number | null)[];
  /** Tracks whose modality this answer has. */
  readonly tracks: Series[];
}

function column(rows: ModalityRows, spec: TrackSpec, length: number): (number | null)[] | null {
  const c = rows.names.indexOf(spec.feature);
  if (c < 0) return null;
  const w = spec.where === undefined ? -1 : rows.names.indexOf(spec.where.feature);
  const out = new Array<number | null>(length).fill(null);
  rows.rows.forEach((r, k) => {
    const t = rows.windowIndex[k];
    const v = r[c];
    if (t === undefined || t >= length || v === undefined || !Number.isFinite(v)) return;
    if (w >= 0 && spec.where !== undefined && !((r[w] ?? 0) >= spec.where.min)) return;
    out[t] = v;
  });
  return out;
}

/** Attention and descriptor tracks of one recorded answer (either may be empty). */
export function answerSeries(record: AnswerRecord, attention: readonly number[] | undefined): AnswerSeries {
  const length = Math.max(record.audio?.totalWindows ?? 0, record.video?.totalWindows ?? 0, attention?.length ?? 0);
  const x = Array.from({ length }, (_, t) => HOP_SECONDS * t + WINDOW_SECONDS / 2);
  // A window no modality could read has attention exactly 0 by construction: a gap, not a value.
  const readable = new Set<number>([...(record.audio?.windowIndex ?? []), ...(record.video?.windowIndex ?? [])]);
  const att = Array.from({ length }, (_, t) =>
    readable.has(t) && attention !== undefined ? (attention[t] ?? null) : null,
  );
  const tracks: Series[] = [];
  for (const spec of TRACKS) {
    const rows = record[spec.modality];
    if (rows === null) continue;
    const values = column(rows, spec, length);
    if (values !== null) tracks.push({ spec, values });
  }
  return { x, attention: att, tracks };
}
