// Uploaded recordings scored through the session (session.addAnswerFile): real talking-face
// video and speech from ../shared, a file with no media in it, a truncated file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeHarness, sharedMissing, sharedUrl, skipUnless, withPage } from './harness/index.ts';
import type { PageStep } from './page-steps.ts';
import { FACE_MODEL, sessionAssets, type SessionAssetUrls } from './session-fixtures.ts';

const VIDEO = 'fixtures/video/vrt_face_1.mp4';
const WAV = 'fixtures/audio/jfk.wav';
const missing = sharedMissing(FACE_MODEL);
if (missing) console.warn(`[session-upload] ${missing}`);

type Out = PageStep;
interface Run {
  modalities: string[];
  out: Out[];
  warnings: { code: string; answer?: number }[];
  logWarnings: { code: string; answer?: number }[];
  storedAnswers: boolean[] | null;
  tensorsBefore: number;
  tensorsAfterClose: number;
}

let assets: SessionAssetUrls;

function run(args: Record<string, unknown>): Promise<Run> {
  return withPage('session/upload.html', async (h) => {
    const r = await h.run<Run>({ assets, ...args });
    // The Vite dev server's own socket is harness plumbing (as in session-api.test.ts).
    expect(
      h.externalRequests().filter((q) => !(q.resourceType === 'websocket' && new URL(q.url).hostname === '127.0.0.1')),
    ).toEqual([]);
    expect(h.requests.filter((q) => q.hasBody)).toEqual([]);
    return r;
  });
}

describe.skipIf(missing !== undefined)('session: uploaded answers (addAnswerFile)', () => {
  beforeAll(() => {
    assets = sessionAssets();
  });
  afterAll(closeHarness);

  it(
    "a new take of an answer replaces the earlier take's warnings in the result; the event log keeps " + 'them',
    async (ctx) => {
      skipUnless(ctx, VIDEO, WAV);
      const r = await run({
        steps: [
          { do: 'file', index: 1, file: { url: sharedUrl(WAV) } },
          { do: 'file', index: 1, file: { url: sharedUrl(VIDEO) } },
          { do: 'result' },
        ],
      });
      const [first, second] = r.out.filter((o) => o.step === 'file');
      expect(first!.warnings).toEqual(['no-camera']);
      expect(second!.warnings).toEqual([]);
      // The 'warning' event fired when the first take was analysed; only the stored state forgets it.
      expect(r.warnings.filter((w) => w.answer === 1)).toHaveLength(1);
      const result = r.out.find((o) => o.step === 'result')!.result;
      expect(result.warnings.filter((w: { answer?: number }) => w.answer === 1)).toEqual([]);
      expect(r.logWarnings.filter((w) => w.answer === 1)).toHaveLength(1);
    },
  );

  it(
    'a talking-face video gives audio and video rows, a wav gives audio only, and both are scored; a ' +
      'corrupt file is a typed error that leaves the earlier answers and the tensor count as they were',
    async (ctx) => {
      skipUnless(ctx, VIDEO, WAV);
      const r = await run({
        steps: [
          { do: 'file', index: 0, file: { url: sharedUrl(VIDEO) } },
          { do: 'file', index: 1, file: { url: sharedUrl(WAV) } },
          { do: 'result' },
          { do: 'file', index: 0, file: { random: 65536 } },
          { do: 'file', index: 2, file: { url: sharedUrl(VIDEO), truncate: true } },
          { do: 'result', fresh: true },
        ],
      });
      const files = r.out.filter((o) => o.step === 'file');
      const recorded = r.out.filter((o) => o.step === 'recorded');
      const [res1, res2] = r.out.filter((o) => o.step === 'result');
      console.log(
        [
          '[session-upload]',
          `${files
            .map((f) =>
              [
                `answer ${f.index}:`,
                `${
                  f.error
                    ? f.error.code
                    : [
                        `${f.seconds.toFixed(2)} s, audio ${f.audioRows}, video ${f.videoRows} rows, luma`,
                        `${f.meanLuma?.toFixed(1)}`,
                      ].join(' ')
                }`,
                `in ${Math.round(f.ms)} ms`,
              ].join(' '),
            )
            .join('; ')};`,
          `tensors ${res1!.tensors} → ${res2!.tensors}`,
        ].join(' '),
      );

      // Video file: both channels, ~6.1 s → ≈ 23 windows each.
      expect(files[0]!.recorded).toBe(true);
      expect(files[0]!.audioRows).toBeGreaterThan(15);
      expect(files[0]!.videoRows).toBeGreaterThan(15);
      expect(files[0]!.seconds).toBeGreaterThan(5.5);
      expect(files[0]!.warnings).toEqual([]);
      // Wav: audio only, and the session says the video is missing for that answer.
      expect(files[1]!.audioRows).toBeGreaterThan(30);
      expect(files[1]!.videoRows).toBeNull();
      expect(files[1]!.warnings).toEqual(['no-camera']);
      expect(res1!.result.score).toBeGreaterThan(0);
      expect(Object.keys(res1!.result.scores).sort()).toEqual(['audio', 'video']);
      expect(res1!.result.questionAttention).toHaveLength(3);
      expect(res1!.result.answerAttention[0].length).toBeGreaterThan(15);
      expect(res1!.result.answerAttention[1].length).toBeGreaterThan(30);
      expect(res1!.result.answerAttention[2]).toEqual([]);

      // Random bytes: typed error, nothing replaced.
      expect(files[2]!.error.code).toBe('unreadable-file');
      expect(recorded[2]!.answers).toEqual(recorded[1]!.answers);
      // The first half of an mp4 whose index (moov) is at the end: no track can be found.
      expect(files[3]!.error.code).toBe('unreadable-file');
      expect(recorded[3]!.answers[0]).toEqual(recorded[0]!.answers[0]);
      expect(recorded[3]!.answers[1]).toEqual(recorded[1]!.answers[1]);
      expect(res2!.result.score).toBeCloseTo(res1!.result.score, 9);
      // The event log keeps a code for the failed file, never its name or the message.
      expect(r.logWarnings.some((w) => w.answer === 0 && w.code !== 'other')).toBe(true);
      expect(r.storedAnswers).toEqual([true, true, false]);

      // Scoring again allocates nothing that stays; close frees everything.
      expect(res2!.tensors).toBe(res1!.tensors);
      expect(r.tensorsAfterClose).toBe(r.tensorsBefore);
    },
  );

  it(
    'with the face channel off (modalities: audio) a video file is analysed for audio only, without ' + 'warnings',
    async (ctx) => {
      skipUnless(ctx, VIDEO);
      const r = await run({
        modalities: ['audio'],
        steps: [{ do: 'file', index: 0, file: { url: sharedUrl(VIDEO) } }, { do: 'result' }],
      });
      expect(r.modalities).toEqual(['audio']);
      const [f] = r.out.filter((o) => o.step === 'file');
      expect(f!.audioRows).toBeGreaterThan(15);
      expect(f!.videoRows).toBeNull();
      expect(f!.warnings).toEqual([]);
      expect(Object.keys(r.out.find((o) => o.step === 'result')!.result.scores)).toEqual(['audio']);
    },
  );
});
