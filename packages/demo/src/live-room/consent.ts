/**
 * The candidate's choice, per channel, before anything is opened or analysed. "Join without
 * analysis" is a first-class button, not a hidden opt-out.
 */
import { button, h, replace } from '../dom.ts';
import { FACE_CONSENT, LIVE_NOTICE, LIVE_NOTICE_TITLE, VOICE_CONSENT, WORDS_CONSENT } from './notice.ts';

export interface Consent {
  readonly face: boolean;
  readonly voice: boolean;
  readonly words: boolean;
}

/**
 * `wordsUnavailable`: why this page cannot use words (no on-device recogniser, no host
 * transcript), or null when it can; the box is then disabled and the reason shown.
 */
export function consentPanel(
  root: HTMLElement,
  faceAvailable: boolean,
  wordsUnavailable: string | null,
): Promise<Consent> {
  return new Promise((resolve) => {
    const face = h('input', {
      type: 'checkbox',
      id: 'consent-face',
      'data-testid': 'consent-face',
      disabled: !faceAvailable,
    });
    const voice = h('input', { type: 'checkbox', id: 'consent-voice', 'data-testid': 'consent-voice' });
    const words = h('input', {
      type: 'checkbox',
      id: 'consent-words',
      'data-testid': 'consent-words',
      disabled: wordsUnavailable !== null,
    });
    const title = h('h2', { tabindex: -1 }, LIVE_NOTICE_TITLE);
    replace(
      root,
      h(
        'section',
        { class: 'screen consent live-consent' },
        title,
        h(
          'div',
          { class: 'notice' },
          LIVE_NOTICE.map((s) => h('section', {}, h('h3', {}, s.heading), h('p', {}, s.body))),
        ),
        h('p', { class: 'consent-check' }, face, h('label', { for: 'consent-face' }, FACE_CONSENT)),
        faceAvailable
          ? null
          : h(
              'p',
              { class: 'note' },
              'Face analysis is not available on this server (no face model), so only the voice can be analysed.',
            ),
        h('p', { class: 'consent-check' }, voice, h('label', { for: 'consent-voice' }, VOICE_CONSENT)),
        h('p', { class: 'consent-check' }, words, h('label', { for: 'consent-words' }, WORDS_CONSENT)),
        wordsUnavailable === null
          ? null
          : h('p', { class: 'note', 'data-testid': 'words-unavailable' }, `Words are off: ${wordsUnavailable}`),
        h(
          'p',
          { class: 'actions' },
          button(
            'Join with the selected analysis',
            () => resolve({ face: face.checked, voice: voice.checked, words: words.checked }),
            {
              class: 'primary',
              'data-testid': 'join',
            },
          ),
          button('Join without analysis', () => resolve({ face: false, voice: false, words: false }), {
            class: 'secondary',
            'data-testid': 'join-without',
          }),
        ),
      ),
    );
    title.focus();
  });
}
