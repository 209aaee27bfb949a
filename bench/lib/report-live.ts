/** RESULTS.md's section on the 1 + 5 live room (bench/lib/live-room.ts). */
import type { LiveResult } from './live-room.ts';
import type { Stat } from './live-stat.ts';
import type { Skipped } from './types.ts';

const n = (v: number | null | undefined, d = 0): string => (v == null || !Number.isFinite(v) ? '—' : v.toFixed(d));
const s = (x: Stat, d = 0): string =>
  `**${n(x.median, d)}** (${n(x.min, d)}–${n(x.max, d)})${x.missing > 0 ? `, ${x.missing} never` : ''}`;

export function liveLines(live: LiveResult | { error: string } | Skipped | null | undefined): string[] {
  const head = '## Live room: 1 interviewer + 5 candidates on loopback';
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
      "one for the five candidates. Times are from each candidate page's start (`startLiveRoomPage`); the",
      `measuring window is ${live.windowS} s, after everyone connected and 5 s more. Load average`,
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
    `| cue latency, candidate sent → interviewer received, ms | ${s(live.cueLatencyMs, 1)} |`,
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
      "renderer holds the page, WebRTC's decoders of five streams and the encoder of the interviewer's own video,",
      'which CDP `Performance.getMetrics` does not see: its TaskDuration counts the main thread only, shown',
      'beside it). Received fps come from `RTCPeerConnection.getStats()` at the start and end of the window. Cue',
      'latency: observers on both pages stamp, on the clock all pages here share (`performance.timeOrigin +',
      "performance.now()`), when a message enters the candidate's mirror (right after the data channel took it)",
      "and the interviewer's `#cues`; the messages carry `seq`, so each is matched exactly. The pages' clocks",
      'agree to about a millisecond, so a latency under 1 ms is within that error. Nothing was added to the wire.',
    ].join(' '),
  ];
}
