/**
 * What the browser tests rely on, probed in each Chromium the harness can launch: the one it picks
 * (Debian's, or HIRENET_CHROMIUM) and, when installed, the npm headless shell (@sparticuz/chromium)
 * it falls back to on a machine without one. The fake camera and mic play files made here with
 * ffmpeg (a red picture, a 440 Hz tone), so each probe checks the file's content arrived, not just
 * that a track exists. Results go to test-results/chromium-features.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumCandidate, findChromium } from '../../../packages/cli/src/chromium-path.ts';
import { chromiumLacks, defaultArgs, fakeMediaArgs } from './chromium.ts';
import { probeAll, type ProbeResult } from './feature-probes.ts';
import { repoRoot } from './paths.ts';
import { runFfmpeg } from './tools.ts';

const dir = mkdtempSync(join(tmpdir(), 'hirenet-chromium-features-'));
let server: Server;
let origin = '';
const results: Record<string, ProbeResult> = {};

beforeAll(async () => {
  // 2 s of solid red at 320×240 (camera), a 440 Hz tone (mic), and an H.264 clip for <video>/WebCodecs.
  runFfmpeg('-f', 'lavfi', '-i', 'color=c=red:s=320x240:r=30', '-t', '2', '-pix_fmt', 'yuv420p', join(dir, 'red.y4m'));
  runFfmpeg('-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000', '-t', '2', '-ac', '2', join(dir, 'tone.wav'));
  runFfmpeg(
    ...['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=30', '-t', '1', '-c:v', 'libx264', '-profile:v', 'baseline'],
    ...['-pix_fmt', 'yuv420p', '-movflags', '+faststart', join(dir, 'clip.mp4')],
  );
  server = createServer((req, res) => {
    if (req.url === '/clip.mp4') {
      res.setHeader('Content-Type', 'video/mp4');
      res.end(readFileSync(join(dir, 'clip.mp4')));
    } else {
      res.setHeader('Content-Type', 'text/html');
      res.end('<!doctype html><meta charset="utf-8"><title>probe</title><p>probe</p>');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
  writeFileSync(join(repoRoot, 'test-results/chromium-features.json'), `${JSON.stringify(results, null, 2)}\n`);
});

/** Launch the harness's Chromium (force undefined) or the one HIRENET_CHROMIUM=force names. */
async function launch(force: string | undefined, args: string[]): Promise<{ browser: Browser; source: string }> {
  const saved = process.env['HIRENET_CHROMIUM'];
  if (force !== undefined) process.env['HIRENET_CHROMIUM'] = force;
  let found: Awaited<ReturnType<typeof findChromium>>;
  try {
    found = await findChromium();
  } finally {
    if (saved === undefined) delete process.env['HIRENET_CHROMIUM'];
    else process.env['HIRENET_CHROMIUM'] = saved;
  }
  if (found === undefined) throw new Error(`no Chromium (${force ?? 'harness'})`);
  const { executablePath, env, source } = found;
  return { browser: await chromium.launch({ executablePath, env, headless: true, args }), source };
}

async function probe(label: string, force: string | undefined): Promise<ProbeResult> {
  const media = fakeMediaArgs({ video: join(dir, 'red.y4m'), audio: join(dir, 'tone.wav') });
  const { browser, source } = await launch(force, [...defaultArgs, ...media, '--allow-loopback-in-peer-connection']);
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${origin}/`);
    const r = { version: browser.version(), source, ...(await probeAll(page)) };
    results[label] = r;
    console.info(`[chromium-features] ${label} ${r.version}: ${JSON.stringify(r.features)}`);
    return r;
  } finally {
    await browser.close();
  }
}

function expectEverything(r: ProbeResult): void {
  const f = r.features;
  expect(f.language, 'navigator.language is a valid BCP 47 tag').toBe(true);
  expect(f.fakeCameraRed, 'fake camera plays the red .y4m').toBe(true);
  expect(f.fakeMicTone, 'fake mic plays the 440 Hz .wav (peak bin within 20 Hz)').toBe(true);
  expect(f.trackProcessorInWorker, 'MediaStreamTrackProcessor readable handed to a worker').toBe(true);
  expect(f.h264Video, 'H.264 mp4 decodes in <video>').toBe(true);
  expect(f.h264WebCodecs, 'WebCodecs VideoDecoder supports avc1').toBe(true);
  expect(f.moduleWorker, 'module workers with static imports').toBe(true);
  expect(f.audioWorklet, 'AudioWorklet module runs process()').toBe(true);
  expect(f.wasmSimd, 'WebAssembly SIMD').toBe(true);
  expect(f.webgl2Offscreen, 'WebGL2 on an OffscreenCanvas in a worker').toBe(true);
  expect(f.webgl2NoCaveat, 'WebGL2 with failIfMajorPerformanceCaveat (as tfjs asks)').toBe(true);
  expect(f.webgpu, 'WebGPU adapter with --enable-unsafe-webgpu').toBe(true);
  expect(f.webrtcLoopback, 'RTCPeerConnection data channel over loopback').toBe(true);
  expect(f.mediaRecorderVp8, 'MediaRecorder webm/vp8,opus').toBe(true);
}

describe('Chromium features the browser tests rely on', () => {
  it('the Chromium the harness launches has every one', async () => {
    const c = chromiumCandidate();
    expect('missing' in c ? c.missing : c.path).not.toBe('');
    expectEverything(await probe('harness', undefined));
  });

  it('the npm headless shell (@sparticuz/chromium) has every one too', async () => {
    expectEverything(await probe('npm', 'npm'));
  });

  it('without the fake-UI switch, only the npm shell fails to deny the camera (what chromiumLacks says)', async () => {
    const denial: Record<string, string> = {};
    for (const force of [undefined, 'npm']) {
      const { browser, source } = await launch(force, [...defaultArgs, '--use-fake-device-for-media-stream']);
      try {
        const page = await browser.newPage();
        await page.goto(`${origin}/`);
        denial[force ?? 'harness'] = await page.evaluate(() =>
          navigator.mediaDevices.getUserMedia({ video: true }).then(
            () => 'granted',
            (e: Error) => e.name,
          ),
        );
        if (force === undefined)
          expect(denial['harness']).toBe(source === 'npm' ? 'NotSupportedError' : 'NotAllowedError');
      } finally {
        await browser.close();
      }
    }
    expect(denial['npm']).toBe('NotSupportedError');
    expect(chromiumLacks('permission-prompt') === undefined).toBe(denial['harness'] === 'NotAllowedError');
  });
});
