/**
 * `node --conditions=source --import tsx bench/video-memory.ts file [clip.mp4] | live [seconds]`:
 * Chromium's memory, sampled every second, while the face analyzer runs on a recorded file
 * (test/browser/pages/video/file.html; default: vrt_face_4.mp4 four times, 26.5 s, made in a temp
 * dir) or on the fake camera (video/live.html; default 60 s of talk_f1 at 640×480). Prints one
 * line per sample (PSS, anonymous bytes, shared-memory mappings and their PSS, per Chromium process
 * role), then 10 s idle, then a critical memory-pressure signal (CDP) and 5 s more: what the signal
 * frees was a cache. `HIRENET_MEM_ROWS=path` writes the file's rows (JSON) for before/after diffs.
 *
 * Measured (Chromium 156, SwiftShader, 2026-12): every frame the worker reads pixels from (its
 * createImageBitmap(VideoFrame) downscale, or drawImage / MediaPipe on the VideoFrame itself) adds
 * ~1.2 MB of shared memory to the renderer, in 4 MB segments, until ~455–485 MB (≈ 500 frames),
 * then stays flat: Chromium's discardable memory, which the browser caps at 512 MB for all its
 * renderers together and empties on memory pressure. Decoding frames and closing them unread adds
 * nothing; closing frames or bitmaps earlier, or copying each frame into one of our own, does not
 * change it. So the growth is bounded, not a leak in the SDK.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeHarness, sharedPath, sharedUrl, withPage } from '../test/browser/harness/index.ts';
import { ffmpeg } from '../test/browser/harness/tools.ts';
import { cleanWorkDir, fakeMedia } from '../test/browser/session-fixtures.ts';
import { type MemorySample, startSampler } from './lib/shm-sampler.ts';

const MODEL = 'models/face_landmarker.task';
const mode = process.argv[2] ?? 'file';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const mb = (b: number): string => (b / 2 ** 20).toFixed(0);

function line(s: MemorySample): string {
  const parts = Object.entries(s.roles)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([role, r]) => `${role.replace('chromium ', '')} ${mb(r.pss)}/${mb(r.anon)}/${r.shmMaps}:${mb(r.shmPss)}`);
  const total = Object.values(s.roles).reduce((a, r) => a + r.pss, 0);
  return `${s.t.toFixed(0).padStart(4)} s ${s.label.padEnd(9)} total ${mb(total)} MB | ${parts.join(' | ')}`;
}

/** The long clip: `clip` concatenated `times` times without re-encoding. */
function longClip(dir: string, clip: string, times: number): string {
  const list = join(dir, 'list.txt');
  writeFileSync(list, Array.from({ length: times }, () => `file '${clip}'`).join('\n'));
  const out = join(dir, 'long.mp4');
  execFileSync(
    ffmpeg(),
    ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list].concat(['-c', 'copy', out]),
  );
  return out;
}

const tmp = mkdtempSync(join(tmpdir(), 'hirenet-mem-'));
const sampler = startSampler(1000);
try {
  if (mode === 'file') {
    const clip = process.argv[3] ?? longClip(tmp, sharedPath('fixtures/video/vrt_face_4.mp4'), 4);
    await withPage('video/file.html', async (h) => {
      await h.page.route('**/mem-clip.mp4', (route) =>
        route.fulfill({ body: readFileSync(clip), contentType: 'video/mp4' }),
      );
      const cdp = await h.page.context().newCDPSession(h.page);
      await sleep(3000);
      sampler.label = 'analysing';
      const res = await h.run<{ files: { values?: unknown[]; stats?: unknown; error?: unknown }[] }>({
        modelUrl: sharedUrl(MODEL),
        files: [`${h.origin}/mem-clip.mp4`],
      });
      const f = res.files[0];
      console.log('stats', JSON.stringify(f?.stats ?? f?.error));
      if (process.env['HIRENET_MEM_ROWS']) writeFileSync(process.env['HIRENET_MEM_ROWS'], JSON.stringify(f?.values));
      await tail(cdp);
    });
  } else {
    const seconds = Number(process.argv[3] ?? 60);
    await withPage(
      'video/live.html',
      async (h) => {
        const cdp = await h.page.context().newCDPSession(h.page);
        await sleep(3000);
        sampler.label = 'live';
        const r = await h.run<Record<string, unknown>>({ modelUrl: sharedUrl(MODEL), seconds });
        console.log('live', JSON.stringify({ mode: r['mode'], analysed: r['analysed'], fps: r['fps'] }));
        await tail(cdp);
      },
      { fakeMedia: { video: fakeMedia().video } },
    );
  }
} finally {
  const samples = sampler.stop();
  for (const s of samples) console.log(line(s));
  const shm = (s: MemorySample): number => s.roles['chromium renderer']?.shmPss ?? 0;
  const peak = samples.reduce((a, s) => Math.max(a, shm(s)), 0);
  const last = samples.at(-1);
  console.log(`renderer shared memory: peak ${mb(peak)} MB, after the pressure signal ${mb(last ? shm(last) : 0)} MB`);
  await closeHarness();
  cleanWorkDir();
  rmSync(tmp, { recursive: true, force: true });
}

async function tail(cdp: {
  send(m: 'Memory.simulatePressureNotification', p: { level: 'critical' }): Promise<unknown>;
}) {
  sampler.label = 'idle';
  await sleep(10_000);
  sampler.label = 'pressure';
  await cdp.send('Memory.simulatePressureNotification', { level: 'critical' });
  await sleep(5000);
}
