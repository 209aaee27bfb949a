/**
 * The capture-side sections (`--only video,session,bytes`): one Vite + Chromium whose fake
 * camera and mic play a shared clip (test/browser/session-fixtures.ts makes the .y4m/.wav in a
 * temporary directory, removed at the end) for video and session; bytes runs its own build.
 */
import { cleanWorkDir, fakeMedia } from '../../test/browser/session-fixtures.ts';
import { sharedMissing } from '../../test/browser/harness/paths.ts';
import { benchBytes, type BytesResult } from './bytes.ts';
import { startPageRunner } from './page-server.ts';
import { benchSession, type SessionBenchResult, type SessionPlan } from './session.ts';
import type { Skipped } from './types.ts';
import { benchVideo, type VideoPlan, type VideoResult } from './video.ts';

export interface MediaPlan {
  readonly video: VideoPlan;
  /** A string: skipped, and why. */
  readonly session: SessionPlan | string;
  readonly bytes: true | string;
}

export interface MediaResults {
  readonly chromium: string | null;
  readonly video: VideoResult | { error: string } | null;
  readonly session: SessionBenchResult | { error: string } | Skipped | null;
  readonly bytes: BytesResult | { error: string } | Skipped | null;
}

const errorOf = (e: unknown): { error: string } => ({
  error: e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e),
});

export async function benchMedia(
  only: ReadonlySet<string>,
  plan: MediaPlan,
  log: (m: string) => void,
): Promise<MediaResults> {
  let chromium: string | null = null;
  let video: MediaResults['video'] = null;
  let session: MediaResults['session'] = null;
  let bytes: MediaResults['bytes'] = null;
  try {
    const wantSession = only.has('session') && typeof plan.session !== 'string';
    if (only.has('session') && typeof plan.session === 'string') session = { skipped: plan.session };
    if (only.has('video') || wantSession) {
      const missing = sharedMissing('fixtures/video/talk_f1.mp4');
      if (missing !== undefined) {
        if (only.has('video')) video = { error: missing };
        if (wantSession) session = { error: missing };
      } else {
        const runner = await startPageRunner({ fakeMedia: fakeMedia() });
        chromium = runner.version;
        try {
          if (only.has('video')) video = await benchVideo(runner, plan.video, log).catch(errorOf);
          if (wantSession && typeof plan.session !== 'string') {
            log(
              [
                `session: ${plan.session.shortAnswers} answers of ${plan.session.shortSeconds} s, then one of`,
                `${plan.session.longSeconds} s …`,
              ].join(' '),
            );
            session = await benchSession(runner, plan.session).catch(errorOf);
          }
        } finally {
          await runner.close();
        }
      }
    }
    if (only.has('bytes')) bytes = plan.bytes === true ? await benchBytes(log).catch(errorOf) : { skipped: plan.bytes };
  } finally {
    cleanWorkDir();
  }
  return { chromium, video, session, bytes };
}
