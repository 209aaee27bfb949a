/** RESULTS.md section "Same media, same rows; test–retest" (the `agreement` bench section, issue 12). */
import { median } from '../../test/browser/agreement-stats.ts';
import { AUDIO_ONLY, BACKEND_TOLERANCE, R_BAR } from './agreement.ts';
import type { AgreementResult, AudioOnlyResult, ClipResult } from './agreement.ts';
import type { ClipFigures, Modality, ModalityFit, Scores } from './agreement-figures.ts';
import type { BenchResults } from './types.ts';

const f3 = (v: number | null | undefined): string => (v == null || !Number.isFinite(v) ? '—' : v.toFixed(3));
const f2 = (v: number | null | undefined): string => (v == null || !Number.isFinite(v) ? '—' : v.toFixed(2));
const e = (v: number | null | undefined): string =>
  v == null ? '—' : !Number.isFinite(v) ? 'missing' : v === 0 ? '0' : v.toExponential(1);
const met = (ok: boolean): string => (ok ? 'met' : '**not met**');
const trio = (s: Scores): string => `${f3(s.fused)} (a ${f3(s.audio)}, v ${f3(s.video)})`;
const slash = (s: Scores): string => `${f3(s.fused)} / ${f3(s.audio)} / ${f3(s.video)}`;
const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
const rule = (n: number): string => `|${'---|'.repeat(n)}`;
const fused = (xs: readonly Scores[]): string => xs.map((s) => f3(s.fused)).join(', ');

type Done = ClipResult & ClipFigures;
const done = (c: ClipResult): c is Done => !('error' in c);
const backendsOk = (c: Done): boolean =>
  c.rescoreMaxAbsDelta !== null &&
  c.rescoreMaxAbsDelta < BACKEND_TOLERANCE &&
  c.rescore.every((r) => r.reported === r.backend);
const medianR = (clips: readonly Done[], m: Modality): number => median(clips.map((c) => c[m]?.medianR ?? NaN));

function takesCell(m: ModalityFit | null): string {
  if (m === null) return 'no rows';
  const at = (t: ModalityFit['takes'][number]): string =>
    t.startSeconds === null ? `lag ${t.lag.toFixed(3)}` : `${t.startSeconds.toFixed(2)} s`;
  const take = (t: ModalityFit['takes'][number]): string =>
    `${at(t)} / ${t.windows} (${t.kept} of ${t.span}) / ${f3(t.medianR)} (${f3(t.circularMedianR)})`;
  return m.takes.map(take).join('; ');
}

function liveVsFile(clips: readonly Done[]): string[] {
  const head = [
    'clip',
    "audio takes: start in the loop / paired windows (rows kept of the take's windows) / median r (circular lag)",
    '**audio r**',
    'audio r, circular lag',
    'video takes, the same',
    '**video r**',
    'video r, circular lag',
  ];
  const cells = (m: ModalityFit | null): string[] => [takesCell(m), `**${f3(m?.medianR)}**`, f3(m?.circularMedianR)];
  const circ = (m: Modality): string => f3(median(clips.map((c) => c[m]?.circularMedianR ?? NaN)));
  return [
    row(head),
    rule(head.length),
    ...clips.map((c) => row([c.clip, ...cells(c.audio), ...cells(c.video)])),
    row([
      '**median of clips**',
      '',
      `**${f3(medianR(clips, 'audio'))}**`,
      circ('audio'),
      '',
      `**${f3(medianR(clips, 'video'))}**`,
      circ('video'),
    ]),
  ];
}

function micFile(clips: readonly Done[]): string[] {
  const head = [
    'clip',
    'audio score: clip (mp4) / mic wav uploaded',
    'rows mic wav vs mp4: median r (windows); 5 lowest',
    'live takes vs the uploaded mic wav: audio r (takes)',
    'live takes vs the mp4: audio r',
  ];
  const out = [row(head), rule(head.length)];
  for (const c of clips) {
    const m = c.micFile;
    if (m === null || m === undefined) continue;
    const rows =
      m.vsClip === null
        ? '—'
        : [
            `${f3(m.vsClip.medianR)} (${m.vsClip.windows});`,
            `${m.vsClip.worst.map((w) => `${w.feature} ${f3(w.r)}`).join(', ')}`,
          ].join(' ');
    const live =
      m.live === null ? '—' : `**${f3(m.live.medianR)}** (${m.live.takes.map((t) => f3(t.medianR)).join(', ')})`;
    out.push(row([c.clip, `${f3(c.file.audio)} / ${f3(m.scores.audio)}`, rows, live, f3(c.audio?.medianR)]));
  }
  return out;
}

function worstFeatures(clips: readonly Done[]): string[] {
  const head = [
    'clip',
    'modality',
    'median over features of the per-feature medians',
    'constant (no r)',
    '5 lowest per-feature r (median over takes)',
    'level shift live − file in file SDs: median \\|shift\\|; 5 largest',
  ];
  const out = [row(head), rule(head.length)];
  for (const c of clips) {
    for (const m of ['audio', 'video'] as const) {
      const fit = c[m];
      if (fit === null) continue;
      const worst = fit.worst.map((w) => `${w.feature} ${f3(w.r)}`).join(', ');
      const shifts =
        fit.largestShifts === null
          ? '—'
          : [
              `${f2(fit.medianAbsShift)};`,
              `${fit.largestShifts.map((x) => `${x.feature} ${x.shift >= 0 ? '+' : ''}${f2(x.shift)}`).join(', ')}`,
            ].join(' ');
      out.push(
        row([c.clip, m, `${f3(fit.medianFeatureR)} of ${fit.features}`, String(fit.constantFeatures), worst, shifts]),
      );
    }
  }
  return out;
}

function filesAndBackends(clips: readonly Done[], backends: readonly string[]): string[] {
  const others = backends.filter((b) => b !== 'wasm');
  const head = [
    'clip',
    'file twice: identical rows and scores',
    'stored interview on wasm: score',
    ...others.map((b) => `${b} max \\|Δ\\|`),
    'max \\|Δ\\|',
    `within ${BACKEND_TOLERANCE}`,
  ];
  const out = [row(head), rule(head.length)];
  for (const c of clips) {
    const wasm = c.rescore.find((r) => r.backend === 'wasm');
    const cells = others.map((b) => {
      const r = c.rescore.find((x) => x.backend === b);
      return r === undefined ? 'not run' : `${e(r.maxAbsDelta)}${r.reported === b ? '' : ` (ran on ${r.reported})`}`;
    });
    const same = c.fileTwiceIdentical ? 'yes' : '**no**';
    const ref = wasm === undefined ? '—' : trio(wasm.scores);
    out.push(row([c.clip, same, ref, ...cells, e(c.rescoreMaxAbsDelta), met(backendsOk(c))]));
  }
  return out;
}

function retest(clips: readonly Done[], audio: AudioOnlyResult | { error: string }): string[] {
  const head = [
    'clip',
    'live takes, fused score',
    'live spread fused / audio / video',
    'file score',
    'live − file, median of takes, fused / audio / video',
    'halves (1st, 2nd), fused',
    'halves spread fused / audio / video',
  ];
  const out = [row(head), rule(head.length)];
  for (const c of clips) {
    const spreads = [`**${slash(c.liveSpread)}**`, `**${slash(c.halvesSpread)}**`];
    const gap = (k: keyof Scores): number => median(c.live.map((s) => (s[k] ?? NaN) - (c.file[k] ?? NaN)));
    const offset = slash({ fused: gap('fused'), audio: gap('audio'), video: gap('video') });
    out.push(row([c.clip, fused(c.live), spreads[0]!, trio(c.file), offset, fused(c.halves), spreads[1]!]));
  }
  const name = AUDIO_ONLY.split('/').at(-1) ?? AUDIO_ONLY;
  if ('error' in audio) out.push(row([name, '—', '—', `failed: ${audio.error}`, '', '', '']));
  else {
    const label = `${name} (audio only, ${audio.seconds.toFixed(1)} s)`;
    out.push(
      row([
        label,
        'no live takes',
        '—',
        trio(audio.file),
        '—',
        fused(audio.halves),
        `**${slash(audio.halvesSpread)}**`,
      ]),
    );
  }
  const med = (pick: (c: Done) => Scores): Scores => {
    const of = (k: keyof Scores): number => median(clips.map((c) => pick(c)[k] ?? NaN));
    return { fused: of('fused'), audio: of('audio'), video: of('video') };
  };
  const live = `**${slash(med((c) => c.liveSpread))}**`;
  out.push(row(['**median of the video clips**', '', live, '', '', '', `**${slash(med((c) => c.halvesSpread))}**`]));
  return out;
}

function bars(clips: readonly Done[]): string[] {
  const line = (m: Modality, label: string): string => {
    const r = medianR(clips, m);
    const perClip = clips.map((c) => `${c.clip} ${f3(c[m]?.medianR)}`).join(', ');
    const bar = `median per-feature r live vs file ≥ ${R_BAR}`;
    const circular = f3(median(clips.map((c) => c[m]?.circularMedianR ?? NaN)));
    const ofClips = `on the median of clips (${f3(r)}; circular lag ${circular})`;
    const below = clips.filter((c) => !((c[m]?.medianR ?? NaN) >= R_BAR)).map((c) => c.clip);
    const under = below.length === 0 ? 'every clip meets it' : `below the bar: ${below.join(', ')}`;
    return `- ${label}, ${bar}: ${met(r >= R_BAR)} ${ofClips}; per clip: ${perClip} (${under}).`;
  };
  return [
    line('audio', 'Audio'),
    line('video', 'Video'),
    [
      `- One stored interview re-scored on every backend within ${BACKEND_TOLERANCE} of wasm:`,
      `${met(clips.every(backendsOk))}.`,
    ].join(' '),
    `- The same file analysed twice gives identical rows and scores: ${met(clips.every((c) => c.fileTwiceIdentical))}.`,
  ];
}

function intro(a: AgreementResult, camera: string): string[] {
  return [
    [
      `Shipped model \`${a.model}\` through the session API in Chromium (test/browser/pages/session/agreement.html),`,
      [
        `one browser per clip whose fake camera and mic play it (${camera}; live mic:`,
        `${a.audioCapture ?? 'requestInterviewMedia'}).`,
      ].join(' '),
      `Per clip: ${a.takes} live take${a.takes === 1 ? '' : 's'},`,
      'each as long as the clip and its own one-question interview; the clip uploaded twice ' +
        '(`addAnswerFile`); its two halves',
      [
        'uploaded (adjacent segments of the same speaker: the clips are 5–8 s, so halves of each clip,',
        `and of ${AUDIO_ONLY},`,
      ].join(' '),
      'stand in for separate answers); one stored two-answer interview (the clip, its first half) ' +
        're-scored from storage on',
      `${a.backends.join(', ')}.`,
    ].join(' '),
    '',
    [
      "Alignment: a live take starts anywhere in the device's loop of the clip. Headline " +
        '(bench/lib/agreement-align.ts): the',
      "take's start in the loop is searched in steps of 1/32 s over the fake device's real loop period " +
        "(the .wav's and the",
      ".y4m's length), file windows linearly interpolated; live windows straddling the loop seam have " +
        'no file counterpart',
      'and are left out. For comparison, the circular lag of test/browser/agreement-stats.ts (the ' +
        'browser test), which wraps',
      "at the file's window count × 0.25 s, 0.25–0.5 s short of the loop, so a take's windows after the " +
        'seam are paired with',
      'the wrong file windows. Both keep the alignment that maximises the mean per-feature correlation; ' +
        'r is Pearson per',
      `feature over the paired windows, features constant in either left out. Section took ${a.seconds.toFixed(0)} s;`,
      `**load average ${a.load.start.join(' / ')} at start,`,
      [
        `${a.load.end.join(' / ')} at the end** (2 cores shared with other sessions: the live takes'`,
        'frame rate, hence the video',
      ].join(' '),
      'rows, depend on it).',
    ].join(' '),
  ];
}

function body(a: AgreementResult): string[] {
  const clips = a.clips.filter(done);
  const failed = a.clips.filter((c) => !done(c));
  return [
    ...intro(a, clips[0]?.camera ?? 'square y4m + wav'),
    ...(failed.length > 0 ? ['', ...failed.map((c) => `- ${c.clip}: failed: ${'error' in c ? c.error : ''}`)] : []),
    '',
    "### Whether the issue's bars are met",
    ...bars(clips),
    '',
    '### Live vs file, aligned by time (per take; bold: median over takes, period-aware alignment)',
    ...liveVsFile(clips),
    '',
    '### Same sound, other container: the wav the fake mic plays, uploaded as a file',
    ...micFile(clips),
    '',
    [
      "The mic wav is the clip's sound decoded and resampled to 44.1 kHz stereo by ffmpeg (what the " +
        'fake mic plays); the',
      "clip's own audio is AAC (talk_f1 at 16 kHz). Live vs this wav separates the capture path from the container and",
      'sample rate.',
    ].join(' '),
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
    [
      "Scores are the model's 0–1 estimates (fused = mean of audio and video). The demo model is " +
        'trained on SimInterview',
      "only, so these spreads describe the pipeline's repeatability, not a validated judgement. " +
        'docs/same-media.md explains',
      'what differs between takes.',
    ].join(' '),
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
