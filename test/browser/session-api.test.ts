/**
 * The session API in Chromium, its lifecycle: nothing before consent, persistence across a reload,
 * withdrawal, deletion, an empty answer, a refused camera. Channels that are missing or fail, and
 * the backends, are in session-channels.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { chromiumLacks, needs, withPage } from './harness/index.ts';
import {
  cameraOptions,
  consentAndAnswer,
  foreign,
  missing,
  pageAssets,
  run,
  step,
  useSessionPages,
  type Run,
} from './session-api-run.ts';

if (missing) console.warn(`[session-api] ${missing}`);

describe.skipIf(missing !== undefined)('session API in Chromium: lifecycle', () => {
  useSessionPages();

  it('refuses capture and analysis before consent with a typed error, and records nothing', async () => {
    const r = await run({
      steps: [
        { do: 'try', what: 'attach' },
        { do: 'try', what: 'begin' },
        { do: 'try', what: 'result' },
        { do: 'storage' },
      ],
    });
    expect(r.fatal).toBeUndefined();
    for (const what of ['attach', 'begin', 'result'])
      expect(r.out.find((o) => o.what === what)?.error?.code).toBe('consent-required');
    expect(r.eventLog.filter((e) => e.type === 'consent' || e.type === 'analysis')).toEqual([]);
    expect(step(r, 'storage').databases).not.toContain('hirenet');
    // hn.close() disposed the model weights (and the warm-up left nothing behind).
    expect(r.tensorsAfterClose).toBe(r.tensorsBefore);
  });

  it(
    'persists across a reload (answers, consent, result) and deleteAll() leaves no IndexedDB, Cache ' +
      'Storage or localStorage trace',
    async () => {
      await withPage(
        'session/session.html',
        async (h) => {
          const first = await h.run<Run>({
            assets: pageAssets(),
            steps: consentAndAnswer([{ index: 0, seconds: 3 }], { do: 'result' }, { do: 'storage' }),
          });
          expect(first.fatal).toBeUndefined();
          const score = step(first, 'result').result.score as number;
          expect(step(first, 'storage').databases).toContain('hirenet');
          expect(step(first, 'storage').localStorage).toContain('hirenet:current-session');
          await h.page.reload();
          const second = await h.run<Run>({
            assets: pageAssets(),
            steps: [{ do: 'resume' }, { do: 'result' }, { do: 'export' }, { do: 'deleteAll' }],
          });
          expect(second.fatal).toBeUndefined();
          const resumed = step(second, 'resume');
          expect(resumed.found).toBe(true);
          expect(resumed.consent.noticeVersion).toBe('1.0.0');
          expect(resumed.recorded[0].audio).toBeGreaterThan(5);
          expect(resumed.recorded[1]).toBeNull();
          expect(resumed.logs).toBe(2);
          expect(step(second, 'result').result.score).toBeCloseTo(score, 6);
          const ds = step(second, 'export').dataset;
          expect(ds.manifest.format).toBe('hirenet-dataset/1');
          expect(ds.interview.answers[0].audio.length).toBe(resumed.recorded[0].audio);
          const after = step(second, 'deleteAll');
          expect(after.databases).toEqual([]);
          expect(after.caches).toEqual([]);
          expect(after.localStorage).toEqual([]);
          expect(foreign(h)).toEqual([]);
        },
        cameraOptions(),
      );
    },
  );

  it('withdrawing consent erases the answers and gates capture and analysis again', async () => {
    const r = await run({
      steps: consentAndAnswer(
        [{ index: 0, seconds: 2 }],
        { do: 'withdraw' },
        { do: 'try', what: 'begin' },
        { do: 'try', what: 'result' },
      ),
    });
    expect(r.fatal).toBeUndefined();
    expect(step(r, 'withdraw').recorded).toBe(0);
    expect(r.out.filter((o) => o.step === 'try').map((o) => o.error?.code)).toEqual([
      'consent-required',
      'consent-required',
    ]);
    expect(r.eventLog.filter((e) => e.type === 'consent').map((e) => e['status'])).toEqual(['granted', 'withdrawn']);
  });

  it('session.delete() removes that interview from IndexedDB and localStorage', async () => {
    const r = await run({
      steps: consentAndAnswer([{ index: 0, seconds: 2 }], { do: 'sessionDelete' }),
    });
    expect(r.fatal).toBeUndefined();
    expect(step(r, 'sessionDelete').stored).toBe(0);
    expect(step(r, 'sessionDelete').localStorage).toEqual([]);
  });

  it('a 0 s answer is a typed warning and the answer recorded before it survives', async () => {
    const r = await run({
      steps: consentAndAnswer(
        [
          { index: 0, seconds: 3 },
          { index: 0, seconds: 0 },
          { index: 1, seconds: 0 },
        ],
        { do: 'result' },
      ),
    });
    expect(r.fatal).toBeUndefined();
    const answers = r.out.filter((o) => o.step === 'answer');
    expect(answers.map((a) => a.recorded)).toEqual([true, false, false]);
    expect(r.events.filter((e) => e.code === 'answer-empty').map((e) => e.answer)).toEqual([0, 1]);
    const res = step(r, 'result').result;
    expect(res.answerAttention[0].length).toBeGreaterThan(5);
    expect(res.answerAttention[1]).toEqual([]);
  });

  const noDenial = needs('session-api: permission denied', chromiumLacks('permission-prompt'));
  it.skipIf(noDenial)('camera permission denied is a typed error (permission-denied)', async () => {
    // No --use-fake-ui-for-media-stream: headless Chromium then refuses the permission prompt.
    const r = await run(
      { steps: [{ do: 'consent' }, { do: 'media' }, { do: 'try', what: 'begin' }] },
      { args: ['--use-fake-device-for-media-stream'] },
    );
    expect(r.fatal).toBeUndefined();
    expect(step(r, 'media').error?.code).toBe('permission-denied');
    expect(r.out.find((o) => o.what === 'begin')?.error?.code).toBe('invalid-state');
  });
});
