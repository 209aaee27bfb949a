/**
 * The interviewer's notes and 1–5 ratings per competency, per candidate, kept in this browser's
 * localStorage under one key per room. Never sent anywhere; exportable as JSON and deletable.
 * No total, average or ranking is computed: the ratings stay separate human judgements.
 */
import { HireNetError } from '@hirenet/sdk';
export const DEFAULT_COMPETENCIES = ['Communication', 'Problem solving', 'Role knowledge', 'Collaboration'] as const;

export interface CandidateNotes {
  /** Competency → rating 1–5 (absent: not rated). */
  readonly ratings: Record<string, number>;
  readonly notes: string;
  readonly updated: string;
}

export interface RoomNotes {
  readonly format: 'hirenet.live-notes@1';
  readonly room: string;
  readonly competencies: readonly string[];
  /** Candidate display name → notes. */
  readonly candidates: Record<string, CandidateNotes>;
}

export const NOTES_PREFIX = 'hirenet.live-notes.';
const MAX_NOTES = 10_000;

/** Notes that cannot be read or a rating/competency/text out of bounds (`invalid-input`). */
export class NotesError extends HireNetError {
  constructor(message: string) {
    super('invalid-input', message);
  }
}

export function emptyNotes(room: string, competencies: readonly string[] = DEFAULT_COMPETENCIES): RoomNotes {
  return { format: 'hirenet.live-notes@1', room, competencies: [...competencies], candidates: {} };
}

export function loadNotes(storage: Storage, room: string): RoomNotes {
  const raw = storage.getItem(NOTES_PREFIX + room);
  if (raw === null) return emptyNotes(room);
  try {
    const v = JSON.parse(raw) as RoomNotes;
    if (
      v.format !== 'hirenet.live-notes@1' ||
      v.room !== room ||
      typeof v.candidates !== 'object' ||
      v.candidates === null
    ) {
      throw new NotesError('unexpected format');
    }
    return v;
  } catch (e) {
    // A corrupt entry is reported, not silently replaced by an empty one.
    const why = (e as Error).message;
    throw new NotesError(
      `stored notes for room ${room} are unreadable (${why}); export is impossible, delete them to start again`,
    );
  }
}

/** Sets one rating (1–5 integer) or clears it (null). */
export function setRating(
  n: RoomNotes,
  candidate: string,
  competency: string,
  rating: number | null,
  now = new Date(),
): RoomNotes {
  if (!n.competencies.includes(competency)) throw new NotesError(`unknown competency ${competency}`);
  if (rating !== null && !(Number.isInteger(rating) && rating >= 1 && rating <= 5)) {
    throw new NotesError(`a rating is an integer from 1 to 5, got ${rating}`);
  }
  const c = n.candidates[candidate] ?? { ratings: {}, notes: '', updated: now.toISOString() };
  const ratings = { ...c.ratings };
  if (rating === null) delete ratings[competency];
  else ratings[competency] = rating;
  return { ...n, candidates: { ...n.candidates, [candidate]: { ...c, ratings, updated: now.toISOString() } } };
}

export function setNotes(n: RoomNotes, candidate: string, text: string, now = new Date()): RoomNotes {
  if (text.length > MAX_NOTES) throw new NotesError(`notes are limited to ${MAX_NOTES} characters`);
  const c = n.candidates[candidate] ?? { ratings: {}, notes: '', updated: now.toISOString() };
  return { ...n, candidates: { ...n.candidates, [candidate]: { ...c, notes: text, updated: now.toISOString() } } };
}

export function saveNotes(storage: Storage, n: RoomNotes): void {
  storage.setItem(NOTES_PREFIX + n.room, JSON.stringify(n));
}

export function deleteNotes(storage: Storage, room: string): void {
  storage.removeItem(NOTES_PREFIX + room);
}

export function exportNotes(n: RoomNotes): string {
  return `${JSON.stringify(n, null, 2)}\n`;
}
