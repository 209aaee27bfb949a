import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageStep } from './page-steps.ts';
import { chromiumLacks, closeHarness, needs, sharedMissing, withPage, type PageOptions } from './harness/index.ts';
import { cleanWorkDir, CLIP, FACE_MODEL, fakeMedia, tinySessionAssets } from './session-fixtures.ts';

const missing = sharedMissing(CLIP, FACE_MODEL);
if (missing) console.warn(`[session-api] ${missing}`);

type Out = PageStep;
interface Run {
  tensorsBefore: number;
  tensorsAfterClose: number;
  fatal?: { code: string; message: string };
  modalities: string[];
  backend: string;
  loadWarnings: string[];
  out: Out[];
  events: { type: string; code?: string; answer?: number; present?: boolean }[];
  eventLog: { type: string; [k: string]: unknown }[];
}

let assets: Record<string, string | null>;
let camera: PageOptions;

function run(
  args: Record<string, unknown>,
  opts: PageOptions = camera,
  fn?: (h: Parameters<Parameters<typeof withPage>[1]>[0], r: Run) => Promise<void>,
): Promise<Run> {
  return withPage(
    'session/session.html',
    async (h) => {
      const r = await h.run<Run>({ assets, ...args });
      expect(foreign(h)).toEqual([]);
      expect(h.requests.filter((q) => q.hasBody)).toEqual([]);
      await fn?.(h, r);
      return r;
    },
    opts,
  );
}

/**
 * Requests that left the harness origin, except the Vite dev server's own socket (harness plumbing; the
 * production-build test in session-embed has none).
 */
function foreign(h: { externalRequests(): { url: string; resourceType: string }[] }): unknown[] {
  return h
    .externalRequests()
    .filter((q) => !(q.resourceType === 'websocket' && new URL(q.url).hostname === '127.0.0.1'));
}

const step = (r: Run, name: string, k = 0): Out => r.out.filter((o) => o.step === name)[k]!;

describe.skipIf(missing !== undefined)('session API in Chromium', () => {
  beforeAll(() => {
    assets = tinySessionAssets();
    camera = { fakeMedia: fakeMedia() };
  });
  afterAll(async () => {
    await closeHarness();
    cleanWorkDir();
  });

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
            assets,
            steps: [
              { do: 'consent' },
              { do: 'media' },
              { do: 'answer', index: 0, seconds: 3 },
              { do: 'result' },
              { do: 'storage' },
            ],
          });
          expect(first.fatal).toBeUndefined();
          const score = step(first, 'result').result.score as number;
          expect(step(first, 'storage').databases).toContain('hirenet');
          expect(step(first, 'storage').localStorage).toContain('hirenet:current-session');
          await h.page.reload();
          const second = await h.run<Run>({
            assets,
            steps: [{ do: 'resume' }, { do: 'result' }, { do: 'export' }, { do: 'deleteAll' }],
          });
          expect(second.fatal).toBeUndefined();
          const resumed = step(second, 'resume');
          expect(resumed.found).toBe(true);
          expect(resumed.consent.noticeVersion).toBe('1.1.0');
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
        camera,
      );
    },
  );

  it('withdrawing consent erases the answers and gates capture and analysis again', async () => {
    const r = await run({
      steps: [
        { do: 'consent' },
        { do: 'media' },
        { do: 'answer', index: 0, seconds: 2 },
        { do: 'withdraw' },
        { do: 'try', what: 'begin' },
        { do: 'try', what: 'result' },
      ],
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
      steps: [{ do: 'consent' }, { do: 'media' }, { do: 'answer', index: 0, seconds: 2 }, { do: 'sessionDelete' }],
    });
    expect(r.fatal).toBeUndefined();
    expect(step(r, 'sessionDelete').stored).toBe(0);
    expect(step(r, 'sessionDelete').localStorage).toEqual([]);
  });

  it('a 0 s answer is a typed warning and the answer recorded before it survives', async () => {
    const r = await run({
      steps: [
        { do: 'consent' },
        { do: 'media' },
        { do: 'answer', index: 0, seconds: 3 },
        { do: 'answer', index: 0, seconds: 0 },
        { do: 'answer', index: 1, seconds: 0 },
        { do: 'result' },
      ],
    });
    expect(r.fatal).toBeUndefined();
    const answers = r.out.filter((o) => o.step === 'answer');
    expect(answers.map((a) => a.recorded)).toEqual([true, false, false]);
    expect(r.events.filter((e) => e.code === 'answer-empty').map((e) => e.answer)).toEqual([0, 1]);
    const res = step(r, 'result').result;
    expect(res.answerAttention[0].length).toBeGreaterThan(5);
    expect(res.answerAttention[1]).toEqual([]);
  });

  it(
    'the camera track ending mid-answer is a warning; that answer keeps its audio and earlier answers ' + 'survive',
    async () => {
      const r = await run({
        steps: [
          { do: 'consent' },
          { do: 'media' },
          { do: 'answer', index: 0, seconds: 3 },
          { do: 'answer', index: 1, seconds: 3, endTrackAfter: 1.5 },
          { do: 'result' },
        ],
      });
      expect(r.fatal).toBeUndefined();
      const [a0, a1] = r.out.filter((o) => o.step === 'answer');
      expect(a0!.videoRows).toBeGreaterThan(5);
      expect(a1!.warnings).toContain('track-ended');
      expect(a1!.audioRows).toBeGreaterThan(5);
      expect(r.eventLog.some((e) => e.type === 'warning' && e['code'] === 'video-track-ended')).toBe(true);
      expect(step(r, 'result').result.score).toBeGreaterThan(0);
    },
  );

  it('no face for a whole interview: audio-only scoring with a no-face warning per answer', async () => {
    const r = await run(
      {
        steps: [
          { do: 'consent' },
          { do: 'media' },
          { do: 'answer', index: 0, seconds: 3 },
          { do: 'answer', index: 1, seconds: 3 },
          { do: 'result' },
        ],
      },
      { fakeMedia: fakeMedia({ noFace: true }) },
    );
    expect(r.fatal).toBeUndefined();
    const answers = r.out.filter((o) => o.step === 'answer');
    expect(answers.map((a) => a.videoRows)).toEqual([null, null]);
    expect(answers.every((a) => a.audioRows > 5)).toBe(true);
    expect(r.events.filter((e) => e.code === 'no-face').map((e) => e.answer)).toEqual([0, 1]);
    // The live face flag comes from the answer's own analysis: frames arrived, none with a face.
    const faces = r.events.filter((e) => e.type === 'face');
    expect(new Set(faces.map((e) => e.answer))).toEqual(new Set([0, 1]));
    expect(faces.some((e) => e.present)).toBe(false);
    const res = step(r, 'result').result;
    expect(Object.keys(res.scores)).toEqual(['audio']);
    expect(res.score).toBe(res.scores.audio);
    expect(res.modelCard.modalities).toEqual(['audio']);
  });

  it('silence: a warning, and the answer is scored from video only', async () => {
    const r = await run(
      { steps: [{ do: 'consent' }, { do: 'media' }, { do: 'answer', index: 0, seconds: 3 }, { do: 'result' }] },
      { fakeMedia: fakeMedia({ silent: true }) },
    );
    expect(r.fatal).toBeUndefined();
    const [a0] = r.out.filter((o) => o.step === 'answer');
    expect(a0!.warnings).toContain('silence');
    expect(a0!.audioRows).toBeNull();
    expect(a0!.videoRows).toBeGreaterThan(5);
    // A face in view: the session's face events say so while the answer records.
    expect(r.events.filter((e) => e.type === 'face' && e.answer === 0 && e.present).length).toBeGreaterThan(5);
    expect(Object.keys(step(r, 'result').result.scores)).toEqual(['video']);
    expect(r.eventLog.some((e) => e.type === 'warning' && e['code'] === 'no-speech')).toBe(true);
  });

  it(
    'a vision worker killed mid-answer: worker-crashed warning, the answer keeps video from before ' +
      'and after the restart',
    async () => {
      const r = await run({
        steps: [
          { do: 'consent' },
          { do: 'media' },
          { do: 'answer', index: 0, seconds: 3 },
          { do: 'answer', index: 1, seconds: 5, crashAfter: 1.5 },
          { do: 'result' },
        ],
      });
      expect(r.fatal).toBeUndefined();
      const [a0, a1] = r.out.filter((o) => o.step === 'answer');
      expect(a1!.warnings).toContain('worker-crashed');
      expect(a1!.videoRows).toBeGreaterThan(5);
      expect(a1!.audioRows).toBeGreaterThan(10);
      expect(a0!.warnings).toEqual([]);
      expect(Object.keys(step(r, 'result').result.scores).sort()).toEqual(['audio', 'video']);
    },
  );

  it('one session scores the same on every backend Chromium offers here (within 1e-3)', async () => {
    await withPage(
      'session/session.html',
      async (h) => {
        const first = await h.run<Run>({
          assets,
          backend: 'wasm',
          steps: [
            { do: 'consent' },
            { do: 'media' },
            { do: 'answer', index: 0, seconds: 3 },
            { do: 'answer', index: 1, seconds: 3 },
            { do: 'result' },
          ],
        });
        expect(first.fatal).toBeUndefined();
        const ref = step(first, 'result').result;
        const seen: Record<string, number> = { wasm: ref.score };
        for (const backend of ['cpu', 'webgl', 'webgpu']) {
          const r = await h.run<Run>({ assets, backend, steps: [{ do: 'resume' }, { do: 'result', fresh: true }] });
          expect(r.fatal, backend).toBeUndefined();
          expect(r.backend).toBe(backend);
          const res = step(r, 'result').result;
          seen[backend] = res.score;
          expect(Math.abs(res.score - ref.score), backend).toBeLessThan(1e-3);
          expect(Math.abs(res.scores.audio - ref.scores.audio), backend).toBeLessThan(1e-3);
          expect(Math.abs(res.scores.video - ref.scores.video), backend).toBeLessThan(1e-3);
          res.questionAttention.forEach((q: number, i: number) =>
            expect(Math.abs(q - ref.questionAttention[i])).toBeLessThan(1e-3),
          );
        }
        console.log(
          `[session-api] one session on each backend: ${Object.entries(seen)
            .map(([b, v]) => `${b} ${v.toFixed(6)}`)
            .join(', ')}`,
        );
      },
      camera,
    );
  });

  it('without the face model the HireNet runs audio-only and says so (face-model-missing)', async () => {
    const r = await run({
      assets: { ...assets, faceModelUrl: '/no-such-dir/face_landmarker.task' },
      steps: [{ do: 'consent' }, { do: 'media' }, { do: 'answer', index: 0, seconds: 2 }, { do: 'result' }],
    });
    expect(r.fatal).toBeUndefined();
    expect(r.modalities).toEqual(['audio']);
    expect(r.loadWarnings).toEqual(['face-model-missing']);
    const [a0] = r.out.filter((o) => o.step === 'answer');
    expect(a0!.videoRows).toBeNull();
    expect(a0!.audioRows).toBeGreaterThan(3);
    expect(Object.keys(step(r, 'result').result.scores)).toEqual(['audio']);
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
