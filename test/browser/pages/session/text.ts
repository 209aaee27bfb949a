// The text channel of the session in Chromium (test/browser/session-text.test.ts): transcripts with
// and without times, the on-device recognition refusal, the consent notice, storage and deletion.
import { HireNet } from '../../../../packages/sdk/src/session/hirenet.ts';
import type { InterviewSession } from '../../../../packages/sdk/src/session/interview.ts';
import { requestInterviewMedia } from '../../../../packages/sdk/src/session/media.ts';
import { NOTICE_TEMPLATE_EN, renderNotice } from '../../../../packages/sdk/src/session/notice.ts';
import type { SessionModality } from '../../../../packages/sdk/src/session/types.ts';
import { createLocalSpeechTranscriber } from '../../../../packages/sdk/src/text/transcript-recognition.ts';
import type { Transcriber } from '../../../../packages/sdk/src/text/transcript-source.ts';
import { renderReport } from '../../../../packages/demo/src/report/index.ts';
import * as tf from '@tensorflow/tfjs-core';
import { exposeRun } from '../../harness/page.ts';
import { pageSessionOptions, type PageAssets } from './page-options.ts';

interface Args {
  assets: PageAssets;
  scenario: 'transcripts' | 'notice' | 'deletion' | 'recognition' | 'host-transcriber';
  modalities?: SessionModality[];
  consent?: SessionModality[];
  wavUrl?: string;
}

const VTT = [
  'WEBVTT',
  '',
  '00:00.500 --> 00:01.500',
  '<v Candidate>Um, I negotiated the budget',
  '',
  '00:02.000 --> 00:02.800',
  'with <00:02.400>suppliers.',
].join('\n');
const PLAIN = 'I think I I would, you know, sort of talk to the team first and then plan the release.';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const errorOf = (e: unknown): { code: string; message: string; reason?: string } => ({
  code: (e as { code?: string }).code ?? (e as Error).name,
  message: (e as Error).message,
  ...((e as { reason?: string }).reason === undefined ? {} : { reason: (e as { reason: string }).reason }),
});
async function attempt(f: () => unknown): Promise<{ code: string; message: string } | null> {
  try {
    await f();
    return null;
  } catch (e) {
    return errorOf(e);
  }
}

/** The raw IndexedDB records (what a reload, or anyone with the device, would find). */
async function storedRecords(): Promise<unknown[]> {
  if (!(await indexedDB.databases()).some((d) => d.name === 'hirenet')) return [];
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('hirenet');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  try {
    return await new Promise<unknown[]>((resolve, reject) => {
      const r = db.transaction('sessions').objectStore('sessions').getAll();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  } finally {
    db.close();
  }
}

async function recordAnswer(s: InterviewSession, index: number, seconds: number): Promise<void> {
  await s.beginAnswer(index);
  await sleep(seconds * 1000);
  await s.endAnswer();
}

exposeRun(async (a: Args) => {
  const modalities = a.modalities ?? ['audio', 'text'];
  if (a.scenario === 'recognition') return recognition(a, modalities);
  const hn = await HireNet.create(pageSessionOptions(a.assets, { faceModelUrl: null, modalities }));
  let stream: MediaStream | undefined;
  try {
    const questions = ['Tell us about a negotiation you led.', 'How would you handle a late release?'];
    const s = hn.startInterview({ jobTitle: 'Project manager', questions });
    const values = {
      employer: 'Acme',
      jobTitle: 'Project manager',
      contact: 'privacy@acme.example',
      retentionDays: 90,
      deletionDays: 30,
      alternative: 'a call with a recruiter',
    };
    const consented = a.consent ?? hn.modalities;
    const notice = renderNotice(NOTICE_TEMPLATE_EN, values, consented);
    const before = await attempt(() => s.setTranscript(0, PLAIN));
    await s.consent({ noticeVersion: NOTICE_TEMPLATE_EN.version, modalities: consented });
    if (a.scenario === 'host-transcriber') return await hostTranscriber(s, a.wavUrl ?? '');
    if (a.scenario === 'notice') {
      const refused = await attempt(() => s.setTranscript(0, PLAIN));
      stream = await requestInterviewMedia(['audio']);
      s.attach(stream);
      await recordAnswer(s, 0, 2);
      const result = await s.result();
      const log = s.eventLogs().at(-1)?.events ?? [];
      return { modalities: hn.modalities, notice, before, refused, result, log };
    }
    stream = await requestInterviewMedia(['audio']);
    s.attach(stream);
    await recordAnswer(s, 0, 3.5);
    const bad = await attempt(() => s.setTranscript(0, 'WEBVTT\n\n00:02.000 --> 00:01.000\nsecret words'));
    const badJson = await attempt(() => s.setTranscript(0, [{ word: 'a', start: 1, end: 2 }, { word: 'b' }]));
    await s.setTranscript(0, VTT);
    await s.setTranscript(1, PLAIN);
    const result = await s.result();
    // Scoring with the text model again leaves no tensor behind.
    const tensorsBefore = tf.memory().numTensors;
    await s.result({ fresh: true });
    const tensors = { before: tensorsBefore, after: tf.memory().numTensors };
    const exported = s.exportDataset({ label: 1 });
    if (a.scenario === 'transcripts') {
      // The demo's report (also `hirenet analyze`'s): key words marked, the transcript track, what moments said.
      const root = document.body.appendChild(document.createElement('div'));
      renderReport(root, { jobTitle: 'Project manager', questions, result, answers: s.recorded });
      const report = {
        marked: Array.from(root.querySelectorAll('mark.hn-key-word'), (m) => m.textContent),
        tracks: Array.from(root.querySelectorAll('.hn-chart figcaption strong')).filter(
          (e) => e.textContent === 'Words',
        ).length,
        trackLabel: root.querySelector('.hn-chart-plot[aria-label^="Transcript track"]')?.getAttribute('aria-label'),
        transcripts: root.querySelectorAll('[data-testid=transcript]').length,
        said: Array.from(root.querySelectorAll('.hn-said'), (m) => m.textContent),
      };
      return { modalities: hn.modalities, before, bad, badJson, result, exported, report, tensors };
    }
    // deletion: what is stored, what a resume brings back, what withdrawal, delete() and deleteAll() leave.
    const stored = await storedRecords();
    const resumed = await hn.resumeInterview(s.id);
    const resumedWords = resumed?.transcript(0)?.words.length ?? null;
    await resumed?.close();
    await s.withdrawConsent();
    const afterWithdraw = { transcript: s.transcript(0), stored: await storedRecords() };
    const s2 = hn.startInterview({ jobTitle: 'Project manager', questions });
    await s2.consent({ noticeVersion: NOTICE_TEMPLATE_EN.version, modalities: consented });
    await s2.setTranscript(1, PLAIN);
    const storedBeforeDelete = (await storedRecords()).length;
    await s2.delete();
    const afterDelete = await storedRecords();
    const s3 = hn.startInterview({ jobTitle: 'Project manager', questions });
    await s3.consent({ noticeVersion: NOTICE_TEMPLATE_EN.version, modalities: consented });
    await s3.setTranscript(0, PLAIN);
    await hn.deleteAll();
    const databases = (await indexedDB.databases()).map((d) => d.name);
    return { stored, resumedWords, afterWithdraw, storedBeforeDelete, afterDelete, databases };
  } finally {
    for (const t of stream?.getTracks() ?? []) t.stop();
    await hn.close();
  }
});

/**
 * A host's own on-device transcriber (the `Transcriber` interface): here one that reports the
 * words it was told to hear, with times from `begin`, for a live take and for an uploaded file.
 */
async function hostTranscriber(s: InterviewSession, wavUrl: string): Promise<unknown> {
  const calls: string[] = [];
  let t0 = 0;
  const transcriber: Transcriber = {
    label: 'test transcriber',
    begin: async (track) => {
      calls.push(`begin:${track?.kind ?? 'none'}`);
      t0 = performance.now();
    },
    end: async () => {
      calls.push('end');
      const s1 = (performance.now() - t0) / 1000;
      return [
        { word: 'We', start: 0.2, end: 0.4 },
        { word: 'shipped', start: 0.4, end: 0.9 },
        { word: 'early.', start: 0.9, end: Math.min(1.4, s1) },
      ];
    },
    abort: () => calls.push('abort'),
    transcribeFile: async (file) => {
      calls.push(`file:${file.size > 0}`);
      return 'uploaded words here';
    },
  };
  const stream = await requestInterviewMedia(['audio']);
  try {
    s.attach(stream);
    s.setTranscriber(transcriber);
    await recordAnswer(s, 0, 2);
    const live = s.transcript(0);
    const wav = await (await fetch(wavUrl)).blob();
    await s.addAnswerFile(1, wav);
    const file = s.transcript(1);
    const result = await s.result();
    return { calls, live, file, keyWords: result.transcripts?.map((t) => t?.keyWords.length ?? null) };
  } finally {
    for (const t of stream.getTracks()) t.stop();
  }
}

/**
 * The refusal path: the SDK's own check, then (with the browser's availability answer overridden
 * to "available") a session take whose local start fails — the answer must be kept without words,
 * and no recogniser may ever start with processLocally other than true.
 */
async function recognition(a: Args, modalities: SessionModality[]): Promise<unknown> {
  const refused = await attempt(() => createLocalSpeechTranscriber({ lang: 'en-US' }));
  const SR = (globalThis as unknown as { SpeechRecognition: { prototype: Record<string, unknown> } }).SpeechRecognition;
  const browserSays = await (SR as unknown as { available: (o: unknown) => Promise<string> }).available({
    langs: ['en-US'],
    processLocally: true,
  });
  const starts: { processLocally: unknown; lang: unknown }[] = [];
  const start = SR.prototype['start'] as (this: unknown, t?: MediaStreamTrack) => void;
  SR.prototype['start'] = function (this: { processLocally: unknown; lang: unknown }, t?: MediaStreamTrack) {
    starts.push({ processLocally: this.processLocally, lang: this.lang });
    return start.call(this, t);
  };
  (SR as unknown as { available: () => Promise<string> }).available = async () => 'available';
  const transcriber = await createLocalSpeechTranscriber({ lang: 'en-US' });
  const hn = await HireNet.create(pageSessionOptions(a.assets, { faceModelUrl: null, modalities }));
  const stream = await requestInterviewMedia(['audio']);
  try {
    const s = hn.startInterview({ jobTitle: 'Project manager', questions: ['Tell us about a negotiation you led.'] });
    const warnings: { code: string; answer?: number; modality?: string; message: string }[] = [];
    s.on('warning', (w) => warnings.push(w));
    await s.consent({ noticeVersion: NOTICE_TEMPLATE_EN.version, modalities: hn.modalities });
    s.attach(stream);
    s.setTranscriber(transcriber);
    await recordAnswer(s, 0, 2);
    return {
      refused,
      browserSays,
      starts,
      warnings,
      recorded: s.recorded[0]?.audio?.rows.length ?? null,
      transcript: s.transcript(0),
    };
  } finally {
    for (const t of stream.getTracks()) t.stop();
    await hn.close();
  }
}
