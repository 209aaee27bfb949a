import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; Playwright's own browsers are never downloaded. */
export const chromiumPath = '/usr/bin/chromium';

/** Fake capture devices fed from files (absolute paths; Chromium wants .y4m video and .wav audio). */
export interface FakeMedia {
  readonly video?: string;
  readonly audio?: string;
}

export interface LaunchOptions {
  readonly fakeMedia?: FakeMedia;
  /** Extra Chromium switches, appended after the defaults. */
  readonly args?: readonly string[];
}

/**
 * Switches measured in PLATFORM-NOTES. WebGPU only exists with --enable-unsafe-webgpu (on a
 * SwiftShader fallback adapter). --disable-software-rasterizer must never be added: WebGL,
 * WebGPU and MediaPipe all run on SwiftShader here. The rest keep Chromium from phoning home,
 * so the network log of a test holds only what the page itself asked for.
 */
export const defaultArgs: readonly string[] = [
  '--enable-unsafe-webgpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function fakeMediaArgs(media: FakeMedia): string[] {
  const args = [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
  ];
  if (media.video !== undefined) args.push(`--use-file-for-fake-video-capture=${media.video}`);
  if (media.audio !== undefined) args.push(`--use-file-for-fake-audio-capture=${media.audio}`);
  return args;
}

/**
 * Launch headless Chromium. Playwright gives each launch a fresh temporary --user-data-dir and
 * deletes it on close; each withPage() then opens its own incognito-like context, so caches
 * (HTTP, IndexedDB, permissions) never leak from one test page into the next.
 */
export async function launchChromium(opts: LaunchOptions = {}): Promise<Browser> {
  const args = [...defaultArgs, ...(opts.fakeMedia ? fakeMediaArgs(opts.fakeMedia) : []), ...(opts.args ?? [])];
  return chromium.launch({ executablePath: chromiumPath, headless: true, args });
}
