/** The interviewer's notes store (packages/demo/src/live-room/notes.ts) over a real in-memory Storage. */
import { describe, expect, it } from 'vitest';
import {
  deleteNotes,
  emptyNotes,
  exportNotes,
  loadNotes,
  NOTES_PREFIX,
  NotesError,
  saveNotes,
  setNotes,
  setRating,
} from '../../packages/demo/src/live-room/notes.ts';

/** The Web Storage interface over a Map: Node has no localStorage. */
class MemoryStorage implements Storage {
  private readonly m = new Map<string, string>();
  get length(): number {
    return this.m.size;
  }
  clear(): void {
    this.m.clear();
  }
  getItem(k: string): string | null {
    return this.m.get(k) ?? null;
  }
  key(i: number): string | null {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string): void {
    this.m.delete(k);
  }
  setItem(k: string, v: string): void {
    this.m.set(k, String(v));
  }
}

describe('live-room notes', () => {
  it('keeps ratings per competency and notes per candidate, with no total', () => {
    const s = new MemoryStorage();
    let n = loadNotes(s, 'r1');
    expect(n).toEqual(emptyNotes('r1'));
    n = setRating(n, 'Ada', 'Communication', 4);
    n = setRating(n, 'Ada', 'Problem solving', 2);
    n = setNotes(n, 'Ada', 'Asked about the team.');
    n = setRating(n, 'Bo', 'Communication', 5);
    saveNotes(s, n);
    const back = loadNotes(s, 'r1');
    expect(back.candidates['Ada']!.ratings).toEqual({ Communication: 4, 'Problem solving': 2 });
    expect(back.candidates['Ada']!.notes).toBe('Asked about the team.');
    expect(back.candidates['Bo']!.ratings).toEqual({ Communication: 5 });
    const exported = JSON.parse(exportNotes(back)) as Record<string, unknown>;
    expect(Object.keys(exported).sort()).toEqual(['candidates', 'competencies', 'format', 'room']);
    expect(JSON.stringify(exported)).not.toMatch(/total|average|rank|score/i);
    expect(setRating(back, 'Ada', 'Communication', null).candidates['Ada']!.ratings).toEqual({ 'Problem solving': 2 });
  });

  it('refuses ratings outside 1–5, unknown competencies and corrupt storage; deletes a room', () => {
    const s = new MemoryStorage();
    const n = emptyNotes('r2');
    for (const bad of [0, 6, 2.5, Number.NaN])
      expect(() => setRating(n, 'Ada', 'Communication', bad)).toThrow(NotesError);
    expect(() => setRating(n, 'Ada', 'Charisma', 3)).toThrow(/unknown competency/);
    expect(() => setNotes(n, 'Ada', 'x'.repeat(10_001))).toThrow(NotesError);
    s.setItem(`${NOTES_PREFIX}r2`, '{not json');
    expect(() => loadNotes(s, 'r2')).toThrow(/unreadable/);
    saveNotes(s, setRating(n, 'Ada', 'Communication', 3));
    saveNotes(s, setRating(emptyNotes('r3'), 'Kim', 'Collaboration', 1));
    deleteNotes(s, 'r2');
    expect(loadNotes(s, 'r2')).toEqual(emptyNotes('r2'));
    expect(loadNotes(s, 'r3').candidates['Kim']!.ratings).toEqual({ Collaboration: 1 });
  });
});
