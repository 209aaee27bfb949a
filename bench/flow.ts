/**
 * `node --conditions=source --import tsx bench/flow.ts [page-url]`: the embed page's cold and warm
 * visits (bench/lib/page-flow.ts) on a fresh production build of packages/demo; prints JSON.
 * Default page: embed.html?auto=1&answers=2&seconds=4 (the scripted two-answer flow).
 */
import { launchChromium } from '../test/browser/harness/chromium.ts';
import { buildDemo, cleanWorkDir, demoModel, fakeMedia } from '../test/browser/session-fixtures.ts';
import { serveCounting } from './lib/flow-server.ts';
import { coldAndWarm } from './lib/page-flow.ts';

const pageUrl = process.argv[2] ?? 'embed.html?auto=1&answers=2&seconds=4';
const t0 = performance.now();
// HIRENET_FLOW_DIST: measure a build of your own (e.g. of an older commit, for a before figure).
const dist = process.env['HIRENET_FLOW_DIST'] ?? buildDemo(demoModel());
console.error(`built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const server = await serveCounting(dist);
const browser = await launchChromium({ fakeMedia: fakeMedia() });
try {
  // HIRENET_FLOW_TRACE=1: also each long task's main-thread CPU time from a Chromium trace.
  const r = await coldAndWarm(browser, server, pageUrl, process.env['HIRENET_FLOW_TRACE'] === '1');
  console.log(JSON.stringify({ loadavg: (await import('node:os')).loadavg(), ...r }, null, 1));
} finally {
  await browser.close();
  await server.close();
  cleanWorkDir();
}
