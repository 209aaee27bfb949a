/**
 * The question list beside the camera: each question's status (not yet, recorded with its
 * length and take number, analysing an upload) and a way to jump to it or upload a file.
 */
import type { InterviewSession } from '@hirenet/sdk';
import { button, h, isolate, replace } from '../dom.ts';
import { uploadControl, type UploadHooks } from './upload.ts';

export interface AnswerStatus {
  readonly seconds: number | null;
  readonly takes: number;
  readonly busy: boolean;
}

export function answerList(
  session: InterviewSession,
  questions: readonly string[],
  hooks: UploadHooks & { readonly select: (i: number) => void },
): {
  el: HTMLElement;
  update(current: number, status: readonly AnswerStatus[], locked: boolean): void;
} {
  const list = h('ol', { class: 'answer-list' });
  // Upload inputs are built once: rebuilding them would drop a file being picked.
  const uploads = questions.map((_, i) => uploadControl(session, i, hooks));
  return {
    el: h('nav', { 'aria-label': 'Questions' }, h('h3', {}, 'Questions'), list),
    update(current, status, locked) {
      replace(
        list,
        questions.map((q, i) => {
          const s = status[i]!;
          const state = s.busy
            ? 'analysing the upload…'
            : s.seconds === null
              ? 'not answered yet'
              : `recorded ${s.seconds.toFixed(1)} s${s.takes > 1 ? ` · take ${s.takes}` : ''}`;
          const pick = button([`${i + 1}. `, isolate(q)], () => hooks.select(i), {
            class: 'link',
            'aria-current': i === current ? 'step' : undefined,
            disabled: locked,
          });
          uploads[i]!.setLocked(locked);
          return h(
            'li',
            { class: i === current ? 'current' : '', 'data-recorded': s.seconds !== null },
            pick,
            h('span', { class: 'status' }, state),
            uploads[i]!.el,
          );
        }),
      );
    },
  };
}
