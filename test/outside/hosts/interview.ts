/**
 * A recording page written from docs/session-api.md alone, as an outside developer would: the page
 * asks for the camera and the microphone itself and hands that stream to the SDK. Copied into the
 * Vite and the esbuild host apps as src/main.ts (the plain HTML host has its own copy in JS).
 *
 * `?seconds=S` (default 4) is the answer's length; `?backend=` passes through to `HireNet.create`.
 * The test presses "I agree" (the consent), then reads <pre id="result"> once body[data-state] is set.
 */
import { HireNet, NOTICE_TEMPLATE_EN, type BackendChoice, type SessionWarning } from '@hirenet/sdk';

const params = new URLSearchParams(location.search);
function element<T extends HTMLElement>(selector: string): T {
  const el = document.querySelector<T>(selector);
  if (el === null) throw new Error(`the page lacks ${selector}`);
  return el;
}
const status = element<HTMLParagraphElement>('#status');
const out = element<HTMLPreElement>('#result');
const start = element<HTMLButtonElement>('#start');

const say = (text: string): void => {
  status.textContent = text;
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function interview(): Promise<void> {
  const seconds = Number(params.get('seconds') ?? '4');
  const hn = await HireNet.create({
    assetsBaseUrl: new URL('hirenet/', location.href).href,
    backend: (params.get('backend') ?? 'auto') as BackendChoice,
    onProgress: (p) => say(`Loading: ${p.stage} (${Math.round(p.fraction * 100)} %)`),
  });
  const s = hn.startInterview({
    jobTitle: 'Software engineer',
    questions: ['Tell us about a project you are proud of.'],
  });
  const warnings: SessionWarning[] = [];
  s.addEventListener('warning', (e) => warnings.push(e.detail));
  await s.consent({ noticeVersion: NOTICE_TEMPLATE_EN.version, modalities: hn.modalities });
  // The page's own stream, with the voice unprocessed as the docs advise for analysis.
  const stream = await navigator.mediaDevices.getUserMedia({
    video: hn.modalities.includes('video'),
    audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  });
  try {
    s.attach(stream);
    // Seconds from beginAnswer to the face channel's first analysed frame (its start-up).
    let faceStart: number | null = null;
    let began = 0;
    const off = s.on('face', () => {
      faceStart ??= (performance.now() - began) / 1000;
    });
    began = performance.now();
    await s.beginAnswer(0);
    // A "face in view" light: the candidate is asked to speak once the face channel runs (≤ 10 s).
    for (let w = 0; hn.modalities.includes('video') && faceStart === null && w < 10_000; w += 100) await sleep(100);
    say('Recording…');
    await sleep(seconds * 1000);
    off();
    const answer = await s.endAnswer();
    if (answer === null) throw new Error('the answer was too short to be stored');
    say('Scoring…');
    const result = await s.result();
    out.textContent = JSON.stringify({
      ...result,
      hostModalities: hn.modalities,
      hostBackend: hn.backend,
      hostFaceStart: faceStart,
      warnings,
    });
    await s.close();
    await hn.close();
    say(`Done: experimental model estimate ${result.score === null ? 'unavailable' : result.score.toFixed(3)}.`);
    document.body.dataset['state'] = 'done';
  } finally {
    for (const t of stream.getTracks()) t.stop();
  }
}

start.addEventListener('click', () => {
  start.disabled = true;
  interview().catch((e: unknown) => {
    const err = e as { code?: string; message?: string; name?: string };
    out.textContent = JSON.stringify({
      error: { code: err.code ?? err.name ?? 'error', message: String(err.message) },
    });
    say(`Failed: ${String(err.message)}`);
    document.body.dataset['state'] = 'error';
  });
});
