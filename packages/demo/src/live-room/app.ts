/** Starts the live-room page for the configured role; errors end up on the page, never silently. */
import { h, replace } from '../dom.ts';
import { candidateView, type CandidateHandle } from './candidate.ts';
import type { LiveRoomConfig } from './config.ts';
import { interviewerView, type InterviewerHandle } from './interviewer.ts';

export type LiveRoomPage =
  | { readonly role: 'candidate'; readonly handle: CandidateHandle }
  | { readonly role: 'interviewer'; readonly handle: InterviewerHandle };

export async function startLiveRoomPage(root: HTMLElement, cfg: LiveRoomConfig): Promise<LiveRoomPage> {
  try {
    return cfg.role === 'interviewer'
      ? { role: 'interviewer', handle: await interviewerView(root, cfg) }
      : { role: 'candidate', handle: await candidateView(root, cfg) };
  } catch (e) {
    showError(root, e);
    throw e;
  }
}

export function showError(root: HTMLElement, e: unknown): void {
  const code = (e as { code?: unknown }).code;
  replace(
    root,
    h(
      'section',
      { class: 'screen' },
      h('h2', {}, 'Could not join the room'),
      h(
        'p',
        { class: 'error', 'data-testid': 'error', 'data-code': typeof code === 'string' ? code : null },
        (e as Error).message ?? String(e),
      ),
    ),
  );
}
