import { SDK_VERSION } from '../util/version.ts';
import { HireNetError } from '../util/errors.ts';
import {
  EVENT_LOG_FORMAT,
  WARNING_CODES,
  type EventInput,
  type EventLogJson,
  type LoggedEvent,
  type WarningCode,
} from './event-log-types.ts';
import { EventLogError, VERSION_PATTERN, validateEvent } from './event-log-validate.ts';

export interface EventLogOptions {
  /** Version of the SDK recorded in the export (semver). */
  readonly sdkVersion?: string;
  /** Clock in ms (tests inject one); default Date.now. */
  readonly now?: () => number;
  /** Session id source; default crypto.randomUUID. */
  readonly randomId?: () => string;
  /** Oldest events are dropped beyond this, so a runaway warning loop cannot fill memory. */
  readonly maxEvents?: number;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * What the SDK did in one session — model version, modalities, consent, backend, warnings,
 * analysis, deletion, export — as a typed log a deployer can keep for oversight and audits.
 * It holds no personal content by construction: every recorded field is validated against an
 * enumeration or a version/count pattern (event-log-validate.ts).
 */
export class EventLog {
  readonly sessionId: string;
  readonly startedAt: string;
  readonly sdkVersion: string;
  private readonly now: () => number;
  private readonly t0: number;
  private readonly maxEvents: number;
  private readonly log: LoggedEvent[] = [];
  private seq = 0;

  constructor(options: EventLogOptions = {}) {
    this.now = options.now ?? Date.now;
    this.t0 = this.now();
    // Seconds are enough for "period of use"; milliseconds of wall time add nothing but precision about a person.
    this.startedAt = `${new Date(this.t0).toISOString().slice(0, 19)}Z`;
    this.sessionId = (options.randomId ?? (() => globalThis.crypto.randomUUID()))();
    if (!UUID_PATTERN.test(this.sessionId)) throw new EventLogError('sessionId must be a random UUID');
    this.sdkVersion = options.sdkVersion ?? SDK_VERSION;
    if (!VERSION_PATTERN.test(this.sdkVersion)) throw new EventLogError('sdkVersion must be a semantic version');
    this.maxEvents = options.maxEvents ?? 10_000;
  }

  /** Records one event; throws EventLogError (code `invalid-event`) for anything outside the vocabulary. */
  record(event: EventInput): LoggedEvent {
    const checked = validateEvent(event);
    const logged = Object.freeze({
      ...checked,
      seq: this.seq++,
      atMs: Math.max(0, Math.round(this.now() - this.t0)),
    }) as LoggedEvent;
    this.log.push(logged);
    if (this.log.length > this.maxEvents) this.log.shift();
    return logged;
  }

  /** Records an SDK error as a warning, by its code only (its message may quote input). */
  recordError(err: unknown, answer?: number): LoggedEvent {
    return this.record({ type: 'warning', code: warningCodeOf(err), ...(answer === undefined ? {} : { answer }) });
  }

  get events(): readonly LoggedEvent[] {
    return [...this.log];
  }

  toJSON(): EventLogJson {
    return {
      format: EVENT_LOG_FORMAT,
      sessionId: this.sessionId,
      startedAt: this.startedAt,
      sdkVersion: this.sdkVersion,
      events: this.events,
    };
  }

  /** The log as a JSON document (`hirenet-event-log/1`), e.g. to save next to the deployer's own records. */
  exportJSON(): string {
    return `${JSON.stringify(this.toJSON(), null, 2)}\n`;
  }
}

/** The warning code for an error the SDK threw; anything else becomes `other`. */
export function warningCodeOf(err: unknown): WarningCode {
  if (err instanceof HireNetError && (WARNING_CODES as readonly string[]).includes(err.code))
    return err.code as WarningCode;
  return 'other';
}

/** Reads an exported log back, re-validating every event (a file may have been edited). */
export function parseEventLog(text: string): EventLogJson {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new EventLogError('the event log is not valid JSON');
  }
  const log = raw as Partial<EventLogJson> | null;
  if (log === null || typeof log !== 'object' || log.format !== EVENT_LOG_FORMAT)
    throw new EventLogError(`the event log format must be ${EVENT_LOG_FORMAT}`);
  if (typeof log.sessionId !== 'string' || !UUID_PATTERN.test(log.sessionId))
    throw new EventLogError('sessionId must be a random UUID');
  if (typeof log.startedAt !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(log.startedAt))
    throw new EventLogError('startedAt must be an ISO 8601 UTC time to the second');
  if (typeof log.sdkVersion !== 'string' || !VERSION_PATTERN.test(log.sdkVersion))
    throw new EventLogError('sdkVersion must be a semantic version');
  if (!Array.isArray(log.events)) throw new EventLogError('events must be a list');
  const extra = Object.keys(log).filter(
    (k) => !['format', 'sessionId', 'startedAt', 'sdkVersion', 'events'].includes(k),
  );
  if (extra.length > 0)
    throw new EventLogError(`the event log has unknown field(s): ${extra.map((k) => k.slice(0, 40)).join(', ')}`);
  const events = log.events.map((e: unknown, i) => {
    const { seq, atMs, ...rest } = (e ?? {}) as Record<string, unknown>;
    if (!Number.isInteger(seq) || !Number.isInteger(atMs) || (atMs as number) < 0)
      throw new EventLogError(`events[${i}] needs integer seq and atMs`);
    return Object.freeze({ ...validateEvent(rest), seq, atMs }) as LoggedEvent;
  });
  return {
    format: EVENT_LOG_FORMAT,
    sessionId: log.sessionId,
    startedAt: log.startedAt,
    sdkVersion: log.sdkVersion,
    events,
  };
}
