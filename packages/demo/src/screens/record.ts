/**
 * Step 3: camera preview with live indicators, then the answers. One button starts and stops
 * an answer (with a running timer); "Redo" records the question again and the new take
 * replaces the old one (the SDK keeps the old take if the new one is too short); "Next" moves
 * on. Resolves when the candidate asks for the report.
 */
import type { AnswerRecord, HireNet, InterviewSession, InterviewSpec } from '@hirenet/sdk';
import { button, clock, h } from '../dom.ts';
import { faceIndicator } from '../live/face-indicator.ts';
import { levelMeter } from '../live/level-meter.ts';
import { answerList, type AnswerStatus } from './answer-list.ts';
import { transcriptPanel } from './transcript.ts';

export interface RecordDeps {
  readonly hn: HireNet;
  readonly session: InterviewSession;
  readonly stream: MediaStream;
  readonly spec: InterviewSpec;
  readonly audioOnlyReason: string | null;
}

/** Disposers of the live indicators, so "Delete everything" can stop them from outside. */
export type Cleanup = () => void;

export function recordScreen(root: HTMLElement, d: RecordDeps, registerCleanup: (c: Cleanup) => void): Promise<void> {
  return new Promise((resolve) => {
    const n = d.spec.questions.length;
    const status: AnswerStatus[] = d.session.recorded.map((r) => ({
      seconds: r?.durationSeconds ?? null,
      takes: r === null ? 0 : 1,
      busy: false,
    }));
    let current = Math.max(
      0,
      status.findIndex((s) => s.seconds === null),
    );
    let recording = false;
    let pending = false;
    let startedAt = 0;
    // Set while an answer records: the face indicator then shows the session's own frames.
    let unfollow: (() => void) | undefined;

    const video = h('video', {
      class: 'preview',
      muted: true,
      playsinline: true,
      autoplay: true,
      'aria-label': 'Camera preview (mirrored)',
    });
    video.muted = true;
    video.srcObject = d.stream;
    void video.play().catch(() => undefined);
    const level = levelMeter(d.stream);
    const face = faceIndicator(d.hn, d.stream);
    const timer = h('span', { class: 'timer', 'data-testid': 'timer', role: 'timer', 'aria-live': 'off' }, '0:00');
    const badge = h(
      'p',
      { class: 'rec-badge', hidden: true },
      h('span', { class: 'rec-dot', 'aria-hidden': 'true' }),
      'Recording ',
      timer,
    );
    const counter = h('p', { class: 'hint', id: 'q-counter' });
    const question = h('h2', { class: 'question', tabindex: -1, dir: 'auto', 'data-testid': 'question' });
    const say = h('p', { class: 'status-line', role: 'status', 'data-testid': 'record-status' });
    const warnings = h('ul', { class: 'live-warnings', 'aria-live': 'polite' });
    const toggle = button('Start answer', () => void (recording ? stop() : start()), {
      class: 'primary',
      'data-testid': 'record-toggle',
    });
    const redo = button('Redo this answer', () => void start(), { 'data-testid': 'redo' });
    const next = button('Next question', () => select(current + 1), { 'data-testid': 'next' });
    const finish = button('See my report', () => done(), { class: 'primary', 'data-testid': 'finish' });
    const list = answerList(d.session, d.spec.questions, {
      select: (i) => select(i),
      canStart: () => !recording && !pending,
      onStart: (i) => {
        current = i;
        status[i] = { ...status[i]!, busy: true };
        pending = true;
        say.textContent = `Analysing the uploaded recording for question ${i + 1}…`;
        render();
      },
      onDone: (i, record, error) => {
        pending = false;
        status[i] = { ...status[i]!, busy: false };
        if (error !== undefined)
          say.textContent = `The upload could not be analysed: ${(error as Error).message ?? String(error)}`;
        else stored(i, record);
        render();
      },
    });

    // The words, only when the candidate agreed to them (the text channel).
    const words = d.session.consentGiven?.modalities.includes('text') === true ? transcriptPanel(d.session) : null;

    let tick: ReturnType<typeof setInterval> | undefined;
    const stopTimer = (): void => {
      if (tick !== undefined) clearInterval(tick);
      tick = undefined;
    };
    const offWarning = d.session.on('warning', (w) => {
      warnings.append(h('li', { 'data-code': w.code }, w.message));
    });
    registerCleanup(() => {
      stopTimer();
      level.close();
      face.close();
      offWarning();
    });

    function render(): void {
      const recorded = status[current]!.seconds !== null;
      counter.textContent = `Question ${current + 1} of ${n}`;
      question.textContent = d.spec.questions[current]!;
      badge.hidden = !recording;
      toggle.textContent = recording ? 'Stop answer' : recorded ? 'Record again' : 'Start answer';
      toggle.classList.toggle('stop', recording);
      toggle.disabled = pending && !recording;
      toggle.hidden = recorded && !recording;
      redo.hidden = !recorded || recording;
      redo.disabled = pending;
      next.hidden = current >= n - 1;
      next.disabled = recording || pending;
      finish.disabled = recording || pending || !status.some((s) => s.seconds !== null);
      list.update(current, status, recording || pending);
      words?.update(current, recording || pending);
    }

    function select(i: number): void {
      if (recording || pending || i < 0 || i >= n) return;
      current = i;
      say.textContent = '';
      render();
      question.focus();
    }

    function stored(i: number, record: AnswerRecord | null): void {
      if (record === null) {
        say.textContent =
          status[i]!.seconds === null
            ? 'That take was too short to analyse; it was not stored.'
            : 'That take was too short to analyse; your previous take is kept.';
        return;
      }
      status[i] = { seconds: record.durationSeconds, takes: status[i]!.takes + 1, busy: false };
      const channels = [record.audio === null ? null : 'voice', record.video === null ? null : 'face'].filter(
        (c) => c !== null,
      );
      say.textContent = [
        `Answer ${i + 1} stored (${record.durationSeconds.toFixed(1)} s; analysed:`,
        `${channels.join(' and ') || 'nothing usable'}).`,
        i < n - 1 ? 'Continue with the next question when ready.' : 'You can see your report now.',
      ].join(' ');
    }

    async function start(): Promise<void> {
      if (recording || pending) return;
      pending = true;
      render();
      try {
        await d.session.beginAnswer(current);
        unfollow = face.follow(d.session);
        recording = true;
        startedAt = performance.now();
        timer.textContent = '0:00';
        tick = setInterval(() => {
          timer.textContent = clock((performance.now() - startedAt) / 1000);
        }, 250);
        say.textContent = `Recording your answer to question ${current + 1}. Press “Stop answer” when you are done.`;
      } catch (e) {
        say.textContent = `Could not start recording: ${(e as Error).message}`;
      } finally {
        pending = false;
        render();
        toggle.focus();
      }
    }

    async function stop(): Promise<void> {
      if (!recording) return;
      stopTimer();
      unfollow?.();
      unfollow = undefined;
      recording = false;
      pending = true;
      say.textContent = 'Finishing the analysis of this answer…';
      render();
      try {
        stored(current, await d.session.endAnswer());
        if (d.session.transcript(current) !== null) say.append(' Your words were transcribed on this device.');
      } catch (e) {
        say.textContent = `The answer could not be stored: ${(e as Error).message}`;
      } finally {
        pending = false;
        render();
        (next.hidden ? finish : next).focus();
      }
    }

    function done(): void {
      if (recording || pending) return;
      stopTimer();
      level.close();
      face.close();
      offWarning();
      resolve();
    }

    root.replaceChildren(
      h(
        'section',
        { class: 'screen record', 'aria-labelledby': 'q-counter' },
        h(
          'div',
          { class: 'camera' },
          // Audio-only: the camera is not opened, so a black preview would only confuse.
          h(
            'div',
            { class: 'preview-wrap' },
            d.stream.getVideoTracks().length > 0
              ? video
              : h('div', { class: 'preview no-camera' }, h('p', {}, 'Audio only: the camera is not used.')),
            badge,
          ),
          h('div', { class: 'indicators' }, level.el, face.el),
          d.audioOnlyReason === null
            ? null
            : h('p', { class: 'note audio-only', 'data-testid': 'audio-only' }, d.audioOnlyReason),
        ),
        h(
          'div',
          { class: 'answer-panel' },
          counter,
          question,
          h('p', { class: 'actions' }, toggle, redo, next, finish),
          say,
          warnings,
          words?.el ?? null,
          list.el,
        ),
      ),
    );
    render();
    question.focus();
  });
}
