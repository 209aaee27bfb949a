/**
 * The audio channel in real Chromium: file analysis (decodeAudioData → worker) agrees with the
 * Node CLI path, and a live fake microphone is tapped by the AudioWorklet and analysed in the
 * module worker, keeping up with real time without main-thread long tasks.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractAudioFeatures } from '../../packages/sdk/src/audio/frames.ts';
import type { AudioSummary } from '../../packages/sdk/src/audio/summary.ts';
import { readWav } from '../node/audio/praat.ts';
import { closeHarness, sharedMissing, sharedPath, sharedUrl, withPage } from './harness/index.ts';
import { ffmpeg } from './harness/tools.ts';

const CLIP = 'fixtures/audio/jfk.wav';
const missing = sharedMissing(CLIP);
if (missing) console.warn(`[audio-worker] ${missing}`);

interface FileResult {
  error?: string;
  code?: string;
  ms: number;
  frames: number;
  windows: number;
  summary: AudioSummary;
  longTasks: number[];
}
interface LiveResult extends Omit<FileResult, 'ms'> {
  sampleRate: number;
  takenDuring: number;
  maxLagSeconds: number;
}

const tmp = mkdtempSync(join(tmpdir(), 'hirenet-audio-live-'));

describe.skipIf(missing !== undefined)('audio worker in Chromium', () => {
  afterAll(async () => {
    await closeHarness();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('analyses a file locally with both decoders and agrees with the Node path', async () => {
    const { pcm, sampleRate } = readWav(sharedPath(CLIP));
    const node = extractAudioFeatures(pcm, sampleRate).summary;
    for (const decoder of ['webcodecs', 'decodeAudioData'] as const) {
      const r = await withPage('audio/worker.html', async (h) => {
        const res = await h.run<FileResult>({ mode: 'file', url: sharedUrl(CLIP), decoder });
        expect(h.externalRequests().filter((q) => new URL(q.url).hostname !== '127.0.0.1')).toEqual([]);
        return res;
      });
      expect(r.error, decoder).toBeUndefined();
      console.log(
        [
          `[audio-worker] file via ${decoder}: ${r.frames} frames in ${r.ms.toFixed(0)} ms; browser F0`,
          `${r.summary.meanF0Hz.toFixed(1)} Hz vs Node ${node.meanF0Hz.toFixed(1)} Hz`,
        ].join(' '),
      );
      expect(Math.abs(r.frames - 1100)).toBeLessThanOrEqual(2);
      expect(Math.abs(r.summary.meanF0Hz / node.meanF0Hz - 1)).toBeLessThan(0.02);
      expect(Math.abs(r.summary.voicedFraction - node.voicedFraction)).toBeLessThan(0.05);
      expect(r.windows).toBeGreaterThan(40);
    }
  });

  it(
    'decodes compressed containers in the worker (webm/opus, mp4/aac) and rejects non-audio with a ' + 'typed error',
    async () => {
      for (const [ext, codec] of [
        ['webm', 'libopus'],
        ['mp4', 'aac'],
      ] as const) {
        const out = join(tmp, `clip.${ext}`);
        execFileSync(ffmpeg(), ['-v', 'error', '-y', '-i', sharedPath(CLIP), '-c:a', codec, '-b:a', '64k', out]);
        const r = await withPage('audio/worker.html', (h) =>
          h.run<FileResult>({ mode: 'file', base64: readFileSync(out).toString('base64'), decoder: 'webcodecs' }),
        );
        expect(r.error, ext).toBeUndefined();
        console.log(
          [
            `[audio-worker] ${ext} via webcodecs: ${r.frames} frames, F0 ${r.summary.meanF0Hz.toFixed(1)} Hz,`,
            `voiced ${(100 * r.summary.voicedFraction).toFixed(0)} %`,
          ].join(' '),
        );
        // Codec padding (AAC priming, Opus pre-skip) may add a few frames at the ends.
        expect(Math.abs(r.frames - 1100), ext).toBeLessThanOrEqual(12);
        expect(Math.abs(r.summary.meanF0Hz / 236.3 - 1), ext).toBeLessThan(0.03);
      }
      const junk = await withPage('audio/worker.html', (h) =>
        h.run<FileResult>({ mode: 'file', base64: Buffer.from('not audio at all, just text').toString('base64') }),
      );
      expect(junk.code).toBe('not-audio');
    },
  );

  it('taps the fake microphone with an AudioWorklet and keeps up in the worker', async () => {
    // Chromium's fake microphone plays a .wav in a loop; made from the shared clip at test time.
    const wav = join(tmp, 'mic.wav');
    execFileSync(ffmpeg(), ['-v', 'error', '-y', '-i', sharedPath(CLIP), '-ac', '1', '-ar', '48000', wav]);
    const r = await withPage(
      'audio/worker.html',
      (h) => h.run<LiveResult>({ mode: 'live', seconds: 6, viteWorklet: true }),
      { fakeMedia: { audio: wav } },
    );
    expect(r.error).toBeUndefined();
    console.log(
      [
        `[audio-worker] live: ${r.sampleRate} Hz, ${r.frames} frames (${r.takenDuring} during capture),`,
        `max backlog ${r.maxLagSeconds.toFixed(2)} s, F0 ${r.summary.meanF0Hz.toFixed(1)} Hz, voiced`,
        `${(100 * r.summary.voicedFraction).toFixed(0)} %, main-thread long tasks ${r.longTasks.length}`,
      ].join(' '),
    );
    expect(r.frames).toBeGreaterThan(500);
    expect(r.takenDuring / r.frames).toBeGreaterThan(0.8);
    expect(r.maxLagSeconds).toBeLessThan(1);
    expect(r.summary.voicedFraction).toBeGreaterThan(0.2);
    expect(r.summary.meanF0Hz).toBeGreaterThan(100);
    expect(r.longTasks.length).toBe(0);
  });
});
