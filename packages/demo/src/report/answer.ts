/**
 * One answer in the report: its timeline (attention, then the descriptor tracks, on a shared
 * time axis with key moments shaded), the key moments with their cues, and the answer's
 * descriptive measurements. An unanswered question gets a short placeholder.
 */
import type { AnswerRecord, InterviewResult } from '@hirenet/sdk';
import { h, isolate } from '../dom.ts';
import { lineChart, type Chart } from './chart.ts';
import { feedbackList } from './feedback.ts';
import { momentList } from './moments.ts';
import { transcriptSection, wordTrack } from './transcript.ts';
import { answerSeries } from './tracks.ts';

let syncCounter = 0;

export interface AnswerView {
  readonly el: HTMLElement;
  readonly charts: readonly Chart[];
}

export function answerSection(
  index: number,
  question: string,
  record: AnswerRecord | null,
  result: InterviewResult,
): AnswerView {
  const heading = h(
    'h3',
    { id: `hn-answer-${index}` },
    `Question ${index + 1}`,
    isolate(question, { class: 'hn-question' }),
  );
  const text = result.transcripts?.[index] ?? null;
  if (record === null) {
    const feedback = result.feedback.answers.find((a) => a.answer === index)?.items ?? [];
    return {
      el: h(
        'section',
        { class: 'hn-card hn-answer', 'aria-labelledby': `hn-answer-${index}`, 'data-answer': index },
        heading,
        text === null ? h('p', { class: 'hn-muted' }, 'Not answered.') : null,
        text === null ? null : h('p', { class: 'hn-meta' }, 'Not recorded · analysed: the words only'),
        text === null ? null : transcriptSection(text),
        text === null ? null : feedbackList(feedback, `Measurements for answer ${index + 1}`),
      ),
      charts: [],
    };
  }
  const moments = result.keyMoments.filter((m) => m.answer === index);
  const bands = moments.map((m) => ({ start: m.startSeconds, end: m.endSeconds }));
  const series = answerSeries(record, result.answerAttention[index]);
  const syncKey = `hn-answer-${index}-${++syncCounter}`;
  const channels = [record.audio === null ? null : 'voice', record.video === null ? null : 'face'].filter(
    (c) => c !== null,
  );
  const charts: Chart[] = [];
  const peak = Math.max(0, ...series.attention.map((v) => v ?? 0));
  charts.push(
    lineChart({
      title: 'Model attention',
      hint: 'share of this answer’s weight per 0.25 s; shaded = key moments',
      x: series.x,
      y: series.attention,
      color: '#d97706',
      height: 120,
      bands,
      syncKey,
      fill: true,
      xAxis: true,
      summary: [
        `Attention over ${record.durationSeconds.toFixed(1)} s of answer ${index + 1}; peak`,
        `${(peak * 100).toFixed(1)} % of the answer's weight; ${moments.length} key moment(s).`,
      ].join(' '),
    }),
  );
  // The transcript track: each word where it was said, on the same time axis and cursor.
  if (text?.timed === true) charts.push(lineChart(wordTrack(text, series.x, bands, syncKey, index)));
  series.tracks.forEach((t, k) => {
    const last = k === series.tracks.length - 1;
    charts.push(
      lineChart({
        title: t.spec.label,
        hint: t.spec.hint,
        x: series.x,
        y: t.values,
        color: t.spec.color,
        height: last ? 84 : 56,
        bands,
        syncKey,
        xAxis: last,
        summary: `${t.spec.label} over answer ${index + 1}.`,
      }),
    );
  });
  const feedback = result.feedback.answers.find((a) => a.answer === index)?.items ?? [];
  const el = h(
    'section',
    { class: 'hn-card hn-answer', 'aria-labelledby': `hn-answer-${index}`, 'data-answer': index },
    heading,
    h(
      'p',
      { class: 'hn-meta' },
      [
        `${record.durationSeconds.toFixed(1)} s recorded · analysed:`,
        (channels.length === 0 ? 'nothing usable' : channels.join(' and ')) +
          (record.video === null && record.audio !== null ? ' (audio only)' : ''),
      ].join(' '),
    ),
    h(
      'div',
      { class: 'hn-timeline' },
      charts.map((c) => c.el),
    ),
    series.tracks.length === 0 ? h('p', { class: 'hn-muted' }, 'No descriptor tracks for this answer.') : null,
    text === null ? null : transcriptSection(text),
    h('h4', {}, 'Key moments'),
    momentList(moments),
    h(
      'details',
      { class: 'hn-answer-feedback' },
      h('summary', {}, 'Measurements for this answer'),
      feedbackList(feedback, `Measurements for answer ${index + 1}`),
    ),
  );
  return { el, charts };
}
