/**
 * The cue message: the only analysis result that leaves a candidate's device in a live room. It
 * carries shares, counts and spreads over the last ~2 s — never frames, samples, landmarks,
 * blendshapes, transcripts, emotion labels or scores. The same validator runs before sending
 * (candidate) and on receipt (interviewer); anything else, including extra fields, is refused.
 */
import type { PostureCues } from '../video/pose-cues.ts';
import { fail, int, isRecord, num, oneOf, parseJsonObject, record } from './check.ts';

export type { PostureCues };

/** 2: the `posture` section (pose landmarker) was added. */
export const CUE_VERSION = 2;
/** Largest cue message, bytes of UTF-8 JSON. */
export const MAX_CUE_BYTES = 1024;

export const CUE_CHANNELS = ['face', 'voice'] as const;
export type CueChannel = (typeof CUE_CHANNELS)[number];
/** on: analysed; paused: the candidate paused it; off: no consent (or joined without analysis). */
export type ChannelState = 'on' | 'paused' | 'off';
export const CHANNEL_STATES: readonly ChannelState[] = ['on', 'paused', 'off'];

export interface FaceCues {
  /** Share of analysed frames with a face found, 0–1. */
  readonly visible: number;
  /** Share of face frames with head and eyes towards the camera, 0–1; null without a face frame. */
  readonly gazeOnCamera: number | null;
  /** Spread of head yaw and pitch, degrees (√(var yaw + var pitch)); null under 2 face frames. */
  readonly headMovement: number | null;
}

export interface VoiceCues {
  /** Share of 10 ms frames classed as speech, 0–1. */
  readonly speaking: number;
  /** Pauses (≥ 0.3 s of silence between speech) that ended in this span. */
  readonly pauses: number;
  /** Their total length, seconds. */
  readonly pauseSeconds: number;
  /** Mean loudness of speech frames (Meyda total loudness, sone-like units); null without speech. */
  readonly loudness: number | null;
  /** Spread of F0 over voiced frames, semitones; null under 10 voiced frames. */
  readonly pitchVariability: number | null;
  /** Syllable nuclei per second of this span (De Jong & Wempe); null without speech. */
  readonly speakingRate: number | null;
}

export interface CueMessage {
  readonly v: typeof CUE_VERSION;
  /** Increasing per analysis run, from 0. */
  readonly seq: number;
  /** Seconds since the candidate's analysis started, at the end of the span. */
  readonly t: number;
  /** Seconds the message covers. */
  readonly span: number;
  readonly channels: { readonly face: ChannelState; readonly voice: ChannelState };
  /** Null unless the face channel is on (and also while no frame has been analysed yet). */
  readonly face: FaceCues | null;
  /**
   * From the same camera channel (and its consent) as `face`: null unless it is on, and also
   * without a pose model or while the pose is skipped for load (pose-schedule.ts).
   */
  readonly posture: PostureCues | null;
  readonly voice: VoiceCues | null;
}

const orNull = <T>(v: unknown, f: (v: unknown) => T): T | null => (v === null ? null : f(v));

function faceCues(v: unknown): FaceCues {
  const o = record(v, '$.face', ['visible', 'gazeOnCamera', 'headMovement'], 'bad-cue');
  return {
    visible: num(o['visible'], '$.face.visible', 0, 1, 'bad-cue'),
    gazeOnCamera: orNull(o['gazeOnCamera'], (x) => num(x, '$.face.gazeOnCamera', 0, 1, 'bad-cue')),
    headMovement: orNull(o['headMovement'], (x) => num(x, '$.face.headMovement', 0, 180, 'bad-cue')),
  };
}

const POSTURE_FIELDS = ['outOfFrame', 'shoulderTilt', 'lean', 'headOffset', 'handNearFace', 'handMovement'];

function postureCues(v: unknown): PostureCues {
  const o = record(v, '$.posture', POSTURE_FIELDS, 'bad-cue');
  const opt = (k: string, min: number, max: number): number | null =>
    orNull(o[k], (x) => num(x, `$.posture.${k}`, min, max, 'bad-cue'));
  return {
    outOfFrame: num(o['outOfFrame'], '$.posture.outOfFrame', 0, 1, 'bad-cue'),
    shoulderTilt: opt('shoulderTilt', 0, 90),
    lean: opt('lean', -1, 10),
    headOffset: opt('headOffset', 0, 10),
    handNearFace: opt('handNearFace', 0, 1),
    handMovement: opt('handMovement', 0, 100),
  };
}

function voiceCues(v: unknown): VoiceCues {
  const o = record(
    v,
    '$.voice',
    ['speaking', 'pauses', 'pauseSeconds', 'loudness', 'pitchVariability', 'speakingRate'],
    'bad-cue',
  );
  return {
    speaking: num(o['speaking'], '$.voice.speaking', 0, 1, 'bad-cue'),
    pauses: int(o['pauses'], '$.voice.pauses', 0, 100, 'bad-cue'),
    pauseSeconds: num(o['pauseSeconds'], '$.voice.pauseSeconds', 0, 600, 'bad-cue'),
    loudness: orNull(o['loudness'], (x) => num(x, '$.voice.loudness', 0, 1000, 'bad-cue')),
    pitchVariability: orNull(o['pitchVariability'], (x) => num(x, '$.voice.pitchVariability', 0, 48, 'bad-cue')),
    speakingRate: orNull(o['speakingRate'], (x) => num(x, '$.voice.speakingRate', 0, 20, 'bad-cue')),
  };
}

/** Checks a decoded cue message field by field; throws LiveError `bad-cue` naming the field. */
export function validateCueMessage(v: unknown): CueMessage {
  const o = record(v, '$', ['v', 'seq', 't', 'span', 'channels', 'face', 'posture', 'voice'], 'bad-cue');
  if (o['v'] !== CUE_VERSION) fail('bad-cue', '$.v', `expected version ${CUE_VERSION}`);
  const ch = record(o['channels'], '$.channels', CUE_CHANNELS, 'bad-cue');
  const channels = {
    face: oneOf(ch['face'], '$.channels.face', CHANNEL_STATES, 'bad-cue'),
    voice: oneOf(ch['voice'], '$.channels.voice', CHANNEL_STATES, 'bad-cue'),
  };
  for (const ch of CUE_CHANNELS) {
    if (channels[ch] !== 'on' && o[ch] !== null)
      fail('bad-cue', `$.${ch}`, `must be null while the ${ch} channel is ${channels[ch]}`);
  }
  if (!('posture' in o)) fail('bad-cue', '$.posture', 'missing (null when there is none)');
  if (channels.face !== 'on' && o['posture'] !== null)
    fail('bad-cue', '$.posture', `must be null while the face channel is ${channels.face}`);
  return {
    v: CUE_VERSION,
    seq: int(o['seq'], '$.seq', 0, Number.MAX_SAFE_INTEGER, 'bad-cue'),
    t: num(o['t'], '$.t', 0, 1e7, 'bad-cue'),
    span: num(o['span'], '$.span', 0, 60, 'bad-cue'),
    channels,
    face: orNull(o['face'], faceCues),
    posture: orNull(o['posture'], postureCues),
    voice: orNull(o['voice'], voiceCues),
  };
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Parses received text: size first (nothing large is even parsed), then the schema. */
export function parseCueMessage(text: unknown): CueMessage {
  if (typeof text !== 'string') fail('bad-cue', '$', 'cue messages are text frames');
  if (byteLength(text) > MAX_CUE_BYTES) fail('bad-cue', '$', `larger than ${MAX_CUE_BYTES} bytes`);
  return validateCueMessage(parseJsonObject(text, 'bad-cue'));
}

/** The exact text to send: validated and size-checked, so a sender can never emit what a receiver refuses. */
export function encodeCueMessage(msg: CueMessage): string {
  const text = JSON.stringify(validateCueMessage(msg));
  if (byteLength(text) > MAX_CUE_BYTES) fail('bad-cue', '$', `larger than ${MAX_CUE_BYTES} bytes`);
  return text;
}

export function isCueMessage(v: unknown): v is CueMessage {
  if (!isRecord(v)) return false;
  try {
    validateCueMessage(v);
    return true;
  } catch {
    return false;
  }
}
