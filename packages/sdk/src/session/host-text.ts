/**
 * Limits on the strings a host hands the session API (job title, questions, notice version and
 * locale, asset URLs). Every string is checked once, where the options enter the SDK, so the
 * model, the event log, the store and the report never meet a 100,000-character question or a
 * string that is not valid Unicode text. Limits are in UTF-16 code units (`string.length`).
 */
import { SessionError } from './errors.ts';

export const HOST_TEXT_LIMITS = Object.freeze({
  /** Longest job titles in common job boards stay under ~100 characters. */
  jobTitle: 200,
  /** A spoken interview question; a long multi-part question is ~500 characters. */
  question: 1000,
  /** Questions per interview (an interview of 50 questions already runs for hours). */
  questions: 50,
  /** Semantic version with an optional pre-release tag (the event log's pattern allows ≤ 82). */
  noticeVersion: 64,
  /** BCP 47 tag; RFC 5646 §4.4.1 asks implementations to support tags of at least 35 characters. */
  noticeLocale: 35,
  /** Any asset or worker URL; signed CDN URLs stay well under this. */
  url: 4096,
});

// C0 controls but tab (U+0009) and line feed (U+000A), DEL and C1 controls.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const ANY_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const bad = (message: string): SessionError => new SessionError('invalid-options', message);

export interface HostTextRule {
  /** Most UTF-16 code units. */
  readonly max: number;
  /** Tab and line feed allowed (questions); URLs and titles allow no control character. */
  readonly multiline?: boolean;
  /** An empty or all-blank string refused. */
  readonly nonEmpty?: boolean;
}

/**
 * Throws `invalid-options` naming `field` and the limit when `value` is not a string within the
 * rule. Never echoes the value: it may be long or personal.
 */
export function checkHostText(value: unknown, field: string, rule: HostTextRule): string {
  if (typeof value !== 'string') throw bad(`${field} must be a string`);
  if (value.length > rule.max) {
    throw bad(`${field} is ${value.length} characters long; the limit is ${rule.max}`);
  }
  if (rule.nonEmpty === true && value.trim() === '') throw bad(`${field} must be a non-empty string`);
  if ((rule.multiline === true ? CONTROL : ANY_CONTROL).test(value)) {
    const allowed = rule.multiline === true ? ' other than tab and newline' : '';
    throw bad(`${field} contains a control character${allowed} (U+0000–U+001F, U+007F–U+009F)`);
  }
  if (LONE_SURROGATE.test(value)) throw bad(`${field} contains an unpaired UTF-16 surrogate (not valid Unicode text)`);
  return value;
}
