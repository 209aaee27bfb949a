import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeHarness, type PageOptions, sharedMissing, sharedUrl, withPage } from './harness/index.ts';
import { CLIP, cleanWorkDir, fakeMedia, type SessionAssetUrls } from './session-fixtures.ts';
import { textSessionAssets } from './session-text-fixtures.ts';

const WAV = 'fixtures/audio/jfk.wav';
const missing = sharedMissing(CLIP, WAV);
if (missing) console.warn(`[session-text] ${missing}`);

// biome-ignore lint/suspicious/noExplicitAny: page results are JSON, checked field by field below
type Json = any;
let assets: SessionAssetUrls;
let mic: PageOptions;

function run(args: Record<string, unknown>): Promise<Json> {
  return withPage(
    'session/text.html',
    async (h) => {
      const r = await h.run<Json>({ assets, ...args });
      // Nothing leaves the page: no upload of words, no recognition service.
      expect(h.externalRequests().filter((q) => q.resourceType !== 'websocket')).toEqual([]);
      expect(h.requests.filter((q) => q.hasBody)).toEqual([]);
      return r;
    },
    mic,
  );
}

describe.skipIf(missing !== undefined)('the text channel in a session (Chromium)', () => {
  beforeAll(() => {
    assets = textSessionAssets();
    mic = { fakeMedia: fakeMedia() };
  }, 120_000);
  afterAll(async () => {
    await closeHarness();
    cleanWorkDir();
  });

  it('scores a recorded answer with a timed WebVTT transcript and a text-only answer with plain text', async () => {
    const r = await run({ scenario: 'transcripts' });
    expect(r.modalities).toEqual(['audio', 'text']);
    expect(r.before.code).toBe('consent-required');
    // Bad input is a typed error naming the line, never the words.
    expect(r.bad.code).toBe('invalid-transcript');
    expect(r.bad.message).toMatch(/^line 3: /);
    expect(r.bad.message).not.toContain('secret');
    expect(r.badJson.code).toBe('invalid-transcript');
    const res = r.result;
    expect(Object.keys(res.scores).sort()).toEqual(['audio', 'text']);
    expect(res.scores.text).toBeGreaterThan(0);
    expect(res.scores.text).toBeLessThan(1);
    expect(res.modelCard.modalities).toEqual(['audio', 'text']);
    const [timed, plain] = res.transcripts;
    expect(timed).toMatchObject({ answer: 0, timed: true, source: 'vtt' });
    expect(timed.words.map((w: Json) => w.word)).toEqual([
      'Um,',
      'I',
      'negotiated',
      'the',
      'budget',
      'with',
      'suppliers.',
    ]);
    expect(timed.words[6]).toEqual({ word: 'suppliers.', start: 2.4, end: 2.8 });
    expect(plain).toMatchObject({ answer: 1, timed: false, source: 'text' });
    // Key words come from the text model's word attention; function words never.
    for (const t of [timed, plain]) {
      expect(t.keyWords.length).toBeGreaterThan(0);
      for (const k of t.keyWords) expect(['i', 'the', 'with', 'and', 'to']).not.toContain(k.word);
    }
    expect(timed.keyWords[0].startSeconds).toBeGreaterThanOrEqual(0.5);
    // The timed transcript is on the answer's timeline; the plain one gives a score but no windows.
    expect(res.answerWindows[0].scored.text).toBe(6); // "I" is not in the vocabulary (no single letters)
    expect(res.answerWindows[1]).toMatchObject({ windows: 0, scored: { text: 16 } });
    const att0: number[] = res.answerAttention[0];
    expect(att0.reduce((s: number, v: number) => s + v, 0)).toBeCloseTo(1, 5);
    for (const m of res.keyMoments.filter((k: Json) => k.answer === 0 && k.endSeconds > 0.5 && k.startSeconds < 2.8))
      expect(typeof m.said).toBe('string');
    // Lexical feedback per answer: fillers, repeats and hedges counted from the words.
    const items = (i: number): Json[] => res.feedback.answers.find((a: Json) => a.answer === i).items;
    expect(items(0).find((x: Json) => x.metric === 'filler words').text).toContain('“um” ×1');
    expect(items(1).find((x: Json) => x.metric === 'repeated words').text).toContain('“i” ×1');
    expect(items(1).find((x: Json) => x.metric === 'hedges').text).toContain('“i think” ×1');
    expect(plain.lexical.wordsPerMinute).toBeNull();
    expect(timed.lexical.wordsPerMinute).toBeGreaterThan(0);
    // The report: both transcripts shown, key words marked, the timed one as a track on the timeline.
    expect(r.report.transcripts).toBe(2);
    expect(r.report.marked.length).toBeGreaterThan(0);
    expect(r.report.tracks).toBe(1);
    expect(r.report.trackLabel).toContain('answer 1: 7 words');
    expect(r.report.said.length).toBe(res.keyMoments.filter((k: Json) => k.said !== undefined).length);
    expect(r.tensors.after).toBe(r.tensors.before);
    // Export: the words travel as the dataset's own transcript forms.
    expect(r.exported.manifest.modalities.text).toEqual(['words']);
    expect(r.exported.interview.answers[0].words).toHaveLength(7);
    expect(r.exported.interview.answers[1].text).toContain('sort of talk');
  }, 180_000);

  it('names the words in the consent notice, and a consent without them keeps every word out', async () => {
    const on = await run({ scenario: 'notice' });
    expect(on.notice.sections.map((s: Json) => s.id)).toContain('text');
    expect(on.notice.consentLabel).toContain('the words you say');
    expect(on.log.find((e: Json) => e.type === 'consent').modalities).toEqual(['audio', 'text']);
    expect(on.refused).toBeNull();

    const off = await run({ scenario: 'notice', consent: ['audio'] });
    expect(off.notice.text).not.toContain('words you say');
    expect(off.notice.sections.map((s: Json) => s.id)).not.toContain('text');
    expect(off.refused.code).toBe('consent-required');
    expect(off.result.transcripts).toBeUndefined();
    expect(Object.keys(off.result.scores)).toEqual(['audio']);
    expect(off.log.find((e: Json) => e.type === 'consent').modalities).toEqual(['audio']);
  }, 180_000);

  it('stores transcripts on the device, and withdrawal, delete() and deleteAll() erase them', async () => {
    const r = await run({ scenario: 'deletion' });
    expect(r.stored).toHaveLength(1);
    expect(r.stored[0].transcripts[0].words).toHaveLength(7);
    expect(r.resumedWords).toBe(7);
    expect(r.afterWithdraw.transcript).toBeNull();
    expect(r.afterWithdraw.stored[0].transcripts).toEqual([null, null]);
    expect(JSON.stringify(r.afterWithdraw.stored)).not.toContain('negotiated');
    expect(r.storedBeforeDelete).toBe(2);
    expect(JSON.stringify(r.afterDelete)).not.toContain('sort of talk'); // words of the transcript, not of a question
    expect(r.afterDelete).toHaveLength(1);
    expect(r.databases).not.toContain('hirenet');
  }, 180_000);

  it('refuses on-device recognition this browser cannot do, and never falls back to server recognition', async () => {
    const r = await run({ scenario: 'recognition' });
    // Chromium 156 here: en-US on-device is "downloadable" (language pack not installed).
    expect(r.browserSays).not.toBe('available');
    expect(r.refused).toMatchObject({ code: 'recognition-unavailable', reason: r.browserSays });
    expect(r.refused.message).toContain('server recognition is never used');
    // With the availability answer forced, the local start itself fails (language-not-supported):
    // one start, on-device only, the answer kept without words and a warning saying why.
    expect(r.starts).toEqual([{ processLocally: true, lang: 'en-US' }]);
    expect(r.recorded).toBeGreaterThan(0);
    expect(r.transcript).toBeNull();
    const w = r.warnings.filter((x: Json) => x.code === 'transcript-failed');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ answer: 0, modality: 'text' });
    expect(w[0].message).toMatch(/language-not-supported|not-allowed|network/);
  }, 180_000);

  it('uses a host’s own transcriber for a live take and an uploaded file (the Transcriber interface)', async () => {
    const r = await run({ scenario: 'host-transcriber', wavUrl: sharedUrl(WAV) });
    expect(r.calls).toEqual(['begin:audio', 'end', 'file:true']);
    expect(r.live).toMatchObject({ timed: true, source: 'transcriber' });
    expect(r.live.words.map((w: Json) => w.word)).toEqual(['We', 'shipped', 'early.']);
    expect(r.file).toMatchObject({ timed: false, source: 'transcriber' });
    expect(r.file.words).toHaveLength(3);
    expect(r.keyWords[0]).toBeGreaterThan(0);
    expect(r.keyWords[1]).toBeGreaterThan(0);
  }, 180_000);
});
