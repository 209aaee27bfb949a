/**
 * Key moments of one answer: where the model's attention peaked, with the observable cues that
 * set the moment apart from the rest of the answer. An answer without a clear peak says so
 * explicitly instead of showing nothing.
 */
import type { KeyMoment } from '@hirenet/sdk';
import { h } from '../dom.ts';
import { cueDetail, cueText } from './cue-text.ts';

const sec = (s: number): string => `${s.toFixed(1)} s`;

export function momentList(moments: readonly KeyMoment[]): HTMLElement {
  if (moments.length === 0) {
    return h(
      'p',
      { class: 'hn-no-moments', 'data-testid': 'no-key-moments' },
      'No key moments: the model’s attention was spread fairly evenly over this answer, with no clear peak.',
    );
  }
  return h(
    'ol',
    { class: 'hn-moments' },
    moments.map((m) =>
      h(
        'li',
        { class: 'hn-moment', 'data-testid': 'key-moment' },
        h(
          'p',
          {},
          h('strong', {}, `${sec(m.startSeconds)} – ${sec(m.endSeconds)}`),
          h('span', { class: 'hn-hint' }, ` · ${(m.weight * 100).toFixed(1)} % of the interview’s attention`),
        ),
        // What was being said, when the answer's transcript has word times.
        m.said === undefined ? null : h('p', { class: 'hn-said', dir: 'auto' }, `“${m.said}”`),
        m.cues.length === 0
          ? h('p', { class: 'hn-muted' }, 'Nothing measured here stood out from the rest of the answer.')
          : h(
              'ul',
              { class: 'hn-cues' },
              m.cues.map((c) =>
                h('li', { title: cueDetail(c) }, cueText(c), h('span', { class: 'hn-hint' }, ` — ${cueDetail(c)}`)),
              ),
            ),
      ),
    ),
  );
}
