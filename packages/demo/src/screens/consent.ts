/**
 * Step 1: the notice, then an explicit choice. Ticking the box and pressing "Start" is the
 * consent; the session records it (s.consent) as soon as it exists, before any capture.
 */
import type { RenderedNotice } from '@hirenet/sdk';
import { button, h, replace } from '../dom.ts';
import { SCORE_LABEL } from '../report/index.ts';

export function consentScreen(
  root: HTMLElement,
  notice: RenderedNotice,
  audioOnlyReason: string | null,
): Promise<boolean> {
  return new Promise((resolve) => {
    const title = h('h2', { tabindex: -1 }, notice.title);
    const agree = h('input', { type: 'checkbox', id: 'consent-check' });
    const start = button('Start practising', () => resolve(true), {
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
        h(
          'div',
          { class: 'notice' },
          notice.sections.map((s) => h('section', {}, h('h3', {}, s.heading), h('p', {}, s.body))),
        ),
        h('p', { class: 'consent-check' }, agree, h('label', { for: 'consent-check' }, notice.consentLabel)),
        h(
          'p',
          { class: 'actions' },
          start,
          button(notice.declineLabel, () => resolve(false), { class: 'secondary' }),
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
