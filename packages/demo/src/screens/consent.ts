/**
 * Step 1: the notice, then an explicit choice. Ticking the box and pressing "Start" is the
 * consent; the session records it (s.consent) as soon as it exists, before any capture. The
 * words (text channel) are a separate choice: unticking "my words too" renders the notice again
 * without them, and the consent then leaves them out.
 */
import type { RenderedNotice } from '@hirenet/sdk';
import { button, h, replace } from '../dom.ts';
import { SCORE_LABEL } from '../report/index.ts';

export function consentScreen(
  root: HTMLElement,
  render: (words: boolean) => RenderedNotice,
  audioOnlyReason: string | null,
): Promise<{ readonly words: boolean } | null> {
  return new Promise((resolve) => {
    let notice = render(true);
    const title = h('h2', { tabindex: -1 }, notice.title);
    const agree = h('input', { type: 'checkbox', id: 'consent-check' });
    const words = h('input', { type: 'checkbox', id: 'consent-words', checked: true, 'data-testid': 'consent-words' });
    const sections = h('div', { class: 'notice' });
    const label = h('label', { for: 'consent-check' });
    const show = (): void => {
      notice = render(words.checked);
      replace(
        sections,
        notice.sections.map((s) => h('section', {}, h('h3', {}, s.heading), h('p', {}, s.body))),
      );
      label.textContent = notice.consentLabel;
    };
    words.addEventListener('change', show);
    show();
    const start = button('Start practising', () => resolve({ words: words.checked }), {
      class: 'primary',
      disabled: true,
      'data-testid': 'consent-start',
    });
    agree.addEventListener('change', () => {
      start.disabled = !agree.checked;
    });
    replace(
      root,
      h(
        'section',
        { class: 'screen consent', 'aria-labelledby': 'consent-h' },
        title,
        audioOnlyReason === null
          ? null
          : h('p', { class: 'note audio-only', 'data-testid': 'audio-only' }, audioOnlyReason),
        h(
          'p',
          { class: 'callout' },
          h('strong', {}, `${SCORE_LABEL}. `),
          'The estimate comes from an experimental demo model trained only on synthetic data. It is for ' +
            'practising your delivery, not for any decision about anyone.',
        ),
        sections,
        h(
          'p',
          { class: 'consent-check' },
          words,
          h('label', { for: 'consent-words' }, 'Analyse my words too (transcripts; optional)'),
        ),
        h('p', { class: 'consent-check' }, agree, label),
        h(
          'p',
          { class: 'actions' },
          start,
          button(notice.declineLabel, () => resolve(null), { class: 'secondary' }),
        ),
      ),
    );
    title.id = 'consent-h';
    title.focus();
  });
}

/** Shown after "I do not agree": nothing was captured, analysed or stored. */
export function declinedScreen(root: HTMLElement, again: () => void): void {
  const title = h('h2', { tabindex: -1 }, 'Nothing was analysed');
  replace(
    root,
    h(
      'section',
      { class: 'screen' },
      title,
      h(
        'p',
        {},
        'You did not agree, so the camera and microphone were not opened and nothing was stored. You can ' +
          'close this page.',
      ),
      h('p', { class: 'actions' }, button('Read the notice again', again)),
    ),
  );
  title.focus();
}
