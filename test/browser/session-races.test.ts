/**
 * Deletion means deleted, withdrawal stops capture (issue 13): delete, deleteAll, withdrawConsent
 * and close fired while beginAnswer, endAnswer and result are in flight, in loops, with the
 * shipped model and a fake camera/mic playing a real clip. After each race: nothing stored that
 * should not be, and a second later no face event, no running AudioContext, no live audio worker.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeHarness, sharedMissing, withPage } from './harness/index.ts';
import { cleanWorkDir, CLIP, demoModel, FACE_MODEL, fakeMedia, sessionAssets } from './session-fixtures.ts';

const missing = sharedMissing(CLIP, FACE_MODEL);
if (missing !== undefined) {
  if (process.env['CI'] === 'true') throw new Error(`[session-races] CI must not skip: ${missing}`);
  console.warn(`[session-races] skipped: ${missing}`);
}

interface Row {
  race: string;
  loop: number;
  op: string;
  second?: string;
  end?: string;
  stored: { consent: boolean; answers: number } | null;
  databases: string[];
  records: number;
  current: string | null;
  faceEventsAfter: number;
  runningContexts: number;
  liveAudioWorkers: number;
}

afterAll(async () => {
  await closeHarness();
  cleanWorkDir();
});

const LOOPS = 3;

describe.skipIf(missing !== undefined)('session races (shipped model, real clip)', () => {
  it('delete, deleteAll, withdrawal and close win every race; a second beginAnswer is refused', async () => {
    const assets = sessionAssets(demoModel());
    const races = [
      'delete-end',
      'deleteAll-result',
      'withdraw-begin',
      'withdraw-end',
      'double-begin',
      'close-begin',
      'delete-begin',
    ];
    const r = (await withPage('session/races.html', (page) => page.run({ assets, races, loops: LOOPS }), {
      fakeMedia: fakeMedia(),
    })) as { out: Row[]; after: { databases: string[]; liveAudioWorkers: number } };
    expect(r.out).toHaveLength(races.length * LOOPS);
    for (const row of r.out) {
      const at = `${row.race}#${row.loop}`;
      // Nothing keeps running once the race is over.
      expect(row.faceEventsAfter, `${at}: face events after`).toBe(0);
      expect(row.runningContexts, `${at}: AudioContexts running`).toBe(0);
      // At most the idle worker the HireNet keeps for the next answer (issue 15); no tap feeds it
      // (every AudioContext is closed), and HireNet.close() ends it (r.after below).
      expect(row.liveAudioWorkers, `${at}: audio workers alive`).toBeLessThanOrEqual(1);
      switch (row.race) {
        case 'delete-end':
        case 'delete-begin':
          expect(row.op, at).toBe('cancelled');
          expect(row.stored, `${at}: record after delete`).toBeNull();
          expect(row.current, `${at}: current-session key`).toBeNull();
          break;
        case 'deleteAll-result':
          expect(['ok', 'cancelled'], at).toContain(row.op);
          expect(row.databases, `${at}: databases`).not.toContain('hirenet');
          expect(row.current, at).toBeNull();
          break;
        case 'withdraw-begin':
        case 'withdraw-end':
          expect(row.op, at).toBe('cancelled');
          expect(row.stored, `${at}: stored after withdrawal`).toEqual({ consent: false, answers: 0 });
          break;
        case 'double-begin':
          expect(row.second, `${at}: second beginAnswer`).toBe('invalid-state');
          expect(row.op, at).toBe('ok');
          expect(row.end, at).toBe('ok');
          break;
        case 'close-begin':
          expect(row.op, at).toBe('cancelled');
          break;
      }
    }
    expect(r.after.databases).not.toContain('hirenet');
    expect(r.after.liveAudioWorkers, 'audio workers alive after HireNet.close()').toBe(0);
  });
});
