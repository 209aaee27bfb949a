/** RESULTS.md section "Same media, same rows; test–retest" (the `agreement` bench section, issue 12). */
import { median } from '../../test/browser/agreement-stats.ts';
import { AUDIO_ONLY, BACKEND_TOLERANCE, R_BAR, type AgreementResult, type AudioOnlyResult, type ClipResult } from './agreement.ts';
import type { ClipFigures, ModalityFit, Scores } from './agreement-figures.ts';
import type { BenchResults } from './types.ts';

const f3 = (v: number | null | undefined): string => (v == null || !Number.isFinite(v) ? '—' : v.toFixed(3));
const e = (v: number | null | undefined): string => (v == null ? '—' : !Number.isFinite(v) ? 'missing' : v === 0 ? '0' : v.toExponential(1));
const met = (ok: boolean): string => (ok ? 'met' : '**not met**');
const trio = (s: Scores): string => `${f3(s.fused)} (a ${f3(s.audio)}, v ${f3(s.video)})`;

type Done = ClipResult & ClipFigures;
const done = (c: ClipResult): c is Done => !('error' in c);

function takesCell(m: ModalityFit | null): string {
  if (m === null) return 'no rows';
  return m.takes.map((t) => `${t.lag.toFixed(3)} / ${t.windows} (${t.kept} of ${t.span}) / ${f3(t.medianR)}`).join('; ');
}

function liveVsFile(clips: readonly Done[]): string[] {
  const out = [
    '| clip | audio takes: lag (windows) / aligned windows (rows kept of the take\'s windows) / median r | **audio r** | video takes, the same | **video r** |',
    '|---|---|---|---|---|',
  ];
  for (const c of clips) out.push(`| ${c.clip} | ${takesCell(c.audio)} | **${f3(c.audio?.medianR)}** | ${takesCell(c.video)} | **${f3(c.video?.medianR)}** |`);
  const med = (m: 'audio' | 'video'): number => median(clips.map((c) => c[m]?.medianR ?? NaN));
  out.push(`| **median of clips** | | **${f3(med('audio'))}** | | **${f3(med('video'))}** |`);
  return out;
}

function worstFeatures(clips: readonly Done[]): string[] {
  const out = ['| clip | modality | median over features of the per-feature medians | constant (no r) | 5 lowest per-feature r (median over takes) |', '|---|---|---|---|---|'];
  for (const c of clips) {
    for (const m of ['audio', 'video'] as const) {
      const fit = c[m];
      if (fit === null) continue;
      out.push(`| ${c.clip} | ${m} | ${f3(fit.medianFeatureR)} of ${fit.features} | ${fit.constantFeatures} | ${fit.worst.map((w) => `${w.feature} ${f3(w.r)}`).join(', ')} |`);
    }
  }
  return out;
}

function filesAndBackends(clips: readonly Done[], backends: readonly string[]): string[] {
  const out = [
    `| clip | file twice: identical rows and scores | stored interview on wasm: score | ${backends.filter((b) => b !== 'wasm').map((b) => `${b} max \\|Δ\\|`).join(' | ')} | max \\|Δ\\| | within ${BACKEND_TOLERANCE} |`,
    `|---|---|---|${backends.filter((b) => b !== 'wasm').map(() => '---|').join('')}---|---|`,
  ];
  for (const c of clips) {
    const wasm = c.rescore.find((r) => r.backend === 'wasm');
    const cells = backends.filter((b) => b !== 'wasm').map((b) => {
      const r = c.rescore.find((x) => x.backend === b);
      return r === undefined ? 'not run' : `${e(r.maxAbsDelta)}${r.reported === b ? '' : ` (ran on ${r.reported})`}`;
    });
    const ok = c.rescoreMaxAbsDelta !== null && c.rescoreMaxAbsDelta < BACKEND_TOLERANCE && c.rescore.every((r) => r.reported === r.backend);
    out.push(`| ${c.clip} | ${c.fileTwiceIdentical ? 'yes' : '**no**'} | ${wasm === undefined ? '—' : trio(wasm.scores)} | ${cells.join(' | ')} | ${e(c.rescoreMaxAbsDelta)} | ${met(ok)} |`);
  }
  return out;
}

function retest(clips: readonly Done[], audio: AudioOnlyResult | { error: string }): string[] {
  const out = [
    '| clip | live takes, fused score | live spread fused / audio / video | file score | halves (1st, 2nd), fused | halves spread fused / audio / video |',
    '|---|---|---|---|---|---|',
  ];
  const sp = (s: Scores): string => `${f3(s.fused)} / ${f3(s.audio)} / ${f3(s.video)}`;
  for (const c of clips) {
    out.push(`| ${c.clip} | ${c.live.map((s) => f3(s.fused)).join(', ')} | **${sp(c.liveSpread)}** | ${trio(c.file)} | ${c.halves.map((s) => f3(s.fused)).join(', ')} | **${sp(c.halvesSpread)}** |`);
  }
  if ('error' in audio) out.push(`| ${AUDIO_ONLY} | — | — | failed: ${audio.error} | | |`);
  else out.push(`| ${AUDIO_ONLY.split('/').at(-1)} (audio only, ${audio.seconds.toFixed(1)} s) | no live takes | — | ${trio(audio.file)} | ${audio.halves.map((s) => f3(s.fused)).join(', ')} | **${sp(audio.halvesSpread)}** |`);
  const med = (xs: (number | null)[]): string => f3(median(xs.map((x) => x ?? NaN)));
  out.push(`| **median of the video clips** | | **${med(clips.map((c) => c.liveSpread.fused))} / ${med(clips.map((c) => c.liveSpread.audio))} / ${med(clips.map((c) => c.liveSpread.video))}** | | | **${med(clips.map((c) => c.halvesSpread.fused))} / ${med(clips.map((c) => c.halvesSpread.audio))} / ${med(clips.map((c) => c.halvesSpread.video))}** |`);
  return out;
}

function bars(clips: readonly Done[]): string[] {
  const r = (m: 'audio' | 'video'): number => median(clips.map((c) => c[m]?.medianR ?? NaN));
  const lowest = (m: 'audio' | 'video'): string => clips.map((c) => `${c.clip} ${f3(c[m]?.medianR)}`).join(', ');
  const backendsOk = clips.every((c) => c.rescoreMaxAbsDelta !== null && c.rescoreMaxAbsDelta < BACKEND_TOLERANCE && c.rescore.every((x) => x.reported === x.backend));
  const identical = clips.every((c) => c.fileTwiceIdentical);
  return [
    `- Audio, median per-feature r live vs file ≥ ${R_BAR}: ${met(r('audio') >= R_BAR)} on the median of clips (${f3(r('audio'))}); per clip: ${lowest('audio')}.`,
    `- Video, median per-feature r live vs file ≥ ${R_BAR}: ${met(r('video') >= R_BAR)} on the median of clips (${f3(r('video'))}); per clip: ${lowest('video')}.`,
    `- One stored interview re-scored on every backend within ${BACKEND_TOLERANCE} of wasm: ${met(backendsOk)}.`,
    `- The same file analysed twice gives identical rows and scores: ${met(identical)}.`,
  ];
}

function body(a: AgreementResult): string[] {
  const clips = a.clips.filter(done);
  const failed = a.clips.filter((c) => !done(c));
  return [
    `Shipped model \`${a.model}\` through the session API in Chromium (test/browser/pages/session/agreement.html), one browser per clip whose fake camera and mic play it (${clips[0]?.camera ?? 'square y4m + wav'}). Per clip: ${a.takes} live take${a.takes === 1 ? '' : 's'}, each as long as the clip and its own one-question interview; the clip uploaded twice (\`addAnswerFile\`); its two halves uploaded (adjacent segments of the same speaker: the clips are 5–8 s, so halves of each clip, and of ${AUDIO_ONLY}, stand in for separate answers); one stored two-answer interview (the clip, its first half) re-scored from storage on ${a.backends.join(', ')}.`,
    '',
    `Alignment: a live take starts anywhere in the device's loop of the clip, so the file's 0.25 s windows are shifted (circularly, in eighths of a window, linearly interpolated) to the lag that maximises the mean per-feature correlation; r is Pearson per feature over the aligned windows, features constant in either are left out (test/browser/agreement-stats.ts). Section took ${a.seconds.toFixed(0)} s; **load average ${a.load.start.join(' / ')} at start, ${a.load.end.join(' / ')} at the end** (2 cores shared with other sessions: the live takes' frame rate, hence the video rows, depend on it).`,
    ...(failed.length > 0 ? ['', ...failed.map((c) => `- ${c.clip}: failed: ${'error' in c ? c.error : ''}`)] : []),
    '',
    '### Whether the issue\'s bars are met',
    ...bars(clips),
    '',
    '### Live vs file, aligned by time (per take; bold: median over takes)',
    ...liveVsFile(clips),
    '',
    '### Features that agree least (per-feature r, median over the takes)',
    ...worstFeatures(clips),
    '',
    '### Same file twice; one stored interview on every backend (|Δ| vs wasm over fused, audio and video scores)',
    ...filesAndBackends(clips, a.backends),
    '',
    '### Test–retest: the same clip recorded live, and adjacent halves (score = fused; spread = max − min)',
    ...retest(clips, a.audioOnly),
    '',
    'Scores are the model\'s 0–1 estimates (fused = mean of audio and video). The demo model is trained on SimInterview only, so these spreads describe the pipeline\'s repeatability, not a validated judgement. docs/same-media.md explains what differs between takes.',
  ];
}

export function agreementLines(res: BenchResults): string[] {
  const a = res.agreement;
  const head = '## Same media, same rows; test–retest';
  if (a === null || a === undefined) return [head, 'Not run (`npm run bench -- --only agreement`).'];
  if ('skipped' in a) return [head, `Skipped: ${a.skipped}.`];
  if ('error' in a) return [head, `Failed: ${a.error}`];
  return [head, ...body(a)];
}
