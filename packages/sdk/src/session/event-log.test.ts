import { describe, expect, it } from 'vitest';
import { AudioInputError } from '../audio/errors.ts';
import { HireNetError } from '../util/errors.ts';
import { VideoError } from '../video/errors.ts';
import { EventLog, parseEventLog, warningCodeOf } from './event-log.ts';
import { EVENT_LOG_FORMAT, type EventInput } from './event-log-types.ts';
import { EventLogError } from './event-log-validate.ts';

const ID = '3b241101-e2bb-4255-8caf-4136c566a962';
function makeLog(): { log: EventLog; tick: (ms: number) => void } {
  let t = Date.UTC(2026, 10, 22, 9, 0, 0, 250);
  return { log: new EventLog({ now: () => t, randomId: () => ID, sdkVersion: '0.1.0' }), tick: (ms) => (t += ms) };
}

describe('EventLog', () => {
  it('records a session and exports it as JSON', () => {
    const { log, tick } = makeLog();
    log.record({ type: 'model-loaded', modelVersion: '1.0.0', modelSha256: 'a'.repeat(64) });
    log.record({
      type: 'consent',
      status: 'granted',
      noticeVersion: '1.0.0',
      modalities: ['audio'],
      noticeLocale: 'de-CH',
    });
    log.record({ type: 'modalities', modalities: ['audio'] });
    tick(120);
    log.record({ type: 'backend', backend: 'wasm', requested: 'webgpu' });
    log.record({ type: 'warning', code: 'backend-fallback' });
    tick(5000);
    log.record({ type: 'analysis', phase: 'completed', answers: 3 });
    log.record({ type: 'export', kind: 'event-log' });
    const json = JSON.parse(log.exportJSON());
    expect(json).toMatchObject({
      format: EVENT_LOG_FORMAT,
      sessionId: ID,
      startedAt: '2026-11-22T09:00:00Z',
      sdkVersion: '0.1.0',
    });
    expect(json.events.map((e: { type: string }) => e.type)).toEqual([
      'model-loaded',
      'consent',
      'modalities',
      'backend',
      'warning',
      'analysis',
      'export',
    ]);
    expect(json.events[1]).toEqual({
      type: 'consent',
      status: 'granted',
      noticeVersion: '1.0.0',
      modalities: ['audio'],
      noticeLocale: 'de-CH',
      seq: 1,
      atMs: 0,
    });
    expect(json.events[3]).toEqual({ type: 'backend', backend: 'wasm', requested: 'webgpu', seq: 3, atMs: 120 });
    expect(json.events[5]).toEqual({ type: 'analysis', phase: 'completed', answers: 3, seq: 5, atMs: 5120 });
    expect(parseEventLog(log.exportJSON())).toEqual(json);
  });

  // Things a careless host might try to put in a log; each would carry personal content.
  const personal: [string, unknown][] = [
    ['a free-text warning message', { type: 'warning', code: 'no-face', message: 'Jane Doe looked away' }],
    ['a name as a warning code', { type: 'warning', code: 'Jane Doe' }],
    ['a score', { type: 'analysis', phase: 'completed', score: 0.83 }],
    ['an email as the model version', { type: 'model-loaded', modelVersion: 'jane@example.com' }],
    [
      'a sentence as the notice version',
      { type: 'consent', status: 'granted', noticeVersion: '1.0.0 signed by Jane Doe', modalities: ['audio'] },
    ],
    [
      'a name as the notice locale',
      { type: 'consent', status: 'granted', noticeVersion: '1.0.0', modalities: ['audio'], noticeLocale: 'Jane' },
    ],
    ['a transcript as a modality', { type: 'modalities', modalities: ['I led a team of five'] }],
    ['a fractional answer index', { type: 'warning', code: 'no-speech', answer: 1.5 }],
    ['a candidate id', { type: 'deletion', scope: 'session', candidateId: 'c-0042' }],
    ['an unknown event type', { type: 'note', text: 'candidate seemed nervous' }],
    ['media', { type: 'export', kind: 'dataset', video: new Uint8Array(4) }],
  ];
  it.each(personal)('refuses %s without echoing it', (_what, event) => {
    const { log } = makeLog();
    let err: unknown;
    try {
      log.record(event as EventInput);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EventLogError);
    expect((err as HireNetError).code).toBe('invalid-event');
    expect((err as Error).message).not.toMatch(/Jane|jane@|nervous|five|0\.83|c-0042/);
    expect(log.events).toHaveLength(0);
  });

  it('keeps only codes, counts and versions in any export', () => {
    const { log } = makeLog();
    log.record({ type: 'consent', status: 'withdrawn', noticeVersion: '2.1.0-de', modalities: ['audio', 'video'] });
    log.recordError(new VideoError('video-track-ended', 'the camera track ended after 3.2 s'), 2);
    log.recordError(new Error('secret path /home/jane/interview.webm'));
    log.record({ type: 'deletion', scope: 'all' });
    const strings: string[] = [];
    JSON.parse(log.exportJSON(), (_k, v) => {
      if (typeof v === 'string') strings.push(v);
      return v;
    });
    for (const s of strings)
      expect(s, s).toMatch(
        /^([a-z0-9-]+(\/1)?|\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?|[0-9a-f-]{36}|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)$/,
      );
    expect(log.exportJSON()).not.toMatch(/jane|camera track/);
    expect(log.events[1]).toMatchObject({ type: 'warning', code: 'video-track-ended', answer: 2 });
    expect(log.events[2]).toMatchObject({ code: 'other' });
  });

  it('copies events so later mutation by the caller cannot change the log', () => {
    const { log } = makeLog();
    const modalities = ['audio'] as ('audio' | 'video')[];
    log.record({ type: 'modalities', modalities });
    modalities.push('video');
    expect(log.events[0]).toMatchObject({ modalities: ['audio'] });
    expect(Object.isFrozen(log.events[0])).toBe(true);
  });

  it('drops the oldest events beyond maxEvents', () => {
    const log = new EventLog({ randomId: () => ID, maxEvents: 2 });
    for (let i = 0; i < 4; i++) log.record({ type: 'warning', code: 'no-speech', answer: i });
    expect(log.events.map((e) => e.seq)).toEqual([2, 3]);
  });

  it('generates a random session id and refuses a caller-chosen one', () => {
    expect(new EventLog().sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(() => new EventLog({ randomId: () => 'jane.doe' })).toThrow(EventLogError);
  });
});

describe('warningCodeOf / parseEventLog', () => {
  it('maps SDK errors to their codes and anything else to other', () => {
    expect(warningCodeOf(new AudioInputError('truncated', 'x'))).toBe('truncated');
    expect(warningCodeOf(new HireNetError('invalid-input', 'x'))).toBe('other');
    expect(warningCodeOf('boom')).toBe('other');
  });
  it('refuses an edited export that smuggles content in', () => {
    const { log } = makeLog();
    log.record({ type: 'deletion', scope: 'session' });
    const json = JSON.parse(log.exportJSON());
    expect(() => parseEventLog(JSON.stringify({ ...json, candidate: 'Jane' }))).toThrow(/unknown field/);
    json.events[0].note = 'Jane';
    expect(() => parseEventLog(JSON.stringify(json))).toThrow(EventLogError);
  });
});
