// Posture columns through the session API (test/browser/session-posture.test.ts): an uploaded
// file (addAnswerFile) and, with a fake camera, a live answer, with or without a pose model.
import { HireNet } from '../../../../packages/sdk/src/session/hirenet.ts';
import { requestInterviewMedia } from '../../../../packages/sdk/src/session/media.ts';
import type { AnswerRecord } from '../../../../packages/sdk/src/session/types.ts';
import type { PoseOptions } from '../../../../packages/sdk/src/video/pose-options.ts';
import { exposeRun } from '../../harness/page.ts';
import { pageSessionOptions, type PageAssets } from './page-options.ts';

interface Args {
  assets: PageAssets;
  pose?: PoseOptions;
  /** URLs analysed with addAnswerFile, as answers 0, 1, … */
  files: string[];
  /** Seconds of a live answer (after the files) from the fake camera; 0: none. */
  liveSeconds: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function answer(r: AnswerRecord | null, ms: number): Record<string, unknown> {
  return {
    ms,
    seconds: r?.durationSeconds ?? null,
    video: r?.video ?? null,
    posture: r?.posture,
    postureStats: r?.postureStats,
    warnings: r?.warnings.map((w) => w.code) ?? [],
  };
}

exposeRun(async (a: Args) => {
  const hn = await HireNet.create(
    pageSessionOptions(a.assets, {
      modalities: ['video'],
      persist: false,
      ...(a.pose === undefined ? {} : { pose: a.pose }),
    }),
  );
  const answers: Record<string, unknown>[] = [];
  try {
    const questions = ['Tell us about a project you are proud of.', 'Why this role?', 'Anything else?'];
    const s = hn.startInterview({ jobTitle: 'Software engineer', questions });
    await s.consent({ noticeVersion: '1.0.0', modalities: hn.modalities });
    for (const [i, url] of a.files.entries()) {
      const blob = await (await fetch(url)).blob();
      const t0 = performance.now();
      const r = await s.addAnswerFile(i, blob);
      answers.push(answer(r, performance.now() - t0));
    }
    if (a.liveSeconds > 0) {
      const stream = await requestInterviewMedia(hn.modalities);
      s.attach(stream);
      await s.beginAnswer(a.files.length);
      await sleep(a.liveSeconds * 1000);
      const t0 = performance.now();
      const r = await s.endAnswer();
      answers.push(answer(r, performance.now() - t0));
      for (const t of stream.getTracks()) t.stop();
    }
    const result = await s.result();
    return {
      loadWarnings: hn.warnings.map((w) => ({ code: w.code, message: w.message })),
      answers,
      feedback: result.feedback,
      cues: result.keyMoments.flatMap((m) => m.cues.map((c) => c.code)),
    };
  } finally {
    await hn.close();
  }
});
