/**
 * The candidate's words channel on the page: where the words come from (on-device recognition
 * where the browser has it, or a transcript the host supplies; never a speech server), and the
 * panel that says which, or why words are off. The host's box adds words to the current answer;
 * only the top words and their counts are sent (the mirror shows them), never these words.
 */
import { createLocalSpeechTranscriber } from '@hirenet/sdk';
import type { CueAnalysis, WordsOptions } from '@hirenet/sdk/live';
import { button, h } from '../dom.ts';
import type { LiveRoomConfig } from './config.ts';

export interface WordsSource {
  /** What the cue analysis gets; undefined when this page cannot offer words. */
  readonly options: WordsOptions | undefined;
  /** Why words are off whatever the candidate chooses, or null. */
  readonly unavailable: string | null;
  /** The host supplies the words (the page shows its words box). */
  readonly host: boolean;
}

export async function wordsSource(cfg: LiveRoomConfig): Promise<WordsSource> {
  if (cfg.words === 'host') return { options: {}, unavailable: null, host: true };
  if (cfg.words === null) return { options: undefined, unavailable: 'this site offers no words channel.', host: false };
  try {
    const lang = cfg.lang ?? (navigator.language || 'en-US');
    return { options: { transcriber: await createLocalSpeechTranscriber({ lang }) }, unavailable: null, host: false };
  } catch (e) {
    return {
      options: undefined,
      unavailable: `no on-device speech recognition here (${(e as Error).message}).`,
      host: false,
    };
  }
}

export interface WordsPanel {
  readonly el: HTMLElement;
  /** Shows the channel's state (after join, pause, resume, an error). */
  update(analysis: CueAnalysis | null, error?: string): void;
}

export function wordsPanel(src: WordsSource, supply: (text: string) => void, next: () => void): WordsPanel {
  const status = h('p', { class: 'hint', role: 'status', 'data-testid': 'words-status' });
  const text = h('textarea', {
    rows: 3,
    'aria-label': 'Words of your current answer (from this site’s on-device recogniser)',
    placeholder: 'Words of the current answer — plain text, WebVTT or JSON words',
    'data-testid': 'words-text',
  });
  const add = button(
    'Add to this answer',
    () => {
      supply(text.value);
      text.value = '';
    },
    { 'data-testid': 'words-add' },
  );
  const nextBtn = button('Next answer', next, { 'data-testid': 'words-next' });
  const box = src.host ? h('p', { class: 'actions words-box' }, text, add, nextBtn) : null;
  const el = h(
    'section',
    { class: 'words-panel', 'data-testid': 'words-panel' },
    h('h3', {}, 'Your words'),
    status,
    box,
  );
  return {
    el,
    update(analysis, error) {
      const state = analysis?.state('words') ?? 'off';
      el.dataset['state'] = state;
      if (box !== null) box.hidden = state !== 'on';
      status.textContent =
        error !== undefined
          ? `Words are off: ${error}`
          : state === 'unavailable'
            ? `Words are off: ${src.unavailable ?? 'not available on this page.'}`
            : state === 'off'
              ? 'Words are off: you did not agree to them.'
              : state === 'paused'
                ? 'Words are paused: nothing is counted or sent.'
                : src.host
                  ? 'Words on: this site adds the words of your answer below; only the top words and counts are sent.'
                  : 'Words on: on-device recognition listens; only the top words and counts are sent.';
    },
  };
}
