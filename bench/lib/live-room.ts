/**
 * The 1 + 5 live room (issue #17), used by `npm run bench -- --only live` and by the opt-in browser test
 * (test/browser/live-bench.test.ts): one interviewer and five candidates on loopback through the project's relay,
 * the harness' live-room pages (the demo's room with the harness' asset URLs), fake cameras and microphones
 * playing a real clip at 320×240, every candidate analysing face and voice. Measures connection times per
 * candidate, the interviewer's CPU over a fixed window, the video it receives per stream, and cue latency.
 */
import { loadavg } from 'node:os';
import type { CDPSession } from 'playwright-core';
import { parseCueMessage } from '../../packages/sdk/src/live/cue-schema.ts';
import { startRelay } from '../../packages/relay/src/server.ts';
import { sharedUrl, withPage, type HarnessPage } from '../../test/browser/harness/index.ts';
import { LIVE_CLIP, LIVE_MODEL, liveMedia } from '../../test/browser/live-fixtures.ts';
import {
  clockOffset,
  interviewerCpu,
  MARK,
  PROBE,
  readInbound,
  readProbe,
  remoteShown,
  stopFrameProbe,
  type InboundVideo,
  type ProbeState,
} from './live-probe.ts';
import { stat, type Stat } from './live-stat.ts';

export interface LiveOptions {
  readonly candidates: number;
  /** The fixed measuring window, s. */
  readonly windowS: number;
  /** Wait after everyone is connected and showing video, before the window (face analysers load), s. */
  readonly settleS: number;
  readonly log: (msg: string) => void;
}

export interface LiveCandidate {
  readonly name: string;
  /** From the candidate page's start to its tile at the interviewer turning connected, ms. */
  readonly connectedMs: number | null;
  /** … to the first frame of its video shown at the interviewer, ms. */
  readonly firstFrameMs: number | null;
  /** … to the first frame of the interviewer's video shown on the candidate's page, ms. */
  readonly interviewerFrameMs: number | null;
  /** Frames decoded per second at the interviewer over the window (getStats framesDecoded). */
  readonly decodedFps: number | null;
  /** Frames shown per second by its tile's <video> over the window. */
  readonly shownFps: number | null;
  /** Chromium's framesPerSecond at the end of the window. */
  readonly statsFps: number | null;
  readonly frame: string | null;
  /** Cue messages received in the window, and how many carried both face and voice values. */
  readonly cues: number;
  readonly cuesWithFaceAndVoice: number;
  readonly cueLatencyMs: Stat | null;
}

export interface LiveResult {
  readonly candidates: number;
  readonly clip: string;
  readonly size: string;
  readonly windowS: number;
  readonly settleS: number;
  readonly loadStart: number[];
  readonly loadEnd: number[];
  /** From the first candidate page's start to the last tile connected and showing video, ms. */
  readonly allConnectedMs: number;
  readonly connectedMs: Stat;
  readonly firstFrameMs: Stat;
  readonly interviewerFrameMs: Stat;
  readonly decodedFps: Stat;
  readonly shownFps: Stat;
  /** The interviewer's video as shown on the candidates' pages, fps. */
  readonly atCandidatesFps: Stat;
  /** Cue text handed to the candidate's data channel → its message event at the interviewer, ms. */
  readonly cueLatencyMs: Stat;
  /** Cue text handed to the candidate's data channel → its line in the interviewer's `#cues`, ms. */
  readonly cueShownLatencyMs: Stat;
  /** Page clock minus Node's clock per page (interviewer first), with the round trip that bounds each, ms. */
  readonly clockOffsets: { offsetMs: number; roundTripMs: number }[];
  /** Cue messages per candidate per 2 s (the cadence is one per 2 s). */
  readonly cuesPer2s: number;
  readonly cpu: {
    /** CPU s per wall s of the interviewer's renderer process(es), from /proc/<pid>/stat (utime + stime). */
    readonly renderer: number;
    /** The same for the interviewer's whole Chromium (browser, GPU, network, renderer processes). */
    readonly browserTree: number;
    /** Main-thread busy s per s of the interviewer page (CDP Performance.getMetrics TaskDuration). */
    readonly mainThreadTask: number;
    /** … of which JavaScript (ScriptDuration). */
    readonly mainThreadScript: number;
    readonly renderers: number;
  };
  readonly perCandidate: LiveCandidate[];
}

const round = (v: number): number => Math.round(v * 100) / 100;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Opens `n` harness pages one inside the other (each withPage closes its page when its callback ends). */
function nest<T>(n: number, opts: Parameters<typeof withPage>[2], fn: (p: HarnessPage[]) => Promise<T>): Promise<T> {
  const go = (acc: HarnessPage[]): Promise<T> =>
    acc.length === n ? fn(acc) : withPage('live-room.html', (h) => go([...acc, h]), opts);
  return go([]);
}

async function waitUntil(what: string, f: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  while (!(await f())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`live bench: timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(250);
  }
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const r = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(r.metrics.map((m) => [m.name, m.value]));
}

/** Runs the room and measures it; throws when the room does not connect. */
export async function runLiveRoom(o: LiveOptions): Promise<LiveResult> {
  const loadStart = loadavg().map(round);
  const size = '320:240';
  const media = liveMedia(size);
  const relay = await startRelay({ dev: true, port: 0 });
  const names = Array.from({ length: o.candidates }, (_, i) => `C${i + 1}`);
  try {
    // The interviewer in a browser of its own (an extra, ignored switch) so its processes can be told apart.
    const ivOpts = { ...media, args: [...(media.args ?? []), MARK] };
    return await withPage(
      'live-room.html',
      (ivh) =>
        nest(o.candidates, media, async (cands) => {
          const iv = ivh.page;
          const start = async (h: HarnessPage, role: 'interviewer' | 'candidate', name: string): Promise<void> => {
            await h.page.evaluate(PROBE);
            const args = { cmd: 'start', role, name, room: 'bench', auto: true, relayUrl: relay.url };
            await h.run({ ...args, modelUrl: sharedUrl(LIVE_MODEL) });
          };
          // Every page's module loaded first (Vite compiles it on first visit), so a start stamp is the start.
          for (const h of [ivh, ...cands])
            await h.page.waitForFunction('typeof window.run === "function"', undefined, { timeout: 120_000 });
          await start(ivh, 'interviewer', 'Ines');
          await Promise.all(cands.map((c, i) => start(c, 'candidate', names[i]!)));
          o.log(`live: ${o.candidates} candidates started; waiting for every tile to connect and show video`);
          await waitUntil(
            'every tile connected with video',
            async () => {
              const p = await readProbe(iv);
              return names.every((n) => p.connected[n] !== undefined && p.firstFrame[n] !== undefined);
            },
            180_000,
          );
          await stopFrameProbe(iv);
          await Promise.all(cands.map((c) => stopFrameProbe(c.page)));
          await sleep(o.settleS * 1000);

          const cdp = await iv.context().newCDPSession(iv);
          await cdp.send('Performance.enable');
          const candShown0 = await Promise.all(cands.map((c) => remoteShown(c.page)));
          const in0 = await readInbound(iv);
          const m0 = await metrics(cdp);
          const cpu0 = interviewerCpu();
          const w0 = performance.now();
          await sleep(o.windowS * 1000);
          const cpu1 = interviewerCpu();
          const wall = (performance.now() - w0) / 1000;
          const m1 = await metrics(cdp);
          const in1 = await readInbound(iv);
          const candShown1 = await Promise.all(cands.map((c) => remoteShown(c.page)));
          await cdp.detach();

          const clockOffsets = [];
          for (const p of [iv, ...cands.map((c) => c.page)]) clockOffsets.push(await clockOffset(p));
          const ivProbe = await readProbe(iv);
          const candProbes = await Promise.all(cands.map((c) => readProbe(c.page)));
          const lastIn = Math.max(...names.flatMap((n) => [ivProbe.connected[n] ?? NaN, ivProbe.firstFrame[n] ?? NaN]));
          const allConnectedMs = Math.round(lastIn - Math.min(...candProbes.map((p) => p.t0)));
          const per = names.map((name, i) => candidateFigures(name, candProbes[i]!, ivProbe, in0, in1, w0, wall));
          const latencies = per.flatMap((c) => c.latencies);
          const cues = per.reduce((s, c) => s + c.row.cues, 0);
          const dm = (k: string): number => round(((m1[k] ?? 0) - (m0[k] ?? 0)) / wall);
          return {
            candidates: o.candidates,
            clip: LIVE_CLIP,
            size: size.replace(':', '×'),
            windowS: o.windowS,
            settleS: o.settleS,
            loadStart,
            loadEnd: loadavg().map(round),
            allConnectedMs,
            connectedMs: stat(per.map((c) => c.row.connectedMs)),
            firstFrameMs: stat(per.map((c) => c.row.firstFrameMs)),
            interviewerFrameMs: stat(per.map((c) => c.row.interviewerFrameMs)),
            decodedFps: stat(per.map((c) => c.row.decodedFps)),
            shownFps: stat(per.map((c) => c.row.shownFps)),
            atCandidatesFps: stat(candShown1.map((f, i) => round((f - (candShown0[i] ?? 0)) / wall))),
            cueLatencyMs: stat(latencies),
            cueShownLatencyMs: stat(per.flatMap((c) => c.shown)),
            clockOffsets: clockOffsets.map((c) => ({ offsetMs: round(c.offsetMs), roundTripMs: round(c.roundTripMs) })),
            cuesPer2s: round((cues / o.candidates / wall) * 2),
            cpu: {
              renderer: round((cpu1.renderer - cpu0.renderer) / wall),
              browserTree: round((cpu1.tree - cpu0.tree) / wall),
              mainThreadTask: dm('TaskDuration'),
              mainThreadScript: dm('ScriptDuration'),
              renderers: cpu1.renderers,
            },
            perCandidate: per.map((c) => c.row),
          };
        }),
      ivOpts,
    );
  } finally {
    await relay.close();
  }
}

/** One candidate's figures from the probes and the two getStats readings around the window. */
function candidateFigures(
  name: string,
  cand: ProbeState,
  iv: ProbeState,
  in0: InboundVideo[],
  in1: InboundVideo[],
  w0: number,
  wall: number,
): { row: LiveCandidate; latencies: number[]; shown: number[] } {
  const since = (t: number | null | undefined): number | null => (t == null ? null : Math.round(t - cand.t0));
  const a = in0.find((s) => s.name === name);
  const b = in1.find((s) => s.name === name);
  const dt = a !== undefined && b !== undefined ? (b.at - a.at) / 1000 : wall;
  const windowStart = performance.timeOrigin + w0;
  const windowEnd = windowStart + wall * 1000;
  // Each message matched by its text (it carries seq and t, so it is unique): send() → message event at the
  // interviewer (the wire), and send() → its line in the interviewer's #cues (what the interviewer sees). The
  // candidate's own mirror line is not a start time: its observer fires only when the candidate's task ends.
  const got = iv.recv.filter(([from, , t]) => from === name && t >= windowStart && t <= windowEnd);
  const txAt = new Map(cand.tx.map(([text, t]) => [text, t]));
  const rxAt = new Map(iv.rx.map(([text, t]) => [text, t]));
  const latencies = got.flatMap(([, text]) => {
    const [a, b] = [txAt.get(text), rxAt.get(text)];
    return a === undefined || b === undefined ? [] : [round(b - a)];
  });
  const shown = got.flatMap(([, text, t]) => {
    const a = txAt.get(text);
    return a === undefined ? [] : [round(t - a)];
  });
  const full = got.filter(([, text]) => {
    const c = parseCueMessage(text);
    return c.face !== null && c.voice !== null;
  }).length;
  return {
    latencies,
    shown,
    row: {
      name,
      connectedMs: since(iv.connected[name]),
      firstFrameMs: since(iv.firstFrame[name]),
      interviewerFrameMs: since(cand.remoteFrame),
      decodedFps: a && b ? round((b.framesDecoded - a.framesDecoded) / dt) : null,
      shownFps: a && b ? round((b.shown - a.shown) / dt) : null,
      statsFps: b?.framesPerSecond ?? null,
      frame: b?.width != null ? `${b.width}×${b.height}` : null,
      cues: got.length,
      cuesWithFaceAndVoice: full,
      cueLatencyMs: latencies.length > 0 ? stat(latencies) : null,
    },
  };
}
