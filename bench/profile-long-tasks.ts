/**
 * `node --conditions=source --import tsx bench/profile-long-tasks.ts [page-url]`: what the main
 * thread runs in its long tasks on the built embed page. The CDP sampling profiler (1 ms) runs from
 * navigation to the rendered result; runs of busy samples longer than 50 ms (a long task, as
 * near as samples tell) are listed with their heaviest functions by self time and by inclusive
 * time (with script file), so the work to move off the main thread or to chunk can be named.
 * Samples are wall-clock: on a loaded machine a descheduled main thread shows as busy time of
 * whatever was on the stack. Whether a long task was work or load: `HIRENET_FLOW_TRACE=1` with
 * bench/flow.ts (each task's main-thread CPU from a Chromium trace, bench/lib/trace-tasks.ts).
 */
import { launchChromium } from '../test/browser/harness/chromium.ts';
import { buildDemo, cleanWorkDir, demoModel, fakeMedia } from '../test/browser/session-fixtures.ts';
import { serveCounting } from './lib/flow-server.ts';

interface Frame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: Frame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const pageUrl = process.argv[2] ?? 'embed.html?auto=1&answers=2&seconds=4';
// HIRENET_PROFILE_DIST: a build of your own (e.g. `vite build --minify false` for readable names).
const dist = process.env['HIRENET_PROFILE_DIST'] ?? buildDemo(demoModel());
const server = await serveCounting(dist);
const browser = await launchChromium({ fakeMedia: fakeMedia() });
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  await page.goto(`${server.origin}/${pageUrl}`);
  await page.waitForFunction(() => document.body.dataset['state'] !== undefined, undefined, { timeout: 300_000 });
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  report(profile);
} finally {
  await browser.close();
  await server.close();
  cleanWorkDir();
}

function report(p: Profile): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const idle = (id: number): boolean => {
    const name = byId.get(id)?.callFrame.functionName ?? '';
    return name === '(idle)' || name === '(program)' || name === '(root)';
  };
  const label = (f: Frame): string =>
    `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-1)[0] ?? ''}:${f.lineNumber + 1}`;
  let t = p.startTime;
  const times = p.timeDeltas.map((d) => (t += d));
  let runStart = -1;
  const runs: [number, number][] = [];
  for (let i = 0; i <= p.samples.length; i++) {
    const busy = i < p.samples.length && !idle(p.samples[i]!);
    if (busy && runStart < 0) runStart = i;
    if (!busy && runStart >= 0) {
      if (times[i - 1]! - times[runStart]! > 50_000) runs.push([runStart, i]);
      runStart = -1;
    }
  }
  for (const [a, b] of runs) {
    const self = new Map<string, number>();
    const incl = new Map<string, number>();
    for (let i = a; i < b; i++) {
      const dt = (times[i + 1] ?? times[i]!) - times[i]!;
      const leaf = byId.get(p.samples[i]!)!;
      self.set(label(leaf.callFrame), (self.get(label(leaf.callFrame)) ?? 0) + dt);
      const seen = new Set<string>();
      for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
        const f = byId.get(id)!.callFrame;
        if (f.url === '' || seen.has(label(f))) continue;
        seen.add(label(f));
        incl.set(label(f), (incl.get(label(f)) ?? 0) + dt);
      }
    }
    const top = (m: Map<string, number>, n: number): string =>
      [...m]
        .sort((x, y) => y[1] - x[1])
        .slice(0, n)
        .map(([k, v]) => `    ${(v / 1000).toFixed(0).padStart(5)} ms  ${k}`)
        .join('\n');
    const start = ((times[a]! - p.startTime) / 1000).toFixed(0);
    console.log(`busy ${((times[b - 1]! - times[a]!) / 1000).toFixed(0)} ms at ${start} ms`);
    console.log(`  self:\n${top(self, 6)}\n  inclusive:\n${top(incl, 12)}`);
  }
}
