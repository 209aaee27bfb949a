/**
 * What the live-room benchmark (live-room.ts) installs in and reads from the live-room pages, without touching
 * the product or the wire format. Wrappers and DOM observers stamp, on the clock every page on this machine shares
 * (performance.timeOrigin + performance.now()): each text handed to a data channel and each message it delivers,
 * each line the interviewer's `#cues` shows, when a tile turns connected and shows its first frame. A wrapper of
 * RTCPeerConnection lets getStats be read from outside the page's module. The scripts are plain strings: tsx's
 * transforms (e.g. its __name helper) must not reach the page.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** Installed before the page's `start`: stamps `t0` (page start) and begins observing. */
export const PROBE = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const b = (window.__bench = {
    t0: now(), recv: [], tx: [], rx: [], connected: {}, firstFrame: {}, remoteFrame: null,
  });
  // The wire: when a cue text is handed to the data channel, and when its message event reaches the page (this
  // listener is added at the channel's creation, so it runs before the page's own).
  const send = RTCDataChannel.prototype.send;
  RTCDataChannel.prototype.send = function (data) {
    if (typeof data === 'string') b.tx.push([data, now()]);
    return send.call(this, data);
  };
  const Orig = window.RTCPeerConnection;
  window.__benchPcs = [];
  window.RTCPeerConnection = class extends Orig {
    constructor(...a) { super(...a); window.__benchPcs.push(this); }
    createDataChannel(...a) {
      const ch = super.createDataChannel(...a);
      ch.addEventListener('message', (e) => { if (typeof e.data === 'string') b.rx.push([e.data, now()]); });
      return ch;
    }
  };
  const nameOf = (el) => el.closest('[data-testid="tile"]')?.dataset.name ?? null;
  const frames = new MutationObserver((ms) => {
    for (const m of ms) {
      const el = m.target;
      if (Number(el.dataset.frames) < 1) continue;
      if (el.dataset.testid === 'remote-video') b.remoteFrame ??= now();
      const name = nameOf(el);
      if (name !== null) b.firstFrame[name] ??= now();
    }
  });
  frames.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-frames'] });
  // Every frame changes data-frames: stop watching once the first frames are in, so the CPU window is clean.
  b.stopFrames = () => frames.disconnect();
  new MutationObserver((ms) => {
    const t = now();
    for (const m of ms) {
      if (m.type === 'attributes') {
        const name = m.target.dataset.name;
        if (m.target.dataset.state === 'connected' && name !== undefined) b.connected[name] ??= t;
        continue;
      }
      for (const n of m.addedNodes) {
        if (n.nodeType === 1 && n.dataset.from !== undefined && n.parentElement?.id === 'cues')
          b.recv.push([n.dataset.from, n.textContent.trimEnd(), t]);
      }
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
})()`;

export interface ProbeState {
  readonly t0: number;
  readonly recv: [string, string, number][];
  /** Strings handed to a data channel's send(), and strings its message events delivered, with their times. */
  readonly tx: [string, number][];
  readonly rx: [string, number][];
  readonly connected: Record<string, number>;
  readonly firstFrame: Record<string, number>;
  readonly remoteFrame: number | null;
}

export const readProbe = (p: Page): Promise<ProbeState> =>
  p.evaluate(`(() => { const { stopFrames, ...b } = window.__bench; return b; })()`) as Promise<ProbeState>;

export const stopFrameProbe = (p: Page): Promise<unknown> => p.evaluate('window.__bench.stopFrames()');

/** One received video stream at the interviewer, from getStats (inbound-rtp) and the tile's frame counter. */
export interface InboundVideo {
  readonly name: string;
  readonly framesDecoded: number;
  /** Chromium's own estimate at the time of reading. */
  readonly framesPerSecond: number | null;
  readonly width: number | null;
  readonly height: number | null;
  /** Frames the tile's <video> presented (requestVideoFrameCallback counter, media.ts). */
  readonly shown: number;
  readonly at: number;
}

/** Inbound video of every wrapped peer connection, named by the tile whose <video> plays that track. */
export const readInbound = (p: Page): Promise<InboundVideo[]> =>
  p.evaluate(`(async () => {
    const byTrack = {};
    const shown = {};
    for (const t of document.querySelectorAll('[data-testid="tile"]')) {
      const v = t.querySelector('video');
      const track = v?.srcObject?.getVideoTracks?.()[0];
      if (track !== undefined) byTrack[track.id] = t.dataset.name;
      shown[t.dataset.name] = Number(v?.dataset.frames ?? 0);
    }
    const out = [];
    for (const pc of window.__benchPcs) {
      if (pc.connectionState === 'closed') continue;
      for (const s of (await pc.getStats()).values()) {
        if (s.type !== 'inbound-rtp' || s.kind !== 'video') continue;
        const name = byTrack[s.trackIdentifier] ?? 'unmatched';
        out.push({ name, framesDecoded: s.framesDecoded ?? 0, framesPerSecond: s.framesPerSecond ?? null,
          width: s.frameWidth ?? null, height: s.frameHeight ?? null, shown: shown[name] ?? 0,
          at: performance.timeOrigin + performance.now() });
      }
    }
    return out;
  })()`) as Promise<InboundVideo[]>;

/** Frames presented by a candidate's <video> of the interviewer. */
export const remoteShown = (p: Page): Promise<number> =>
  p.evaluate(`Number(document.querySelector('[data-testid="remote-video"]')?.dataset.frames ?? 0)`) as Promise<number>;

const TICK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface Proc {
  readonly pid: number;
  readonly ppid: number;
  readonly cpuS: number;
  readonly type: string;
}

function procs(): Proc[] {
  const out: Proc[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state ppid … utime(14) stime(15).
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Chromium's child processes rewrite their title: the switches then arrive joined by spaces, not NULs.
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const type = /--type=(\S+)/.exec(cmd)?.[1] ?? (cmd.includes(` ${MARK} `) ? 'browser' : 'other');
      out.push({ pid: Number(d), ppid: Number(f[1]), cpuS: (Number(f[11]) + Number(f[12])) / TICK, type });
    } catch {
      // The process ended while we read.
    }
  }
  return out;
}

/** A switch Chromium ignores, given only to the interviewer's browser so its processes can be found. */
export const MARK = '--hirenet-bench-interviewer';

/** CPU seconds so far of the marked browser's process tree, in total and of its renderer processes. */
export function interviewerCpu(): { tree: number; renderer: number; renderers: number; processes: number } {
  const all = procs();
  const root = all.filter((p) => p.type === 'browser');
  if (root.length !== 1) throw new Error(`expected one browser process with ${MARK}, found ${root.length}`);
  const tree = new Set([root[0]!.pid]);
  // Children (zygotes, then renderers forked from them) until nothing new joins.
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all)
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
  }
  const mine = all.filter((p) => tree.has(p.pid));
  const renderers = mine.filter((p) => p.type === 'renderer');
  const sum = (ps: Proc[]): number => ps.reduce((s, p) => s + p.cpuS, 0);
  return { tree: sum(mine), renderer: sum(renderers), renderers: renderers.length, processes: mine.length };
}

/**
 * This page's clock (performance.timeOrigin + performance.now()) minus Node's, ms: the best of 5 reads bracketed
 * by Node's clock (the smallest round trip bounds the error). Cue latency compares two pages' clocks; the spread
 * of these offsets says how far they agree.
 */
export async function clockOffset(p: Page): Promise<{ offsetMs: number; roundTripMs: number }> {
  const nodeNow = (): number => performance.timeOrigin + performance.now();
  let best = { offsetMs: NaN, roundTripMs: Infinity };
  for (let i = 0; i < 5; i++) {
    const a = nodeNow();
    const t = (await p.evaluate('performance.timeOrigin + performance.now()')) as number;
    const b = nodeNow();
    if (b - a < best.roundTripMs) best = { offsetMs: t - (a + b) / 2, roundTripMs: b - a };
  }
  return best;
}
