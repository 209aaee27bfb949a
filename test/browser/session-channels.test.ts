/**
 * The session API in Chromium when a channel is missing or fails — the camera track ends, no face,
 * silence, a crashed vision worker, no face model — and one session scored on every backend.
 */
import { describe, expect, it } from 'vitest';
import { withPage } from './harness/index.ts';
import {
  cameraOptions,
  consentAndAnswer,
  missing,
  pageAssets,
  run,
  step,
  useSessionPages,
  type Run,
} from './session-api-run.ts';
import { fakeMedia } from './session-fixtures.ts';

if (missing) console.warn(`[session-channels] ${missing}`);

describe.skipIf(missing !== undefined)('session API in Chromium: channels and backends', () => {
  useSessionPages();

  it('the camera track ending mid-answer is a warning; the answer keeps its audio, earlier ones survive', async () => {
    const r = await run({
      steps: consentAndAnswer(
        [
          { index: 0, seconds: 3 },
          { index: 1, seconds: 3, endTrackAfter: 1.5 },
        ],
        { do: 'result' },
      ),
    });
    expect(r.fatal).toBeUndefined();
    const [a0, a1] = r.out.filter((o) => o.step === 'answer');
    expect(a0!.videoRows).toBeGreaterThan(5);
    expect(a1!.warnings).toContain('track-ended');
    expect(a1!.audioRows).toBeGreaterThan(5);
    expect(r.eventLog.some((e) => e.type === 'warning' && e['code'] === 'video-track-ended')).toBe(true);
    expect(step(r, 'result').result.score).toBeGreaterThan(0);
  });

  it('no face for a whole interview: audio-only scoring with a no-face warning per answer', async () => {
    const r = await run(
      {
        steps: consentAndAnswer(
          [
            { index: 0, seconds: 3 },
            { index: 1, seconds: 3 },
          ],
          { do: 'result' },
        ),
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
      { steps: consentAndAnswer([{ index: 0, seconds: 3 }], { do: 'result' }) },
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
        steps: consentAndAnswer(
          [
            { index: 0, seconds: 3 },
            { index: 1, seconds: 5, crashAfter: 1.5 },
          ],
          { do: 'result' },
        ),
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
          assets: pageAssets(),
          backend: 'wasm',
          steps: consentAndAnswer(
            [
              { index: 0, seconds: 3 },
              { index: 1, seconds: 3 },
            ],
            { do: 'result' },
          ),
        });
        expect(first.fatal).toBeUndefined();
        const ref = step(first, 'result').result;
        const seen: Record<string, number> = { wasm: ref.score };
        for (const backend of ['cpu', 'webgl', 'webgpu']) {
          const r = await h.run<Run>({
            assets: pageAssets(),
            backend,
            steps: [{ do: 'resume' }, { do: 'result', fresh: true }],
          });
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
      cameraOptions(),
    );
  });

  it('without the face model the HireNet runs audio-only and says so (face-model-missing)', async () => {
    const r = await run({
      assets: { ...pageAssets(), faceModelUrl: '/no-such-dir/face_landmarker.task' },
      steps: consentAndAnswer([{ index: 0, seconds: 2 }], { do: 'result' }),
    });
    expect(r.fatal).toBeUndefined();
    expect(r.modalities).toEqual(['audio']);
    expect(r.loadWarnings).toEqual(['face-model-missing']);
    const [a0] = r.out.filter((o) => o.step === 'answer');
    expect(a0!.videoRows).toBeNull();
    expect(a0!.audioRows).toBeGreaterThan(3);
    expect(Object.keys(step(r, 'result').result.scores)).toEqual(['audio']);
  });
});
