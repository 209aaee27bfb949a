/**
 * The practice report, shared by the demo (index.html) and the `hirenet analyze` page:
 * descriptive feedback, attention per question, per-answer timelines with key moments and cues,
 * warnings, and last the labelled model estimate behind a disclosure. Plain DOM + uPlot; works with unanswered
 * questions
 * (null answers) and audio-only answers. Rendering again into the same root replaces the
 * previous report and releases its charts. `root.dataset.charts` becomes 'ready' once every
 * chart canvas is drawn (charts wait for the root to be laid out, so attach it first).
 */
import type { AnswerRecord, InterviewResult } from '@hirenet/sdk';
import { h, isolate, replace } from '../dom.ts';
import { answerSection } from './answer.ts';
import type { Chart } from './chart.ts';
import { feedbackList } from './feedback.ts';
import { questionAttention } from './question-attention.ts';
import { scoreBlock } from './score.ts';
import { warningList } from './warnings.ts';
import './report.css';

export { SCORE_LABEL, SCORE_REVEAL } from './score.ts';

export interface ReportInput {
  readonly jobTitle: string;
  readonly questions: readonly string[];
  readonly result: InterviewResult;
  readonly answers: readonly (AnswerRecord | null)[];
}

const live = new WeakMap<HTMLElement, readonly Chart[]>();

/** Destroys the charts of a report previously rendered into `root` and empties it. */
export function clearReport(root: HTMLElement): void {
  for (const c of live.get(root) ?? []) c.destroy();
  live.delete(root);
  root.replaceChildren();
}

export function renderReport(root: HTMLElement, input: ReportInput): void {
  clearReport(root);
  const { jobTitle, questions, result, answers } = input;
  const views = questions.map((q, i) => answerSection(i, q, answers[i] ?? null, result));
  const charts = views.flatMap((v) => v.charts);
  live.set(root, charts);
  delete root.dataset['charts'];
  const answered = questions.map((_, i) => answers[i] !== null && answers[i] !== undefined);
  const total = result.keyMoments.length;
  replace(
    root,
    h(
      'article',
      { class: 'hn-report', 'aria-labelledby': 'hn-report-title' },
      h(
        'header',
        {},
        h('h2', { id: 'hn-report-title', tabindex: -1 }, 'Practice report'),
        h(
          'p',
          { class: 'hn-meta' },
          'Role: ',
          isolate(jobTitle, { class: 'hn-role' }),
          [
            ` · ${answered.filter(Boolean).length} of ${questions.length} questions answered · ${total} key`,
            `moment${total === 1 ? '' : 's'}`,
          ].join(' '),
        ),
      ),
      warningList(result.warnings),
      // Observable feedback and key moments first; the model estimate only on request, last.
      h(
        'section',
        { class: 'hn-card', 'aria-labelledby': 'hn-overall' },
        h('h3', { id: 'hn-overall' }, 'Your delivery, measured'),
        h(
          'p',
          { class: 'hn-hint' },
          'Descriptions of the recording over all answers. The model does not use these numbers; they are ' +
            'here for you to compare takes.',
        ),
        feedbackList(result.feedback.overall, 'Measurements over all answers'),
      ),
      questionAttention(result, questions, answered),
      views.map((v) => v.el),
      scoreBlock(result),
    ),
  );
  // Charts draw once laid out; `data-charts="ready"` tells a page (or a test) when to snapshot.
  void Promise.all(charts.map((c) => c.ready)).then(() => {
    if (live.get(root) === charts) root.dataset['charts'] = 'ready';
  });
}
