import { HireNetError } from '../util/errors.ts';
import {
  ANALYSIS_PHASES,
  CONSENT_STATUSES,
  DELETION_SCOPES,
  EXPORT_KINDS,
  LOG_BACKENDS,
  LOG_MODALITIES,
  WARNING_CODES,
  type EventInput,
  type EventType,
} from './event-log-types.ts';

/** A value the event log refuses. The message names the field, never echoes the value (it might be personal). */
export class EventLogError extends HireNetError {
  constructor(message: string) {
    super('invalid-event', message);
  }
}

// Semver (optionally with a short pre-release tag): a version, not a sentence.
export const VERSION_PATTERN = /^\d{1,4}\.\d{1,4}\.\d{1,4}(?:-[0-9A-Za-z]{1,16}(?:\.[0-9A-Za-z]{1,16}){0,3})?$/;
const SHA256_PATTERN = /^[0-9a-f]{64}$/;
// BCP 47 language[-Script][-REGION], e.g. en, de-CH, zh-Hant-TW: which translation was shown.
const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/;
const MAX_ANSWERS = 1000;

type FieldCheck = (value: unknown, field: string) => void;

const oneOf =
  (allowed: readonly string[]): FieldCheck =>
  (v, field) => {
    if (typeof v !== 'string' || !allowed.includes(v))
      throw new EventLogError(`${field} must be one of ${allowed.join(', ')}`);
  };
const pattern =
  (re: RegExp, what: string): FieldCheck =>
  (v, field) => {
    if (typeof v !== 'string' || !re.test(v)) throw new EventLogError(`${field} must be ${what}`);
  };
const count: FieldCheck = (v, field) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= MAX_ANSWERS)
    throw new EventLogError(`${field} must be an integer in [0, ${MAX_ANSWERS})`);
};
const modalities: FieldCheck = (v, field) => {
  if (!Array.isArray(v) || v.length === 0 || v.length > LOG_MODALITIES.length || new Set(v).size !== v.length)
    throw new EventLogError(`${field} must be a non-empty list of distinct modalities`);
  v.forEach((m, i) => oneOf(LOG_MODALITIES)(m, `${field}[${i}]`));
};
const version = pattern(VERSION_PATTERN, 'a semantic version such as 1.2.0');

/** Per event type: required and optional fields. Anything else is refused. */
const SCHEMA: Record<EventType, { required: Record<string, FieldCheck>; optional: Record<string, FieldCheck> }> = {
  'model-loaded': {
    required: { modelVersion: version },
    optional: { modelSha256: pattern(SHA256_PATTERN, '64 lower-case hex digits') },
  },
  modalities: { required: { modalities }, optional: {} },
  consent: {
    required: { status: oneOf(CONSENT_STATUSES), noticeVersion: version, modalities },
    optional: { noticeLocale: pattern(LOCALE_PATTERN, 'a BCP 47 tag such as en or de-CH') },
  },
  backend: { required: { backend: oneOf(LOG_BACKENDS) }, optional: { requested: oneOf(LOG_BACKENDS) } },
  warning: { required: { code: oneOf(WARNING_CODES) }, optional: { answer: count } },
  analysis: { required: { phase: oneOf(ANALYSIS_PHASES) }, optional: { answers: count } },
  deletion: { required: { scope: oneOf(DELETION_SCOPES) }, optional: {} },
  export: { required: { kind: oneOf(EXPORT_KINDS) }, optional: {} },
};

/**
 * Checks an event at run time: TypeScript types vanish in a host's JavaScript, and the promise
 * "no personal content" has to hold for untyped callers too. Returns a fresh, frozen copy so
 * later mutation of the caller's object cannot change the log.
 */
export function validateEvent(raw: unknown): EventInput {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new EventLogError('an event must be an object');
  const { type, ...fields } = raw as Record<string, unknown>;
  if (typeof type !== 'string' || !Object.hasOwn(SCHEMA, type))
    throw new EventLogError(`type must be one of ${Object.keys(SCHEMA).join(', ')}`);
  const schema = SCHEMA[type as EventType];
  for (const key of Object.keys(fields)) {
    if (!Object.hasOwn(schema.required, key) && !Object.hasOwn(schema.optional, key))
      throw new EventLogError(`"${type}" events have no field "${key.slice(0, 40)}"`);
  }
  const copy: Record<string, unknown> = { type };
  for (const [key, check] of Object.entries(schema.required)) {
    if (!(key in fields)) throw new EventLogError(`"${type}" events need "${key}"`);
    check(fields[key], key);
    copy[key] = Array.isArray(fields[key]) ? Object.freeze([...(fields[key] as unknown[])]) : fields[key];
  }
  for (const [key, check] of Object.entries(schema.optional)) {
    if (fields[key] === undefined) continue;
    check(fields[key], key);
    copy[key] = fields[key];
  }
  return Object.freeze(copy) as unknown as EventInput;
}
