/**
 * The words channel of a live room in real Chromium: a candidate whose host supplies the words of
 * an answer sends only the top words with counts, which reach the interviewer exactly as the
 * candidate's mirror shows them, sum up in the tile's "words used most" and pre-fill the follow-up
 * box (suggestions still wait for the interviewer); pause and resume; a candidate whose browser
 * has no on-device recogniser (Chromium here) is told why and the interviewer sees "words are
 * off", as for one who did not agree. Chromium's synthetic camera and microphone (no ../shared
 * file needed) and no face model: the words do not depend on the media. The request audit covers
 * the browser's own network log too, so a speech server contacted by the browser would show.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCueMessage, type CueMessage } from '../../packages/sdk/src/live/cue-schema.ts';
import { startRelay } from '../../packages/relay/src/server.ts';
import { closeHarness, repoRoot, withPage, type HarnessPage, type PageOptions } from './harness/index.ts';
import { receivedLines, sentLines, suggestFollowUps, tile, waitFor } from './live-fixtures.ts';

const tmp = mkdtempSync(join(tmpdir(), 'hirenet-words-'));
const netLog = join(tmp, 'net-log.json');
/** Synthetic media; the browser's whole network log written to a file for the audit. */
const opts: PageOptions = {
  fakeMedia: {},
  args: ['--allow-loopback-in-peer-connection', `--log-net-log=${netLog}`],
};

afterAll(async () => {
  await closeHarness();
  rmSync(tmp, { recursive: true, force: true });
});

const log = (s: string): void => console.log(`[live-words] ${s}`);

const BANK = [
  'Tell us about a project you are proud of.',
  'How would you speed up a slow database query?',
  'Describe a time you disagreed with a colleague.',
];
const ANSWER =
  'We moved the database to a new server. The database queries were slow, so I added indexes, ' +
  'and after that the queries were fast. Indexes on the database made the difference.';

const cues = async (h: HarnessPage): Promise<CueMessage[]> => (await sentLines(h.page)).map((l) => parseCueMessage(l));

interface NetRequest {
  url: string;
  initiator: string;
}

/**
 * Every URL request in the browser's network log with its initiator: a page's origin, or "not an
 * origin" for the browser's own services (Chromium here still asks update.googleapis.com,
 * accounts.google.com and others despite the harness' switches, with or without a page open).
 */
function netLogRequests(): NetRequest[] {
  type Event = { type: number; source: { id: number; type: number }; params?: Record<string, unknown> };
  const log = JSON.parse(readFileSync(netLog, 'utf8')) as {
    constants: { logSourceType: Record<string, number> };
    events: Event[];
  };
  const urlRequest = log.constants.logSourceType['URL_REQUEST'];
  const byId = new Map<number, Partial<NetRequest>>();
  for (const e of log.events) {
    if (e.source.type !== urlRequest) continue;
    const r = byId.get(e.source.id) ?? {};
    if (typeof e.params?.['url'] === 'string') r.url = e.params['url'];
    if (typeof e.params?.['initiator'] === 'string') r.initiator = e.params['initiator'];
    byId.set(e.source.id, r);
  }
  return [...byId.values()].flatMap((r) =>
    r.url === undefined ? [] : [{ url: r.url, initiator: r.initiator ?? 'not an origin' }],
  );
}

const loopback = (url: string): boolean => /^(wss?|https?):\/\/(127\.0\.0\.1|localhost)[:/]/.test(url);

describe('live room: the words used most', () => {
  it('host words: keywords equal at both ends, summed, pre-filled follow-ups; recognition refused; off', async () => {
    const relay = await startRelay({ dev: true, port: 0 });
    const start = (h: HarnessPage, name: string, extra: Record<string, unknown>): Promise<unknown> =>
      h.run({ cmd: 'start', role: 'candidate', name, room: 'w1', relayUrl: relay.url, modelUrl: null, ...extra });
    try {
      await withPage(
        'live-room.html',
        async (iv) => {
          await iv.run({
            cmd: 'start',
            role: 'interviewer',
            name: 'Ines',
            room: 'w1',
            auto: true,
            relayUrl: relay.url,
            modelUrl: null,
            followUps: { bank: BANK, vocabUrl: `/@fs${repoRoot}/models/vocab/` },
          });
          await withPage(
            'live-room.html',
            async (ada) => {
              // What Ada's page sends to the relay (recorded before it opens its socket): signaling only.
              const frames: string[] = [];
              ada.page.on('websocket', (ws) => {
                if (ws.url().startsWith(relay.url)) ws.on('framesent', (f) => frames.push(String(f.payload)));
              });
              await start(ada, 'Ada', { auto: true, words: 'host' });
              await waitFor('Ada: words on, no words yet', async () =>
                (await cues(ada)).some((c) => c.channels.words === 'on' && c.keywords?.words.length === 0),
              );
              // A malformed transcript is refused with the SDK's reason; nothing is counted.
              await ada.page.fill('[data-testid="words-text"]', 'WEBVTT\n\n00:02.000 --> 00:01.000\nbad');
              await ada.page.click('[data-testid="words-add"]');
              await waitFor('refusal shown', async () =>
                /could not be used: .*line 3/.test((await ada.page.textContent('[data-testid="status"]')) ?? ''),
              );
              await ada.page.fill('[data-testid="words-text"]', ANSWER);
              await ada.page.click('[data-testid="words-add"]');
              const withWords = await waitFor('a message with keywords', async () =>
                (await cues(ada)).find((c) => (c.keywords?.words.length ?? 0) > 0),
              );
              log(`keywords sent: ${JSON.stringify(withWords.keywords)}`);
              expect(withWords.keywords!.answer).toBe(0);
              expect(withWords.keywords!.words.slice(0, 3)).toEqual([
                ['database', 3],
                ['indexes', 2],
                ['queries', 2],
              ]);
              // Received lines are the mirror's lines, byte for byte, and both strips show the same words.
              const sent = await sentLines(ada.page);
              const got = await waitFor('keywords at the interviewer', async () => {
                const r = await receivedLines(iv.page, 'Ada');
                return r.some((l) => l.includes('"database"')) ? r : undefined;
              });
              for (const line of got) expect(sent).toContain(line);
              const strips = await waitFor('same message on both strips', async () => {
                const seq = await ada.page.getAttribute('[data-testid="mirror-strip"]', 'data-seq');
                const at = `${tile('Ada')} [data-testid="cue-strip"]`;
                if (seq === null || (await iv.page.getAttribute(at, 'data-seq')) !== seq) return undefined;
                const mine = await ada.page.textContent('[data-testid="mirror-strip"] [data-cue="keywords"]');
                const theirs = await iv.page.textContent(`${at} [data-cue="keywords"]`);
                return mine?.includes('database') ? { mine, theirs } : undefined;
              });
              expect(strips.theirs).toBe(strips.mine);
              expect(strips.mine).toMatch(/^database ×3, indexes ×2, queries ×2/);
              // Never the transcript: no line carries a phrase of the answer.
              for (const line of await sentLines(ada.page))
                expect(line).not.toMatch(/new server|were slow|made the difference/);

              // Words used most on the tile; the follow-up box pre-filled, nothing suggested until asked.
              const panel = `${tile('Ada')} .follow-ups-panel`;
              await waitFor('words used most', async () =>
                /database 3/.test((await iv.page.textContent(`${tile('Ada')} [data-testid="words-used"]`)) ?? ''),
              );
              const prefilled = await iv.page.inputValue(`${panel} [data-testid="follow-up-keywords"]`);
              log(`follow-up box pre-filled: ${prefilled}`);
              expect(prefilled).toMatch(/^database, indexes, queries/);
              expect(await iv.page.$$(`${panel} [data-testid="follow-ups"] li`)).toHaveLength(0);
              await iv.page.$eval(panel, (d) => ((d as HTMLDetailsElement).open = true));
              const items = await suggestFollowUps(iv.page, panel);
              log(`follow-ups: ${JSON.stringify(items)}`);
              expect(items[0]).toContain(BANK[1]);

              // The interviewer edits the box; the next answer's words sum up but do not overwrite the edit.
              await iv.page.fill(`${panel} [data-testid="follow-up-keywords"]`, 'latency');
              await ada.page.click('[data-testid="words-next"]');
              await ada.page.fill(
                '[data-testid="words-text"]',
                'The budget was tight, and the database budget more so.',
              );
              await ada.page.click('[data-testid="words-add"]');
              const second = await waitFor('answer 2 keywords', async () =>
                (await cues(ada)).find((c) => c.keywords?.answer === 1 && c.keywords.words.length > 0),
              );
              expect(second.keywords!.words.slice(0, 2)).toEqual([
                ['budget', 2],
                ['database', 1],
              ]);
              await waitFor('database summed over answers', async () =>
                /database 4/.test((await iv.page.textContent(`${tile('Ada')} [data-testid="words-used"]`)) ?? ''),
              );
              expect(await iv.page.inputValue(`${panel} [data-testid="follow-up-keywords"]`)).toBe('latency');

              // Pause: no keywords, the box hidden, the interviewer told; resume: the answer's words again.
              await ada.page.click('[data-testid="pause-words"]');
              const from = (await sentLines(ada.page)).length;
              const paused = await waitFor('a paused message', async () =>
                (await cues(ada)).slice(from).find((c) => c.channels.words === 'paused'),
              );
              expect(paused.keywords).toBeNull();
              expect(await ada.page.isHidden('[data-testid="words-text"]')).toBe(true);
              await waitFor('interviewer sees paused', async () =>
                /paused by the candidate/.test(
                  (await iv.page.textContent(`${tile('Ada')} [data-testid="words-note"]`)) ?? '',
                ),
              );
              await ada.page.click('[data-testid="resume-words"]');
              const again = (await sentLines(ada.page)).length;
              const resumed = await waitFor('keywords after resume', async () =>
                (await cues(ada)).slice(again).find((c) => c.channels.words === 'on'),
              );
              expect(resumed.keywords?.words[0]).toEqual(['budget', 2]);

              await withPage(
                'live-room.html',
                async (bo) => {
                  // No words option: on-device recognition, which this Chromium does not have.
                  await start(bo, 'Bo', { auto: true });
                  const note = await bo.page.textContent('[data-testid="words-status"]');
                  log(`Bo's words panel: ${note}`);
                  expect(note).toMatch(/^Words are off: no on-device speech recognition here \(.*never used/);
                  const boCue = await waitFor('Bo: a message', async () => (await cues(bo))[0]);
                  expect([boCue.channels.words, boCue.keywords]).toEqual(['unavailable', null]);
                  await withPage(
                    'live-room.html',
                    async (cy) => {
                      // The site supplies words, but Cy joins without analysis.
                      const started = start(cy, 'Cy', { auto: false, words: 'host' });
                      await cy.page.click('[data-testid="join-without"]');
                      await started;
                      expect(await cy.page.textContent('[data-testid="words-status"]')).toMatch(/did not agree/);
                      const noteOf = (n: string) => async () =>
                        (await iv.page.textContent(`${tile(n)} [data-testid="words-note"]`).catch(() => null)) ?? '';
                      const boNote = await waitFor('Bo: words off', async () =>
                        /no on-device speech recognition/.test(await noteOf('Bo')()) ? noteOf('Bo')() : undefined,
                      );
                      const cyNote = await waitFor('Cy: words off', async () =>
                        /did not agree/.test(await noteOf('Cy')()) ? noteOf('Cy')() : undefined,
                      );
                      log(`interviewer: Bo "${boNote}", Cy "${cyNote}"`);
                      expect(boNote).toMatch(/^Words are off/);
                      expect(cyNote).toMatch(/^Words are off/);
                      expect((await cues(cy)).every((c) => c.channels.words === 'off' && c.keywords === null)).toBe(
                        true,
                      );
                    },
                    opts,
                  );
                },
                opts,
              );
              expect(frames.length).toBeGreaterThan(2);
              for (const f of frames) expect(f).not.toMatch(/keywords|database|indexes|budget/);
              // Page-level audit: loopback only, no request with a body, no page error but Vite's missing HMR socket.
              const vite =
                /\[vite\] failed to connect to websocket|WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/\?token=/;
              for (const h of [iv, ada]) {
                expect(h.errors.filter((e) => !vite.test(e))).toEqual([]);
                const other = h.requests.filter(
                  (q) => !/^(data|blob):/.test(q.url) && new URL(q.url).hostname !== '127.0.0.1',
                );
                expect(other).toEqual([]);
                expect(h.requests.filter((q) => q.hasBody)).toEqual([]);
              }
            },
            opts,
          );
        },
        opts,
      );
    } finally {
      await relay.close();
    }
    // The browser's own network log (written on close): no speech server, and nothing but loopback asked by a page.
    await closeHarness();
    const all = netLogRequests();
    const outside = all.filter((r) => !loopback(r.url));
    const hosts = [...new Set(outside.map((r) => new URL(r.url).host))].sort();
    log(`network log: ${all.length - outside.length} loopback requests; the browser's own: ${hosts.join(', ')}`);
    expect(all.filter((r) => loopback(r.url) && r.initiator.startsWith('http://127.0.0.1')).length).toBeGreaterThan(10);
    expect(all.filter((r) => /speech/i.test(r.url))).toEqual([]);
    expect(outside.filter((r) => r.initiator !== 'not an origin')).toEqual([]);
  }, 300_000);
});
