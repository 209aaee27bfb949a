/** RESULTS.md's section on the 1 + 5 live room (bench/lib/live-room.ts). */
import type { LiveResult } from './live-room.ts';
import type { Stat } from './live-stat.ts';
import type { Skipped } from './types.ts';

const n = (v: number | null | undefined, d = 0): string => (v == null || !Number.isFinite(v) ? '—' : v.toFixed(d));
/** Max − min of the pages' clock offsets, with the largest round trip that bounds them. */
const spread = (o: readonly { offsetMs: number; roundTripMs: number }[] | undefined): string => {
  if (o === undefined || o.length === 0) return 'not measured';
  const v = o.map((x) => x.offsetMs);
  const rt = Math.max(...o.map((x) => x.roundTripMs));
  return `${(Math.max(...v) - Math.min(...v)).toFixed(1)} ms (each read within ± ${(rt / 2).toFixed(1)} ms)`;
};
const s = (x: Stat, d = 0): string =>
  `**${n(x.median, d)}** (${n(x.min, d)}–${n(x.max, d)})${x.missing > 0 ? `, ${x.missing} never` : ''}`;

export function liveLines(live: LiveResult | { error: string } | Skipped | null | undefined): string[] {
  const head = '## Live room: 1 interviewer + candidates on loopback';
  if (live == null) return [head, 'Not run (`npm run bench -- --only live`; not in --quick).'];
  if ('skipped' in live) return [head, `Skipped: ${live.skipped}`];
  if ('error' in live) return [head, `Failed: ${live.error}`];
  const c = live.cpu;
  return [
    head,
    [
      `1 + ${live.candidates} through the project's relay (\`packages/relay\`) on this machine: the harness'`,
      `live-room pages, every page with a fake camera and microphone playing ${live.clip} at ${live.size}, every`,
      'candidate analysing face and voice (consent given automatically), one Chromium for the interviewer and',
      `one for the ${live.candidates} candidates. Times are from each candidate page's start`,
      '(`startLiveRoomPage`); the',
      `measuring window is ${live.windowS} s, after everyone connected and ${live.settleS} s more. Load average`,
      `${live.loadStart.join(' / ')} at the start, ${live.loadEnd.join(' / ')} at the end (2 cores: every`,
      'figure is an upper bound under that load). Median (min–max) over the candidates or messages.',
    ].join(' '),
    '',
    '| measure | value |',
    '|---|---|',
    `| candidate start → its tile connected at the interviewer, ms | ${s(live.connectedMs)} |`,
    `| candidate start → its first frame shown at the interviewer, ms | ${s(live.firstFrameMs)} |`,
    `| candidate start → the interviewer's first frame shown at the candidate, ms | ${s(live.interviewerFrameMs)} |`,
    `| first candidate start → all ${live.candidates} connected with video, ms | ${n(live.allConnectedMs)} |`,
    `| received fps at the interviewer per stream, decoded (getStats framesDecoded) | ${s(live.decodedFps, 1)} |`,
    `| received fps at the interviewer per stream, shown (requestVideoFrameCallback) | ${s(live.shownFps, 1)} |`,
    `| interviewer's video shown at each candidate, fps | ${s(live.atCandidatesFps, 1)} |`,
    `| cue latency, candidate's data channel send() → interviewer's message event, ms | ${s(live.cueLatencyMs, 1)} |`,
    "| cue latency, candidate's data channel send() → its line in the interviewer's #cues, ms |" +
      ` ${s(live.cueShownLatencyMs, 1)} |`,
    `| cue messages per candidate per 2 s at the interviewer | ${n(live.cuesPer2s, 2)} |`,
    `| interviewer renderer CPU, core-s per s (/proc/<pid>/stat) | **${n(c.renderer, 2)}** |`,
    `| interviewer's whole Chromium CPU (browser, GPU, network, renderers), core-s per s | ${n(c.browserTree, 2)} |`,
    `| interviewer page main thread busy, s per s (CDP TaskDuration; of it script) | ${n(c.mainThreadTask, 2)}` +
      ` (${n(c.mainThreadScript, 2)}) |`,
    '',
    '| candidate | connected ms | first frame ms | decoded fps | shown fps | frame | cues (face + voice) | cue ms |',
    '|---|---|---|---|---|---|---|---|',
    ...live.perCandidate.map((p) =>
      [
        `| ${p.name} | ${n(p.connectedMs)} | ${n(p.firstFrameMs)} | ${n(p.decodedFps, 1)} | ${n(p.shownFps, 1)} |`,
        `${p.frame ?? '—'} | ${p.cues} (${p.cuesWithFaceAndVoice}) |`,
        `${p.cueLatencyMs === null ? '—' : n(p.cueLatencyMs.median, 1)} |`,
      ].join(' '),
    ),
    '',
    [
      "How: the interviewer CPU is its renderer processes' utime + stime from /proc over the window (the",
      "renderer holds the page, WebRTC's decoders of the candidates' streams and the encoder of the",
      "interviewer's own video, which CDP `Performance.getMetrics` does not see: its TaskDuration counts",
      'the main thread only, and as wall time: under load that includes time a task waited for a core, so it',
      'can exceed the CPU the process got; shown beside it). Received fps come from',
      '`RTCPeerConnection.getStats()` at the start and end of the window. Cue latency: wrappers installed in',
      'both pages stamp, on the clock all pages',
      "here share (`performance.timeOrigin + performance.now()`), each text handed to the candidate's data",
      "channel and each message event at the interviewer (a listener added before the page's own), and a DOM",
      "observer stamps each line the interviewer's `#cues` shows; messages carry `seq` and `t`, so each is",
      "matched exactly by its text. The pages' clocks (minus Node's, read right after the window) spread over",
      `${spread(live.clockOffsets)}; a latency within that spread of zero is within its error. Nothing was`,
      'added to the wire.',
    ].join(' '),
  ];
}

/** Rows of RESULTS.md's headline table (figure, measured, target); issue #17 states no numeric target. */
export function liveSummaryRows(
  live: LiveResult | { error: string } | Skipped | null | undefined,
): [string, string, string][] {
  const figure = 'Live room 1 + 5 on loopback: candidate start → connected / first frame at the interviewer';
  if (live == null) return [[figure, 'not run', 'shown, no target stated']];
  if ('skipped' in live) return [[figure, 'skipped (see below)', 'shown, no target stated']];
  if ('error' in live) return [[figure, `failed: ${live.error.slice(0, 80)}`, 'shown, no target stated']];
  const none = 'shown, no target stated';
  return [
    [figure, `**${n(live.connectedMs.median)} / ${n(live.firstFrameMs.median)} ms**`, none],
    [
      'Live room 1 + 5: received fps per stream at the interviewer (decoded / shown); its renderer CPU',
      `**${n(live.decodedFps.median, 1)} / ${n(live.shownFps.median, 1)} fps**; ${n(live.cpu.renderer, 2)} core-s/s`,
      none,
    ],
    [
      'Live room 1 + 5: cue latency, send() → message event at the interviewer',
      `**${n(live.cueLatencyMs.median)} ms**`,
      none,
    ],
  ];
}
