/**
 * "Upload a recording instead" for one answer: the file is analysed on this device by the
 * session (`addAnswerFile`), exactly like a live answer, and replaces any earlier take.
 */
import type { AnswerRecord, InterviewSession } from '@hirenet/sdk';
import { h } from '../dom.ts';

export interface UploadHooks {
  /** Called before analysis starts; return false to refuse (e.g. while recording). */
  readonly canStart: () => boolean;
  readonly onStart: (index: number) => void;
  readonly onDone: (index: number, record: AnswerRecord | null, error?: unknown) => void;
}

export interface UploadControl {
  readonly el: HTMLElement;
  setLocked(locked: boolean): void;
}

export function uploadControl(session: InterviewSession, index: number, hooks: UploadHooks): UploadControl {
  const id = `upload-${index}`;
  const input = h('input', { type: 'file', id, accept: 'video/*,audio/*', 'data-testid': id });
  const el = h('span', { class: 'upload' }, h('label', { for: id }, 'or upload a recording'), input);
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file === undefined || !hooks.canStart()) return;
    hooks.onStart(index);
    session
      .addAnswerFile(index, file)
      .then(
        (record) => hooks.onDone(index, record),
        (e: unknown) => hooks.onDone(index, null, e),
      )
      .finally(() => {
        input.value = '';
      });
  });
  return {
    el,
    setLocked: (locked) => {
      input.disabled = locked;
    },
  };
}
