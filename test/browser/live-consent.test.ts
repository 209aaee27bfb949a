/**
 * A live room's consent choices in real Chromium: a declined channel is never started, "join without
 * analysis" sends only channel states, refusals (a second interviewer, …) are typed, and the
 * interviewer's notes export and delete. The three-party scenario is in live-room.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { parseCueMessage } from '../../packages/sdk/src/live/cue-schema.ts';
import { startRelay } from '../../packages/relay/src/server.ts';
import { closeHarness, sharedUrl, withPage, type HarnessPage } from './harness/index.ts';
import { cleanLiveMedia, receivedLines, sentLines, tile, waitFor } from './live-fixtures.ts';
import { MODEL, media, missing, readStream, start } from './live-room-helpers.ts';

afterAll(async () => {
  await closeHarness();
  cleanLiveMedia();
});

describe.skipIf(missing !== undefined)('live room: consent choices, refusals and notes', () => {
  it(
    'a declined channel is never started; "join without analysis" sends only channel states; refusals ' +
      'are typed; notes export and delete',
    async () => {
      const relay = await startRelay({ dev: true, port: 0 });
      const opts = media();
      try {
        await withPage(
          'live-room.html',
          async (iv) => {
            await start(iv, relay, 'interviewer', 'Ines');
            // A second interviewer is refused with a typed error on the page; the room goes on.
            await withPage(
              'live-room.html',
              async (other) => {
                await expect(start(other, relay, 'interviewer', 'Otto')).rejects.toThrow(/already has an interviewer/);
                expect(await other.page.getAttribute('[data-testid="error"]', 'data-code')).toBe('role-taken');
              },
              opts,
            );
            await withPage(
              'live-room.html',
              async (kim) => {
                const started = kim.run({
                  cmd: 'start',
                  role: 'candidate',
                  name: 'Kim',
                  room: 'r1',
                  auto: false,
                  relayUrl: relay.url,
                  modelUrl: sharedUrl(MODEL),
                });
                await kim.page.click('[data-testid="join-without"]');
                await started;
                await withPage(
                  'live-room.html',
                  async (lee) => {
                    const leeStarted = lee.run({
                      cmd: 'start',
                      role: 'candidate',
                      name: 'Lee',
                      room: 'r1',
                      auto: false,
                      relayUrl: relay.url,
                      modelUrl: sharedUrl(MODEL),
                    });
                    await lee.page.check('[data-testid="consent-voice"]');
                    await lee.page.click('[data-testid="join"]');
                    await leeStarted;
                    const kimLines = await waitFor('3 messages from Kim', async () => {
                      const l = await sentLines(kim.page);
                      return l.length >= 3 ? l : undefined;
                    });
                    for (const c of kimLines.map((x) => parseCueMessage(x)))
                      expect([c.channels.face, c.channels.voice, c.face, c.voice, c.keywords]).toEqual([
                        'off',
                        'off',
                        null,
                        null,
                        null,
                      ]);
                    const leeCues = await waitFor(
                      'Lee voice cues',
                      async () => {
                        const l = (await sentLines(lee.page))
                          .map((x) => parseCueMessage(x))
                          .filter((c) => c.voice !== null);
                        return l.length >= 2 ? l : undefined;
                      },
                      60_000,
                    );
                    for (const c of leeCues) expect([c.channels.face, c.face]).toEqual(['off', null]);
                    await waitFor(
                      'Kim strip says off',
                      async () =>
                        (await iv.page.getAttribute(`${tile('Kim')} [data-testid="cue-strip"]`, 'data-voice')) ===
                        'off',
                    );
                    // A tampered candidate page: extra fields and oversized text are refused by the interviewer's
                    // validator.
                    const valid = JSON.parse(leeCues.length > 0 ? JSON.stringify(leeCues[0]) : '{}') as Record<
                      string,
                      unknown
                    >;
                    const tampered = [
                      JSON.stringify({ ...valid, seq: 9999, emotion: 'x' }),
                      JSON.stringify({ ...valid, seq: 9998, pad: 'x'.repeat(2000) }),
                    ];
                    for (const text of tampered)
                      expect(await lee.run({ cmd: 'send-raw-cue', text })).toEqual({ sent: true });
                    await waitFor('refusal shown', async () =>
                      /was refused/.test((await iv.page.textContent('[data-testid="status"]')) ?? ''),
                    );
                    expect((await receivedLines(iv.page, 'Lee')).filter((l) => /"seq":999[89]/.test(l))).toEqual([]);
                    // Nothing of an analysis that was not consented to was even loaded.
                    // (The test page imports the asset URL modules, `…?url`, up front; those carry only a URL string.)
                    const loaded = (h: HarnessPage): string[] =>
                      h.requests
                        .map((q) => q.url)
                        .filter(
                          (u) =>
                            /face_landmarker|vision_wasm|vision-worker|audio-worker|capture-worklet/.test(u) &&
                            !/[?&]url$/.test(u),
                        );
                    expect(loaded(kim)).toEqual([]);
                    expect(loaded(lee).filter((u) => /face_landmarker|vision/.test(u))).toEqual([]);
                    expect(loaded(lee).some((u) => /audio-worker|capture-worklet/.test(u))).toBe(true);

                    // Notes: a rating and a note kept in localStorage, exported as JSON, then deleted.
                    await iv.page.click(`${tile('Lee')} .notes-panel summary`);
                    await iv.page.selectOption(`${tile('Lee')} select[data-competency="Communication"]`, '4');
                    await iv.page.fill(`${tile('Lee')} [data-testid="notes"]`, 'Clear example of a past project.');
                    await iv.page.press(`${tile('Lee')} [data-testid="notes"]`, 'Tab');
                    const [download] = await Promise.all([
                      iv.page.waitForEvent('download'),
                      iv.page.click('[data-testid="export-notes"]'),
                    ]);
                    type Exported = { candidates: Record<string, { ratings: Record<string, number>; notes: string }> };
                    const exported = JSON.parse(await readStream(await download.createReadStream())) as Exported;
                    expect(exported.candidates['Lee']).toMatchObject({
                      ratings: { Communication: 4 },
                      notes: 'Clear example of a past project.',
                    });
                    expect(JSON.stringify(exported)).not.toMatch(/total|average|rank|score/i);
                    await iv.page.click('[data-testid="delete-notes"]');
                    expect(
                      await iv.page.evaluate(() =>
                        Object.keys(localStorage).filter((k) => k.startsWith('hirenet.live-notes.')),
                      ),
                    ).toEqual([]);
                  },
                  opts,
                );
              },
              opts,
            );
          },
          opts,
        );
      } finally {
        await relay.close();
      }
    },
  );
});
