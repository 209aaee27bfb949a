/**
 * Step 4: scores the session on this device and shows the report. The candidate can go back
 * to redo answers (the session and its stored takes stay) or start another role.
 */
import type { InterviewSession, InterviewSpec } from '@hirenet/sdk';
import { button, h, replace } from '../dom.ts';
import { renderReport } from '../report/index.ts';

export type ReportAction = 'back' | 'new';

export async function reportScreen(
  root: HTMLElement,
  session: InterviewSession,
  spec: InterviewSpec,
): Promise<ReportAction> {
  const title = h('h2', { tabindex: -1 }, 'Scoring your answers on this device…');
  replace(
    root,
    h(
      'section',
      { class: 'screen', 'aria-busy': 'true' },
      title,
      h('p', { class: 'hint' }, 'This takes a few seconds; nothing leaves your device.'),
    ),
  );
  title.focus();
  let failed: string | null = null;
  const result = await session.result().catch((e: unknown) => {
    failed = (e as Error).message;
    return null;
  });
  return new Promise((resolve) => {
    const actions = h(
      'p',
      { class: 'actions' },
      button('Back to the answers (redo or add)', () => resolve('back'), { 'data-testid': 'back-to-answers' }),
      button('Practise another role', () => resolve('new'), { 'data-testid': 'new-role' }),
    );
    if (result === null) {
      replace(
        root,
        h(
          'section',
          { class: 'screen' },
          h('h2', { tabindex: -1 }, 'No report'),
          h('p', { class: 'error', role: 'alert' }, `The answers could not be scored: ${failed ?? 'unknown error'}`),
          actions,
        ),
      );
      return;
    }
    const container = h('div', { class: 'report-root', 'data-testid': 'report' });
    replace(root, h('section', { class: 'screen report' }, container, actions));
    renderReport(container, { jobTitle: spec.jobTitle, questions: spec.questions, result, answers: session.recorded });
    container.querySelector<HTMLElement>('#hn-report-title')?.focus();
    document.body.dataset['report'] = 'ready';
  });
}
