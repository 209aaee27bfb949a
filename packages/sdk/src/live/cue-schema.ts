/**
 * The cue message: the only analysis result that leaves a candidate's device in a live room. It
 * carries shares, counts and spreads over the last ~2 s and, with the words channel, the current
 * answer's most used words with their counts — never frames, samples, landmarks, blendshapes,
 * transcripts, emotion labels or scores. The same validator runs before sending
 * (candidate) and on receipt (interviewer); anything else, including extra fields, is refused.
 */
import type { PostureCues } from '../video/pose-cues.ts';
import { fail, int, isRecord, num, oneOf, parseJsonObject, record, str } from './check.ts';

export type { PostureCues };

/** 2: the `posture` section (pose landmarker) was added; 3: the words channel and its `keywords`. */
export const CUE_VERSION = 3;
/** Largest cue message, bytes of UTF-8 JSON. */
export const MAX_CUE_BYTES = 1024;

export const CUE_CHANNELS = ['face', 'voice'] as const;
export type CueChannel = (typeof CUE_CHANNELS)[number];
/** on: analysed; paused: the candidate paused it; off: no consent (or joined without analysis). */
export type ChannelState = 'on' | 'paused' | 'off';
export const CHANNEL_STATES: readonly ChannelState[] = ['on', 'paused', 'off'];
/**
 * The words channel adds `unavailable`: this page has no on-device recogniser and no transcript
 * from its host, so words could not be used whatever the candidate chose.
 */
export type WordsState = ChannelState | 'unavailable';
export const WORDS_STATES: readonly WordsState[] = ['on', 'paused', 'off', 'unavailable'];

/** At most this many keywords per message. */
export const MAX_KEYWORDS = 8;
/** Characters of one keyword (UTF-16 units). */
export const MAX_KEYWORD_CHARS = 24;
/**
 * UTF-8 bytes of all keywords of a message together: with the widest other fields (under 520
 * bytes) and the keyword syntax, a message stays under MAX_CUE_BYTES (test/node/live-words.test.ts).
 */
export const MAX_KEYWORD_BYTES = 320;
/**
 * A keyword: letters, digits and combining marks, joined by single apostrophes or hyphens (what
 * the SDK's tokenizer keeps). No quote, backslash or control character, so its JSON form is the
 * word itself and the byte budget above holds.
 */
export const KEYWORD_PATTERN = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['-][\p{L}\p{M}\p{N}]+)*$/u;

/**
 * The words used most in the current answer, counted on the candidate's device. Never the
 * transcript: single content words and how often each was said, at most MAX_KEYWORDS.
 */
export interface CueKeywords {
  /** Number of the answer on this device (0, 1, …): counts of one answer grow; a new number starts afresh. */
  readonly answer: number;
  /** [word, count] pairs, most frequent first (ties alphabetical); empty before the answer's first content word. */
  readonly words: readonly (readonly [string, number])[];
}

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
  readonly channels: { readonly face: ChannelState; readonly voice: ChannelState; readonly words: WordsState };
  /** Null unless the face channel is on (and also while no frame has been analysed yet). */
  readonly face: FaceCues | null;
  /**
   * From the same camera channel (and its consent) as `face`: null unless it is on, and also
   * without a pose model or while the pose is skipped for load (pose-schedule.ts).
   */
  readonly posture: PostureCues | null;
  readonly voice: VoiceCues | null;
  /** Null unless the words channel is on. */
  readonly keywords: CueKeywords | null;
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

function cueKeywords(v: unknown): CueKeywords {
  const o = record(v, '$.keywords', ['answer', 'words'], 'bad-cue');
  const answer = int(o['answer'], '$.keywords.answer', 0, 1_000_000, 'bad-cue');
  const list = o['words'];
  if (!Array.isArray(list)) fail('bad-cue', '$.keywords.words', 'expected an array');
  if (list.length > MAX_KEYWORDS) fail('bad-cue', '$.keywords.words', `more than ${MAX_KEYWORDS} keywords`);
  const seen = new Set<string>();
  let bytes = 0;
  const words = list.map((e: unknown, i): readonly [string, number] => {
    const at = `$.keywords.words[${i}]`;
    if (!Array.isArray(e) || e.length !== 2) fail('bad-cue', at, 'expected [word, count]');
    const word = str(e[0], `${at}[0]`, MAX_KEYWORD_CHARS, 'bad-cue');
    if (!KEYWORD_PATTERN.test(word)) fail('bad-cue', `${at}[0]`, 'not a single word');
    if (word !== word.toLowerCase()) fail('bad-cue', `${at}[0]`, 'keywords are lower case');
    if (seen.has(word)) fail('bad-cue', `${at}[0]`, 'repeated keyword');
    seen.add(word);
    bytes += byteLength(word);
    const count = int(e[1], `${at}[1]`, 1, 100_000, 'bad-cue');
    return [word, count] as const;
  });
  if (bytes > MAX_KEYWORD_BYTES) fail('bad-cue', '$.keywords.words', `more than ${MAX_KEYWORD_BYTES} bytes of words`);
  for (let i = 1; i < words.length; i++)
    if (words[i]![1] > words[i - 1]![1]) fail('bad-cue', '$.keywords.words', 'not ordered by count');
  return { answer, words };
}

/** Checks a decoded cue message field by field; throws LiveError `bad-cue` naming the field. */
export function validateCueMessage(v: unknown): CueMessage {
  const o = record(v, '$', ['v', 'seq', 't', 'span', 'channels', 'face', 'posture', 'voice', 'keywords'], 'bad-cue');
  if (o['v'] !== CUE_VERSION) fail('bad-cue', '$.v', `expected version ${CUE_VERSION}`);
  const ch = record(o['channels'], '$.channels', [...CUE_CHANNELS, 'words'], 'bad-cue');
  const channels = {
    face: oneOf(ch['face'], '$.channels.face', CHANNEL_STATES, 'bad-cue'),
    voice: oneOf(ch['voice'], '$.channels.voice', CHANNEL_STATES, 'bad-cue'),
    words: oneOf(ch['words'], '$.channels.words', WORDS_STATES, 'bad-cue'),
  };
  if (!('keywords' in o)) fail('bad-cue', '$.keywords', 'missing (null when there are none)');
  if (channels.words !== 'on' && o['keywords'] !== null)
    fail('bad-cue', '$.keywords', `must be null while the words channel is ${channels.words}`);
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
    keywords: orNull(o['keywords'], cueKeywords),
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
