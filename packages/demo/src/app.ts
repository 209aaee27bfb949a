/**
 * The demo's flow: consent → role → camera and answers → report, with "Delete everything"
 * available at every step. The flow is one async function per run; deleting bumps the run
 * number, tears down what the run opened and starts a new run, so a screen left waiting by
 * the old run can never act again.
 */
import { requestInterviewMedia, type InterviewSession } from '@hirenet/sdk';
import { button, h, replace } from './dom.ts';
import { faceModelPresent, loadHireNet, MISSING_FACE_MODEL, type Loaded } from './load.ts';
import { PRACTICE_NOTICE, practiceNotice } from './notice.ts';
import { consentScreen, declinedScreen } from './screens/consent.ts';
import { recordScreen, type Cleanup } from './screens/record.ts';
import { reportScreen } from './screens/report-screen.ts';
import { roleScreen } from './screens/role.ts';

export interface Shell {
  readonly main: HTMLElement;
  readonly status: HTMLElement;
  readonly progress: HTMLProgressElement;
  readonly deleteButton: HTMLButtonElement;
}

export function startApp(shell: Shell): void {
  let run = 0;
  let session: InterviewSession | null = null;
  let stream: MediaStream | null = null;
  let cleanups: Cleanup[] = [];
  const face = faceModelPresent();
  // Loading starts at once (only the demo's own files are fetched); nothing is analysed before consent.
  const loaded: Promise<Loaded> = face.then((present) =>
    loadHireNet(present, (p) => {
      shell.progress.value = p.fraction;
      shell.status.textContent = p.stage === 'ready' ? 'Ready.' : `Loading the model on this device (${p.stage})…`;
    }),
  );
  loaded.then(
    (l) => {
      shell.progress.hidden = true;
      const channels = l.hn.modalities.includes('video') ? 'voice and face' : 'voice only';
      shell.status.textContent = `Ready · ${channels} · ${l.hn.backend}`;
      // The recorded channels (the words are a choice on the consent screen).
      document.body.dataset['loaded'] = l.hn.modalities.filter((m) => m !== 'text').join('+');
    },
    (e: unknown) => {
      shell.status.textContent = `The model could not be loaded: ${(e as Error).message}`;
    },
  );

  const screen = (name: string): void => {
    document.body.dataset['screen'] = name;
    delete document.body.dataset['report'];
  };

  function teardown(): void {
    for (const c of cleanups) c();
    cleanups = [];
    for (const t of stream?.getTracks() ?? []) t.stop();
    stream = null;
  }

  async function flow(id: number): Promise<void> {
    const live = (): boolean => id === run;
    const hasFace = await face;
    screen('consent');
    const channels = hasFace ? (['audio', 'video'] as const) : (['audio'] as const);
    const ok = await consentScreen(
      shell.main,
      (words) => practiceNotice(words ? [...channels, 'text'] : channels),
      hasFace ? null : MISSING_FACE_MODEL,
    );
    if (!live()) return;
    if (ok === null) {
      screen('declined');
      declinedScreen(shell.main, () => restart());
      return;
    }
    for (;;) {
      screen('role');
      const spec = await roleScreen(shell.main);
      if (!live()) return;
      screen('loading');
      replace(
        shell.main,
        h(
          'section',
          { class: 'screen' },
          h('h2', {}, 'Preparing the analysis…'),
          h(
            'p',
            { class: 'hint', role: 'status' },
            'Loading the model on this device; the first time takes a few seconds.',
          ),
        ),
      );
      const { hn, audioOnlyReason } = await loaded;
      if (!live()) return;
      const s = hn.startInterview(spec);
      session = s;
      // The notice was accepted on the first screen; the session records that consent before any capture.
      await s.consent({
        noticeVersion: PRACTICE_NOTICE.version,
        // The words only when the candidate left "my words too" ticked.
        modalities: hn.modalities.filter((m) => m !== 'text' || ok.words),
        noticeLocale: PRACTICE_NOTICE.locale,
      });
      if (!live()) return; // deleted meanwhile: never open the camera for a deleted session
      try {
        stream = await requestInterviewMedia(hn.modalities);
      } catch (e) {
        screen('no-media');
        replace(
          shell.main,
          h(
            'section',
            { class: 'screen' },
            h('h2', {}, 'Camera or microphone unavailable'),
            h('p', { class: 'error', role: 'alert' }, (e as Error).message),
            h(
              'p',
              { class: 'actions' },
              button('Try again', () => restart()),
            ),
          ),
        );
        return;
      }
      if (!live()) return teardown();
      s.attach(stream);
      for (;;) {
        screen('record');
        await recordScreen(shell.main, { hn, session: s, stream, spec, audioOnlyReason }, (c) => cleanups.push(c));
        if (!live()) return;
        screen('report');
        const action = await reportScreen(shell.main, s, spec);
        if (!live()) return;
        if (action === 'new') break;
      }
      teardown();
      await s.close();
    }
  }

  function restart(): void {
    run++;
    void flow(run).catch((e: unknown) => {
      teardown();
      replace(
        shell.main,
        h(
          'section',
          { class: 'screen' },
          h('h2', {}, 'Something went wrong'),
          h('p', { class: 'error', role: 'alert' }, (e as Error).message),
          h(
            'p',
            { class: 'actions' },
            button('Start again', () => restart()),
          ),
        ),
      );
    });
  }

  shell.deleteButton.addEventListener('click', () => {
    run++;
    teardown();
    shell.deleteButton.disabled = true;
    shell.status.textContent = 'Deleting…';
    void (async () => {
      const current = session;
      session = null;
      await current?.delete().catch(() => undefined);
      await (await loaded).hn.deleteAll();
      shell.status.textContent = 'Everything this demo stored on this device was deleted.';
      document.body.dataset['deleted'] = String(Number(document.body.dataset['deleted'] ?? 0) + 1);
    })()
      .catch((e: unknown) => {
        shell.status.textContent = `Deletion failed: ${(e as Error).message}`;
      })
      .finally(() => {
        shell.deleteButton.disabled = false;
        restart();
      });
  });

  restart();
}
