/** Notes and 1–5 ratings for one candidate, saved to localStorage on every change. */
import { h } from '../dom.ts';
import { loadNotes, saveNotes, setNotes, setRating, type RoomNotes } from './notes.ts';

export function notesPanel(room: string, candidate: string, onError: (msg: string) => void): HTMLElement {
  const read = (): RoomNotes => loadNotes(localStorage, room);
  const update = (f: (n: RoomNotes) => RoomNotes): void => {
    try {
      saveNotes(localStorage, f(read()));
    } catch (e) {
      onError((e as Error).message);
    }
  };
  let current: RoomNotes;
  try {
    current = read();
  } catch (e) {
    onError((e as Error).message);
    return h('p', { class: 'error' }, 'Notes unavailable: ', (e as Error).message);
  }
  const mine = current.candidates[candidate];
  const rows = current.competencies.map((comp) => {
    const select = h(
      'select',
      { 'data-competency': comp, 'aria-label': `${comp} rating for ${candidate}` },
      h('option', { value: '' }, '—'),
      [1, 2, 3, 4, 5].map((r) => h('option', { value: r, selected: mine?.ratings[comp] === r }, String(r))),
    );
    const rating = (): number | null => (select.value === '' ? null : Number(select.value));
    select.addEventListener('change', () => update((n) => setRating(n, candidate, comp, rating())));
    return h('label', { class: 'rating' }, h('span', {}, comp), select);
  });
  const text = h('textarea', {
    rows: 3,
    'aria-label': `Notes on ${candidate}`,
    'data-testid': 'notes',
    placeholder: 'Notes (kept in this browser only)',
  });
  text.value = mine?.notes ?? '';
  text.addEventListener('change', () => update((n) => setNotes(n, candidate, text.value)));
  return h(
    'details',
    { class: 'notes-panel' },
    h('summary', {}, 'Notes and ratings (1–5 per competency, no total)'),
    rows,
    text,
  );
}
