/**
 * "Your words" for the question on screen, when the candidate agreed to the text channel: paste
 * or upload a transcript (plain text, WebVTT, or JSON words with times), or let the browser's
 * on-device speech recognition listen while answering — offered only where the SDK found it
 * available; otherwise the panel says why (the SDK never uses server recognition). A new take of
 * an answer drops its earlier words, so a pasted transcript belongs after the take.
 */
import {
  createLocalSpeechTranscriber,
  type InterviewSession,
  type Transcriber,
  type TranscriptFormat,
} from '@hirenet/sdk';
import { button, h } from '../dom.ts';

export interface TranscriptPanel {
  readonly el: HTMLElement;
  /** Shows the panel for question `index` (0-based); `locked` while an answer records or a file is analysed. */
  update(index: number, locked: boolean): void;
}

const formatOf = (name: string): TranscriptFormat =>
  /\.vtt$/i.test(name) ? 'vtt' : /\.json$/i.test(name) ? 'json' : /\.txt$/i.test(name) ? 'text' : 'auto';

/** Sets up on-device recognition once per page: a transcriber, or the reason there is none. */
let recognition: Promise<Transcriber | string> | undefined;
function localRecognition(): Promise<Transcriber | string> {
  recognition ??= createLocalSpeechTranscriber({ lang: navigator.language || 'en-US' }).catch(
    (e: unknown) => (e as Error).message,
  );
  return recognition;
}

export function transcriptPanel(session: InterviewSession): TranscriptPanel {
  let index = 0;
  // The box starts unticked each time the screen is built: the session must agree.
  session.setTranscriber(null);
  const text = h('textarea', {
    rows: 4,
    'aria-label': 'Transcript of this answer',
    placeholder: 'Paste what you said — plain text, a WebVTT file’s text, or JSON words with times',
    'data-testid': 'transcript-text',
  });
  const file = h('input', { type: 'file', accept: '.txt,.vtt,.json,text/plain,text/vtt,application/json' });
  const say = h('p', { class: 'hint', role: 'status', 'data-testid': 'transcript-status' });
  const listen = h('input', { type: 'checkbox', id: 'listen-words', disabled: true, 'data-testid': 'listen' });
  const listenNote = h('span', { class: 'hint' }, 'Checking for on-device speech recognition…');
  let format: TranscriptFormat = 'auto';

  const describe = (): void => {
    const t = session.transcript(index);
    say.textContent =
      t === null
        ? `No words set for question ${index + 1}.`
        : `Question ${index + 1}: ${t.words.length} words${t.timed ? ' with times' : ''} (${t.source}).`;
  };
  const use = button(
    'Use these words',
    () =>
      void session.setTranscript(index, text.value, format).then(
        () => {
          text.value = '';
          format = 'auto';
          describe();
        },
        (e: unknown) => {
          say.textContent = `These words could not be used: ${(e as Error).message}`;
        },
      ),
    { 'data-testid': 'transcript-use' },
  );
  const remove = button('Remove the words', () => void session.setTranscript(index, null).then(describe));
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f === undefined) return;
    void f.text().then((t) => {
      text.value = t;
      format = formatOf(f.name);
      file.value = '';
    });
  });
  text.addEventListener('input', () => {
    format = 'auto';
  });
  void localRecognition().then((r) => {
    if (typeof r === 'string') {
      listenNote.textContent = `On-device speech recognition is not available here: ${r}.`;
      return;
    }
    listen.disabled = false;
    listenNote.textContent = 'Transcribe on this device while I answer (no audio leaves this device).';
    listen.addEventListener('change', () => session.setTranscriber(listen.checked ? r : null));
  });
  const el = h(
    'details',
    { class: 'transcript-panel', 'data-testid': 'transcript-panel' },
    h('summary', {}, 'Your words (optional)'),
    h('p', { class: 'consent-check' }, listen, h('label', { for: 'listen-words' }, listenNote)),
    text,
    h('p', { class: 'actions' }, use, remove, h('label', {}, 'or load a file ', file)),
    say,
  );
  return {
    el,
    update(i, locked) {
      index = i;
      use.disabled = locked;
      remove.disabled = locked;
      describe();
    },
  };
}
