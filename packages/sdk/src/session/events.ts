/**
 * The events an InterviewSession dispatches, as one typed map, so a host's listener gets a typed
 * `detail` instead of `unknown` (`s.on('warning', (w) => w.code)` or
 * `s.addEventListener('warning', (e) => e.detail.code)`). Names are stable; docs/session-api.md#events.
 */
import type { SessionWarning } from './types.ts';

/** `progress`: where the session is in an answer or in scoring. */
export interface SessionProgress {
  readonly stage: 'answer-started' | 'answer-ended' | 'scoring' | 'scored';
  /** The answer index, on `answer-started` and `answer-ended`. */
  readonly answer?: number;
}

/**
 * `face`: fires with each batch of frames the running answer's own analysis has processed (about 15
 * a second) while the face channel records. No image and no measurement, and nothing is stored from it.
 */
export interface FacePresence {
  readonly answer: number;
  /** Whether the newest processed frame had a face. */
  readonly present: boolean;
  /** Seconds since the answer started. */
  readonly seconds: number;
}

/** Event name → the `detail` it carries. */
export interface SessionEventDetails {
  progress: SessionProgress;
  warning: SessionWarning;
  face: FacePresence;
}

export type SessionEventType = keyof SessionEventDetails;

/** Event name → the event a listener receives (a CustomEvent whose `detail` is typed). */
export type SessionEventMap = { [K in SessionEventType]: CustomEvent<SessionEventDetails[K]> };

/**
 * EventTarget with the session's event map: typed `addEventListener`/`removeEventListener` for its
 * own names (other names still type-check as on any EventTarget), and `on`, which hands the
 * listener the detail and returns the function that removes it.
 */
export class SessionEvents extends EventTarget {
  override addEventListener<K extends SessionEventType>(
    type: K,
    listener: (ev: SessionEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null | ((ev: never) => void),
    options?: boolean | AddEventListenerOptions,
  ): void {
    super.addEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  override removeEventListener<K extends SessionEventType>(
    type: K,
    listener: (ev: SessionEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null | ((ev: never) => void),
    options?: boolean | EventListenerOptions,
  ): void {
    super.removeEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  /** Calls `listener(detail)` for each `type` event; returns the function that stops it. */
  on<K extends SessionEventType>(type: K, listener: (detail: SessionEventDetails[K]) => void): () => void {
    const wrapped = (ev: Event): void => listener((ev as SessionEventMap[K]).detail);
    super.addEventListener(type, wrapped);
    return () => super.removeEventListener(type, wrapped);
  }

  /** Dispatches `type` with its typed detail. */
  protected emit<K extends SessionEventType>(type: K, detail: SessionEventDetails[K]): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
