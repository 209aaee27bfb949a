/**
 * The page behind `npx hirenet analyze` (packages/cli/src/analyze.ts drives it in headless
 * Chromium): the same session code a host page runs — HireNet.create → startInterview →
 * consent → addAnswerFile per recording → result — then the report, rendered into #report so
 * the CLI can save it as one self-contained HTML file. Two entries on window, both for the CLI:
 * `hirenetAnalyze(args)` (returns JSON) and `hirenetSnapshot()` (the report as HTML).
 */
import './trusted-types.ts';
import { HireNet, NOTICE_TEMPLATE_EN, type SessionModality, type TranscriptFormat } from '@hirenet/sdk';
import { isolate, isolateText, replace } from './dom.ts';
import { renderReport } from './report/index.ts';
import './analyze.css';

export interface AnalyzeArgs {
  readonly jobTitle: string;
  readonly questions: readonly string[];
  /** One recording per question, in question order (served by the CLI). */
  readonly files: readonly { readonly url: string; readonly name: string }[];
  readonly audioOnly: boolean;
  /**
   * Optional transcripts, in question order (`--transcript FILE`): the file's text and name (the
   * extension picks the format: .vtt, .json, else plain text / auto). Their presence turns the
   * text channel on.
   */
  readonly transcripts?: readonly { readonly text: string; readonly name: string }[];
}

declare global {
  interface Window {
    hirenetAnalyze?: (a: AnalyzeArgs) => Promise<unknown>;
    hirenetSnapshot?: () => Promise<string>;
    /** Set by the CLI (page.exposeFunction) to echo progress on its stderr. */
    hirenetProgress?: (text: string) => void;
  }
}

const root = document.getElementById('report')!;
/** `name` (a file name the CLI user chose) is shown isolated between `before` and `after`. */
const status = (before: string, name?: string, after = ''): void => {
  const p = document.getElementById('status');
  if (p !== null) replace(p, before, name === undefined ? null : isolate(name), after);
  window.hirenetProgress?.(`${before}${name ?? ''}${after}`);
};

window.hirenetAnalyze = async (a: AnalyzeArgs) => {
  let hn: HireNet | undefined;
  let answer: number | undefined;
  try {
    const words = a.transcripts ?? [];
    const channels: SessionModality[] = a.audioOnly ? ['audio'] : ['audio', 'video'];
    hn = await HireNet.create({
      assetsBaseUrl: new URL('hirenet/', location.href).href,
      modalities: words.length > 0 ? [...channels, 'text'] : channels,
      // The CLI's browser profile is thrown away after the run: nothing to resume.
      persist: false,
      onProgress: (p) => status(`Loading: ${p.stage}`),
    });
    const s = hn.startInterview({ jobTitle: a.jobTitle, questions: [...a.questions] });
    // The person running the CLI supplies recordings they may analyse; this stands for the notice step.
    await s.consent({ noticeVersion: NOTICE_TEMPLATE_EN.version, modalities: hn.modalities });
    const answers: Record<string, unknown>[] = [];
    for (const [i, f] of a.files.entries()) {
      answer = i;
      status(`Analysing answer ${i + 1} of ${a.files.length} (`, f.name, ')…');
      const blob = await (await fetch(f.url)).blob();
      const r = await s.addAnswerFile(i, new File([blob], f.name, { type: blob.type }));
      answers.push({
        answer: i,
        file: f.name,
        stored: r !== null,
        seconds: r?.durationSeconds ?? 0,
        audioWindows: r?.audio?.rows.length ?? 0,
        videoWindows: r?.video?.rows.length ?? 0,
        meanLuma: r?.videoStats?.meanLuma ?? null,
      });
    }
    for (const [i, t] of words.entries()) {
      answer = i;
      const format: TranscriptFormat = /\.vtt$/i.test(t.name) ? 'vtt' : /\.json$/i.test(t.name) ? 'json' : 'auto';
      await s.setTranscript(i, t.text, format);
      const set = s.transcript(i);
      const a = answers[i];
      if (a !== undefined)
        answers[i] = { ...a, transcript: t.name, words: set?.words.length ?? 0, timed: set?.timed ?? false };
    }
    answer = undefined;
    status('Scoring…');
    const result = await s.result();
    // The demo's report (uPlot charts): the CLI saves exactly what a candidate sees in the demo.
    renderReport(root, { jobTitle: a.jobTitle, questions: a.questions, result, answers: s.recorded });
    document.title = `HireNet report — ${isolateText(a.jobTitle)}`;
    return { ok: true, modalities: hn.modalities, backend: hn.backend, loadWarnings: hn.warnings, answers, result };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return {
      ok: false,
      code: err.code ?? 'error',
      message: err.message ?? String(e),
      ...(answer === undefined ? {} : { answer }),
    };
  } finally {
    await hn?.close();
  }
};

/**
 * The rendered page as one self-contained HTML file: canvases become <img> with PNG data URLs,
 * stylesheets and images are inlined, scripts dropped (the report is a static record; it must
 * open offline, from a file). Lives in the page, not the CLI: functions the CLI passed to
 * page.evaluate would carry tsx's `__name` helper, which the page does not have.
 */
window.hirenetSnapshot = async () => {
  const dataUrl = async (url: string): Promise<string> => {
    const blob = await (await fetch(url)).blob();
    return new Promise((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result));
      r.onerror = () => reject(r.error);
      r.readAsDataURL(blob);
    });
  };
  for (const c of Array.from(document.querySelectorAll('canvas'))) {
    const img = document.createElement('img');
    img.src = c.toDataURL('image/png');
    for (const name of ['class', 'style', 'title', 'aria-label', 'role']) {
      const v = c.getAttribute(name);
      if (v !== null) img.setAttribute(name, v);
    }
    // Keep the on-screen size of high-DPI canvases (uPlot sets CSS width/height).
    img.style.width = c.style.width || `${c.width}px`;
    img.style.height = c.style.height || `${c.height}px`;
    c.replaceWith(img);
  }
  for (const link of Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"]'))) {
    const style = document.createElement('style');
    style.textContent = await (await fetch(link.href)).text();
    link.replaceWith(style);
  }
  for (const img of Array.from(document.querySelectorAll('img'))) {
    if (img.getAttribute('src') !== null && !img.src.startsWith('data:')) img.src = await dataUrl(img.src);
    img.removeAttribute('srcset');
  }
  for (const e of Array.from(document.querySelectorAll('script, link, iframe, object, embed, base'))) e.remove();
  // Vite's dev server marks inlined CSS with its module path; the saved file does not need it.
  for (const e of Array.from(document.querySelectorAll('style[data-vite-dev-id]')))
    e.removeAttribute('data-vite-dev-id');
  return `<!doctype html>\n${document.documentElement.outerHTML}\n`;
};
