/**
 * Descriptive feedback items from the SDK: measurements of the recording in plain units. The
 * model does not read them; they are there so a candidate can compare answers and takes.
 */
import type { FeedbackItem } from '@hirenet/sdk';
import { h } from '../dom.ts';

export function feedbackList(items: readonly FeedbackItem[], label: string): HTMLElement {
  if (items.length === 0)
    return h('p', { class: 'hn-muted' }, 'No measurements for this part (no usable sound or face).');
  return h(
    'dl',
    { class: 'hn-feedback', 'aria-label': label },
    items.flatMap((f) => [
      h('dt', {}, f.metric, h('span', { class: 'hn-feedback-value' }, ` ${f.value} ${f.unit}`)),
      h('dd', {}, f.text),
    ]),
  );
}
