/** Session warnings (no face, silence, audio-only…) shown as the SDK worded them. */
import type { SessionWarning } from '@hirenet/sdk';
import { h } from '../dom.ts';

export function warningList(warnings: readonly SessionWarning[]): HTMLElement | null {
  // The same code for the same answer can be raised on several takes; show it once.
  const seen = new Set<string>();
  const unique = warnings.filter((w) => {
    const key = `${w.code}:${w.answer ?? ''}:${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length === 0) return null;
  return h(
    'section',
    { class: 'hn-warnings', 'aria-labelledby': 'hn-warn-h' },
    h('h3', { id: 'hn-warn-h' }, 'Warnings'),
    h(
      'ul',
      {},
      unique.map((w) =>
        h(
          'li',
          { 'data-code': w.code },
          w.answer === undefined ? '' : h('strong', {}, `Answer ${w.answer + 1}: `),
          w.message,
          h('span', { class: 'hn-code' }, ` (${w.code})`),
        ),
      ),
    ),
  );
}
