/**
 * Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: the
 * browser reads commands on fd 3 and writes replies on fd 4, each a JSON text ended by NUL), for
 * `hirenet analyze`. What analyze needs is a handful of commands (open a page, evaluate, a binding
 * for progress); playwright-core would give them too, but importing it costs the CLI's Node
 * process ~86 MB (RSS 41 → 127 MB, measured on Node 20), a sixth of the 500 MB the whole run may
 * use (issue 15). `hirenet features video` keeps Playwright (chromium-path.ts launchCliChromium).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import type { ChromiumExecutable } from './chromium-path.ts';

/**
 * Playwright's launch switches that matter for a page we only compute in (playwright-core 1.65
 * chromiumSwitches + headless), so that the page sees the same browser as before: no background
 * throttling, sRGB colour profile, no network chatter; plus the CLI's own.
 */
const SWITCHES = [
  '--headless',
  '--no-sandbox',
  '--hide-scrollbars',
  '--mute-audio',
  '--no-startup-window',
  '--disable-field-trial-config',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-back-forward-cache',
  '--disable-breakpad',
  '--disable-component-extensions-with-background-pages',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-features=OptimizationHints,MediaRouter,NetworkTimeServiceQuerying,PreconnectToSearch,AimEnabled,' +
    'LensOverlay,PaintHolding,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,DestroyProfileOnBrowserClose,' +
    // Chromium 156 preloads two omnibox-popup WebUI pages (chrome://omnibox-popup.top-chrome/), even
    // headless with no window: ~95 MB as renderers of their own, ~30 MB inside --single-process.
    'WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
  '--disable-hang-monitor',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-sync',
  '--force-color-profile=srgb',
  '--metrics-recording-only',
  '--no-default-browser-check',
  '--no-first-run',
  '--no-service-autorun',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-search-engine-choice-screen',
  '--disable-quic',
  '--enable-unsafe-swiftshader',
];

type Params = Record<string, unknown>;
type Handler = (params: Params) => void;

export interface PipePage {
  send<T = Params>(method: string, params?: Params): Promise<T>;
  on(event: string, handler: Handler): void;
  /** Evaluates an expression in the page, awaiting a promise; the value comes back as JSON. */
  evaluate<T>(expression: string): Promise<T>;
}

export interface PipeBrowser {
  newPage(viewport: { width: number; height: number }): Promise<PipePage>;
  close(): Promise<void>;
}

export async function launchPipeChromium(found: ChromiumExecutable, args: readonly string[]): Promise<PipeBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'hirenet-chromium-'));
  const child = spawn(
    found.executablePath,
    [...SWITCHES, ...args, `--user-data-dir=${profile}`, '--remote-debugging-pipe'],
    { env: found.env, stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const conn = new Connection(child.stdio[3] as Writable, child.stdio[4] as Readable, exited, () => log);
  const cleanup = (): void => rmSync(profile, { recursive: true, force: true });
  try {
    await Promise.race([conn.send('Browser.getVersion'), new Promise((_, reject) => child.once('error', reject))]);
  } catch (e) {
    child.kill('SIGKILL');
    await exited;
    cleanup();
    throw e;
  }
  return {
    async newPage(viewport) {
      const { targetId } = await conn.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = await conn.send<{ sessionId: string }>('Target.attachToTarget', {
        targetId,
        flatten: true,
      });
      const page: PipePage = {
        send: (method, params) => conn.send(method, params, sessionId),
        on: (event, handler) => conn.on(sessionId, event, handler),
        async evaluate<T>(expression: string): Promise<T> {
          const r = await page.send<{ result: { value?: unknown }; exceptionDetails?: Params }>('Runtime.evaluate', {
            expression,
            awaitPromise: true,
            returnByValue: true,
          });
          if (r.exceptionDetails !== undefined)
            throw new HireNetError('chromium-failed', exceptionText(r.exceptionDetails));
          return r.result.value as T;
        },
      };
      await page.send('Runtime.enable');
      await page.send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: 1, mobile: false });
      return page;
    },
    async close() {
      await Promise.race([conn.send('Browser.close').catch(() => undefined), exited]);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      cleanup();
    },
  };
}

/** The message of a Runtime exception (an Error's stack, else the thrown value's text). */
export function exceptionText(details: Params): string {
  const exception = details['exception'] as { description?: string; value?: unknown } | undefined;
  return exception?.description ?? String(exception?.value ?? details['text'] ?? 'exception');
}

class Connection {
  private nextId = 1;
  private buffered = '';
  private readonly pending = new Map<number, { resolve(v: Params): void; reject(e: Error): void }>();
  private readonly handlers = new Map<string, Handler[]>();
  private closed: Error | undefined;

  constructor(
    private readonly out: Writable,
    input: Readable,
    exited: Promise<void>,
    private readonly log: () => string,
  ) {
    // A decoder: a chunk may end inside a multi-byte character (Chromium 156 escapes non-ASCII as
    // \uXXXX, so the pipe carries ASCII; nothing in the protocol promises that).
    const utf8 = new StringDecoder('utf8');
    input.on('data', (d: Buffer) => this.receive(utf8.write(d)));
    out.on('error', () => undefined); // a write after the browser died: reported by `exited`
    void exited.then(() => {
      this.closed = new Error(`Chromium exited${this.log() ? `: ${this.log().trim().split('\n').pop()}` : ''}`);
      for (const p of this.pending.values()) p.reject(this.closed);
      this.pending.clear();
    });
  }

  send<T = Params>(method: string, params: Params = {}, sessionId?: string): Promise<T> {
    if (this.closed) return Promise.reject(this.closed);
    const id = this.nextId++;
    const message = JSON.stringify({ id, method, params, ...(sessionId === undefined ? {} : { sessionId }) });
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: Params) => void, reject });
      this.out.write(`${message}\0`);
    });
  }

  on(sessionId: string, event: string, handler: Handler): void {
    const key = `${sessionId} ${event}`;
    this.handlers.set(key, [...(this.handlers.get(key) ?? []), handler]);
  }

  private receive(text: string): void {
    this.buffered += text;
    for (let end = this.buffered.indexOf('\0'); end >= 0; end = this.buffered.indexOf('\0')) {
      const message = JSON.parse(this.buffered.slice(0, end)) as {
        id?: number;
        method?: string;
        params?: Params;
        result?: Params;
        error?: { message: string };
        sessionId?: string;
      };
      this.buffered = this.buffered.slice(end + 1);
      if (message.id !== undefined) {
        const p = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error !== undefined) p?.reject(new Error(message.error.message));
        else p?.resolve(message.result ?? {});
      } else if (message.method !== undefined) {
        for (const h of this.handlers.get(`${message.sessionId ?? ''} ${message.method}`) ?? [])
          h(message.params ?? {});
      }
    }
  }
}
