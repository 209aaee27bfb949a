/**
 * The interviewer's view of one candidate's latest cue message: plain measures with their units,
 * the state of each channel, and nothing combined into a score or compared across candidates.
 */
import type { ChannelState, CueMessage, WordsState } from '@hirenet/sdk/live';
import { h, replace } from '../dom.ts';

const pct = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : `${Math.round(v * 100)} %`;
const fixed = (v: number | null | undefined, digits: number, unit: string): string =>
  v === null || v === undefined ? '—' : `${v.toFixed(digits)} ${unit}`.trimEnd();

/** Lean vs the candidate's own start: a signed percentage and which way it points. */
const lean = (v: number | null | undefined): string =>
  v === null || v === undefined
    ? '—'
    : `${v > 0 ? '+' : ''}${Math.round(v * 100)} %${v >= 0.03 ? ' (toward)' : v <= -0.03 ? ' (away)' : ''}`;

const STATE_TEXT: Record<ChannelState, string> = {
  on: 'analysed',
  paused: 'paused by the candidate',
  off: 'not analysed (no consent)',
};

const WORDS_TEXT: Record<WordsState, string> = {
  ...STATE_TEXT,
  on: 'counted on the candidate’s device',
  unavailable: 'off (no on-device recognition)',
};

/** A message's keywords as shown on both sides: "budget ×3, deadline ×2" (the mirror shows exactly what was sent). */
export const keywordsText = (k: CueMessage['keywords']): string =>
  k === null ? '—' : k.words.length === 0 ? '— (no words yet)' : k.words.map(([w, n]) => `${w} ×${n}`).join(', ');

export interface CueStrip {
  readonly el: HTMLElement;
  show(cue: CueMessage): void;
}

export function cueStrip(): CueStrip {
  const postureItems = (p: CueMessage['posture']): HTMLElement[] =>
    p === null
      ? item('Posture', '—', 'posture')
      : [
          ...item('Out of frame', pct(p.outOfFrame), 'out-of-frame'),
          ...item('Shoulder tilt', fixed(p.shoulderTilt, 1, '°'), 'shoulder-tilt'),
          ...item('Lean vs start', lean(p.lean), 'lean'),
          ...item('Head to the side', fixed(p.headOffset, 2, 'shoulder widths'), 'head-offset'),
          ...item('Hand near face', pct(p.handNearFace), 'hand-near-face'),
          ...item('Hand movement', fixed(p.handMovement, 2, 'shoulder widths/s'), 'hand-movement'),
        ];
  const el = h(
    'dl',
    { class: 'cue-strip', 'data-testid': 'cue-strip', 'aria-live': 'off' },
    h('dt', {}, 'Cues'),
    h('dd', {}, 'waiting for the first message…'),
  );
  const item = (name: string, value: string, key: string): HTMLElement[] => [
    h('dt', {}, name),
    h('dd', { 'data-cue': key }, value),
  ];
  return {
    el,
    show(cue) {
      const f = cue.face;
      const v = cue.voice;
      el.dataset['face'] = cue.channels.face;
      el.dataset['voice'] = cue.channels.voice;
      el.dataset['words'] = cue.channels.words;
      el.dataset['seq'] = String(cue.seq);
      replace(
        el,
        item('Face channel', STATE_TEXT[cue.channels.face], 'face-state'),
        cue.channels.face === 'on'
          ? [
              ...item('Face visible', pct(f?.visible), 'visible'),
              ...item('Towards camera', pct(f?.gazeOnCamera), 'gaze'),
              ...item('Head movement', fixed(f?.headMovement, 1, '°'), 'head'),
              ...postureItems(cue.posture),
            ]
          : [],
        item('Voice channel', STATE_TEXT[cue.channels.voice], 'voice-state'),
        cue.channels.voice === 'on'
          ? [
              ...item('Speaking', pct(v?.speaking), 'speaking'),
              ...item('Pauses', v === null ? '—' : `${v.pauses} (${v.pauseSeconds.toFixed(1)} s)`, 'pauses'),
              ...item('Loudness', fixed(v?.loudness, 1, ''), 'loudness'),
              ...item('Pitch variation', fixed(v?.pitchVariability, 1, 'st'), 'pitch'),
              ...item('Syllable rate', fixed(v?.speakingRate, 1, '/s'), 'rate'),
            ]
          : [],
        item('Words', WORDS_TEXT[cue.channels.words], 'words-state'),
        cue.keywords === null
          ? []
          : item(`Words used most, answer ${cue.keywords.answer + 1}`, keywordsText(cue.keywords), 'keywords'),
        item('Span', `${cue.span.toFixed(1)} s at ${cue.t.toFixed(0)} s`, 'span'),
      );
    },
  };
}
