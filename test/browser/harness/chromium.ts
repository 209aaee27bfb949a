import { chromium, type Browser, type LaunchOptions as PlaywrightLaunch } from 'playwright-core';
import { chromiumCandidate, findChromium } from '../../../packages/cli/src/chromium-path.ts';

/**
 * The Chromium the tests launch: HIRENET_CHROMIUM, else Debian's /usr/bin/chromium, else the headless
 * shell shipped inside the @sparticuz/chromium npm tarball (HIRENET_CHROMIUM=npm forces it). Playwright's
 * own browsers are never downloaded. The npm build is unpacked on first launch, so this is its final path.
 */
const candidate = chromiumCandidate();
export const chromiumPath: string = 'missing' in candidate ? '' : candidate.path;
/** 'system', 'HIRENET_CHROMIUM' or 'npm' (a headless shell); undefined when there is none. */
export const chromiumSource = 'missing' in candidate ? undefined : candidate.source;

/**
 * What Debian's Chromium does and the npm headless shell does not (measured by chromium-features.test.ts,
 * which fails if that changes). Everything else the tests use behaves the same in both.
 */
const NPM_LACKS = {
  'permission-prompt':
    'the npm headless shell answers getUserMedia without --use-fake-ui-for-media-stream with NotSupportedError, ' +
    "never a denied prompt (NotAllowedError): needs Debian's Chromium",
  // Measured by video-live.test.ts (face in 0 % of frames, 100 % without the switches, 100 % in Debian's).
  'bitmap-face':
    'in the npm headless shell, with the SwiftShader switches that give tfjs its webgl backend, MediaPipe finds ' +
    "no face in createImageBitmap(<video>) frames (the requestVideoFrameCallback path): needs Debian's Chromium",
} as const;
export type ChromiumFeature = keyof typeof NPM_LACKS;

/** Why the Chromium the harness launches cannot do `feature` (for a one-line skip), or undefined. */
export function chromiumLacks(feature: ChromiumFeature): string | undefined {
  return chromiumSource === 'npm' ? NPM_LACKS[feature] : undefined;
}

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
  return chromium.launch({ ...(await chromiumLaunchOptions()), args });
}

/** executablePath, env and headless for playwright's chromium.launch (for code that launches itself). */
export async function chromiumLaunchOptions(): Promise<PlaywrightLaunch> {
  const found = await findChromium();
  if (found === undefined) throw new Error('missing' in candidate ? candidate.missing : 'no Chromium');
  return { executablePath: found.executablePath, env: found.env, headless: true };
}
