/**
 * The embed example: only the public API of @hirenet/sdk, on the page's own getUserMedia
 * stream. `?auto=1&answers=N&seconds=S` runs a scripted interview of N answers of S seconds
 * and writes the result JSON into <pre id="result"> (how the page is checked automatically).
 * `auto=1` stands in for the click only when no other site frames the page: framed by another
 * origin, the page waits for the click (a framing site could otherwise obtain a consent that
 * nobody gave) and says why; `body[data-auto]` is then "refused".
 * Optional: `backend=wasm|cpu|webgl|webgpu|auto`, `modalities=audio` (audio only).
 */
import './trusted-types.ts';
import {
  HireNet,
  NOTICE_TEMPLATE_EN,
  renderNotice,
  requestInterviewMedia,
  type BackendChoice,
  type BackendName,
  type SessionModality,
} from '@hirenet/sdk';

const params = new URLSearchParams(location.search);
const status = document.getElementById('status')!;
const out = document.getElementById('result')!;
const say = (text: string): void => {
  status.textContent = text;
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const QUESTIONS = [
  'Tell us about a project you are proud of.',
  'Describe a time you disagreed with a colleague and how you resolved it.',
  'How do you make sure your work is tested?',
  'What would you improve in your last team?',
];

let hn: HireNet | undefined;

async function load(): Promise<HireNet> {
  hn ??= await HireNet.create({
    assetsBaseUrl: new URL('hirenet/', location.href).href,
    backend: (params.get('backend') ?? 'auto') as BackendChoice,
    // `candidates=wasm,cpu,webgl,webgpu` makes 'auto' time those (tests of the cross-backend path).
    ...(params.get('candidates') === null
      ? {}
      : { backendCandidates: params.get('candidates')!.split(',') as BackendName[] }),
    modalities: (params.get('modalities')?.split(',') ?? ['audio', 'video']) as SessionModality[],
    onProgress: (p) => say(`Loading: ${p.stage} (${Math.round(p.fraction * 100)} %)`),
  });
  if (!hn.modalities.includes('video')) say('The face model is not available here: this page runs audio-only.');
  return hn;
}

async function interview(answers: number, seconds: number): Promise<void> {
  const h = await load();
  const notice = renderNotice(
    NOTICE_TEMPLATE_EN,
    {
      employer: 'Example Ltd',
      jobTitle: 'Software engineer',
      contact: 'privacy@example.test',
      retentionDays: 30,
      deletionDays: 30,
      alternative: 'a live interview with a person',
    },
    h.modalities,
  );
  document.getElementById('notice')!.textContent = notice.text;
  const s = h.startInterview({ jobTitle: 'Software engineer', questions: QUESTIONS.slice(0, answers) });
  s.on('warning', (w) => say(`Warning: ${w.message}`));
  // Clicking "I agree" (or ?auto=1, standing in for it in tests) is the consent.
  await s.consent({ noticeVersion: NOTICE_TEMPLATE_EN.version, modalities: h.modalities });
  const stream = await requestInterviewMedia(h.modalities);
  try {
    s.attach(stream);
    for (let i = 0; i < answers; i++) {
      say(`Recording answer ${i + 1} of ${answers}…`);
      await s.beginAnswer(i);
      await sleep(seconds * 1000);
      await s.endAnswer();
    }
    say('Scoring…');
    const result = await s.result();
    out.textContent = JSON.stringify(result, null, 2);
    say(
      [
        'Done: experimental model estimate',
        `${result.score === null ? 'unavailable' : result.score.toFixed(3)} on ${h.backend}.`,
      ].join(' '),
    );
    document.body.dataset['state'] = 'done';
  } finally {
    for (const t of stream.getTracks()) t.stop();
  }
}

function fail(e: unknown): void {
  const err = e as { code?: string; message?: string };
  out.textContent = JSON.stringify(
    { error: { code: err.code ?? 'error', message: err.message ?? String(e) } },
    null,
    2,
  );
  say(`Failed: ${err.message ?? String(e)}`);
  document.body.dataset['state'] = 'error';
}

const answers = Math.max(1, Math.min(QUESTIONS.length, Number(params.get('answers') ?? 2)));
const seconds = Math.max(0, Number(params.get('seconds') ?? 5));
document.getElementById('start')!.addEventListener('click', () => void interview(answers, seconds).catch(fail));
document.getElementById('delete')!.addEventListener(
  'click',
  () =>
    void (async () => {
      await (await load()).deleteAll();
      say('Everything this page stored on the device has been deleted.');
    })().catch(fail),
);
/**
 * Whether every frame above this page has its origin: `location.ancestorOrigins` where the browser
 * has it, else reading `top.location.origin`, which throws across origins.
 */
function framedOnlyBySameOrigin(): boolean {
  if (window.top === window.self) return true;
  const ancestors = location.ancestorOrigins as DOMStringList | undefined;
  if (ancestors !== undefined) return Array.from(ancestors).every((o) => o === location.origin);
  try {
    return window.top?.location.origin === location.origin;
  } catch {
    return false;
  }
}

if (params.get('auto') === '1') {
  if (framedOnlyBySameOrigin()) void interview(answers, seconds).catch(fail);
  else {
    document.body.dataset['auto'] = 'refused';
    say('This page is shown inside another site, so it does not start on its own: press “I agree” to start.');
  }
}
