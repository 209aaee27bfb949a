// Audio channel in Chromium (test/browser/audio-worker.test.ts): a file decoded locally, and the
// fake microphone tapped by the AudioWorklet and analysed in the module worker.
import { analyzeAudioFile, startAudioCapture } from '../../../../packages/sdk/src/audio/capture.ts';
import { viteAudioWorklet } from '../../../../packages/sdk/src/audio/capture-urls.vite.ts';
import { exposeRun, recordLongTasks } from '../../harness/page.ts';

interface Args {
  readonly mode: 'file' | 'live';
  readonly url?: string;
  /** File bytes as base64 (files made at test time that the harness does not serve). */
  readonly base64?: string;
  readonly decoder?: 'auto' | 'webcodecs' | 'decodeAudioData';
  readonly seconds?: number;
  /** Load the worklet through the Vite helper instead of the default URL. */
  readonly viteWorklet?: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

exposeRun(async (a: Args) => {
  const { durations: longTasks, stop: stopLongTasks } = recordLongTasks();
  try {
    if (a.mode === 'file') {
      const t0 = performance.now();
      const bytes =
        a.base64 !== undefined
          ? Uint8Array.from(atob(a.base64), (c) => c.charCodeAt(0)).buffer
          : await (await fetch(a.url!)).arrayBuffer();
      const r = await analyzeAudioFile(bytes, { decoder: a.decoder ?? 'auto' });
      return {
        ms: performance.now() - t0,
        frames: r.rows.length / r.columns,
        windows: r.windows.length,
        summary: r.summary,
        longTasks,
      };
    }
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
    const capture = await startAudioCapture(stream, a.viteWorklet === true ? viteAudioWorklet : {});
    const lags: number[] = [];
    let taken = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < (a.seconds ?? 4) * 1000) {
      await sleep(500);
      const p = await capture.progress();
      // Seconds of received audio not yet turned into frames (pitch look-ahead is 0.25 s + a block).
      lags.push(p.inputSeconds - p.frames / 100);
      const b = await capture.take();
      taken += b.rows.length / b.columns;
    }
    const r = await capture.stop();
    await capture.close();
    for (const t of stream.getTracks()) t.stop();
    return {
      sampleRate: capture.sampleRate,
      takenDuring: taken,
      frames: taken + r.rows.length / r.columns,
      windows: r.windows.length,
      summary: r.summary,
      maxLagSeconds: Math.max(...lags),
      longTasks,
    };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}`, code: (e as { code?: string }).code };
  } finally {
    stopLongTasks();
  }
});
