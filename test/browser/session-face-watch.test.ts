/**
 * hn.watchFace in Chromium with the fake camera (a real clip with a face) and the tiny model: typed
 * refusals, presence before an answer, paused while the answer records on the same worker (no
 * presence then, the session's own `face` events instead), resumed after, a watch asked for during
 * an answer starts paused, stop() and hn.close() end it, and the host's track stays live.
 */
import { describe, expect, it } from 'vitest';
import { withPage } from './harness/index.ts';
import { cameraOptions, missing, pageAssets, useSessionPages } from './session-api-run.ts';

if (missing) console.warn(`[session-face-watch] ${missing}`);

describe.skipIf(missing !== undefined)('hn.watchFace', () => {
  useSessionPages();

  it('watches the face before and after an answer, pauses during it, refuses bad input with typed codes', async () => {
    const r = await withPage(
      'session/face-watch.html',
      (h) => h.run<Record<string, unknown>>({ assets: pageAssets() }),
      cameraOptions(),
    );
    console.log(`[session-face-watch] ${JSON.stringify(r)}`);
    expect(r['audioOnlyHireNet']).toBe('invalid-state');
    expect(r['refusals']).toEqual({
      audioTrack: 'no-media',
      noVideo: 'no-media',
      endedTrack: 'no-media',
      fpsZero: 'invalid-options',
      fpsNaN: 'invalid-options',
    });
    expect(r['initialState']).toBe('watching');
    expect(r['faceBeforeAnswer']).toBe(true);
    expect(r['stateInAnswer']).toBe('paused');
    expect(r['lateState']).toBe('paused');
    expect(r['presenceDuringAnswer']).toBe(0);
    expect(r['answerFaces'] as number).toBeGreaterThan(0);
    expect(r['answerVideoWindows'] as number).toBeGreaterThan(0);
    expect(r['faceAfterAnswer']).toBe(true);
    expect(r['lateAfterAnswer']).toBe('watching');
    expect(r['lateStopped']).toBe('stopped');
    expect(r['stoppedState']).toBe('stopped');
    expect(r['presenceAfterStop']).toBe(0);
    expect(r['states']).toEqual([
      { state: 'paused', reason: 'answer' },
      { state: 'watching', reason: 'resumed' },
      { state: 'stopped', reason: 'stopped' },
    ]);
    expect(r['errors']).toEqual([]);
    expect(r['closedByHn']).toEqual({ state: 'stopped', states: [{ state: 'stopped', reason: 'closed' }] });
    expect(r['afterClose']).toBe('invalid-state');
    expect(r['trackLive']).toBe('live');
  });
});
