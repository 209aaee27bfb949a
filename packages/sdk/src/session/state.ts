/**
 * The interview session's life, as one explicit state machine. Every operation moves it through
 * the table below or is refused with `invalid-state`; withdrawal, close and deletion are allowed
 * from any live state and bump `epoch`, which every operation still in flight checks after each
 * await: an operation that finds the epoch changed drops what it was doing (stops its capture,
 * stores nothing) and fails with `cancelled`. That is what lets deletion and withdrawal win every
 * race with beginAnswer, endAnswer, addAnswerFile and result (issue 13: before, a delete during
 * endAnswer resolved and the record came back; a withdrawal during beginAnswer let capture run).
 *
 *   idle ──consent──▶ consented ──beginAnswer──▶ recording ──endAnswer──▶ storing ──▶ consented
 *                        │  ▲──────────────────────── (start failed) ◀──┘            ▲
 *                        └──addAnswerFile / result──▶ storing ────────────────────────┘
 *   any live state ──withdrawConsent──▶ idle;  ──close──▶ closed;  ──delete──▶ deleted
 */
import { SessionError } from './errors.ts';

export type SessionPhase = 'idle' | 'consented' | 'recording' | 'storing' | 'closed' | 'deleted';

const NEXT: Readonly<Record<SessionPhase, readonly SessionPhase[]>> = {
  idle: ['consented', 'idle', 'closed', 'deleted'],
  consented: ['consented', 'recording', 'storing', 'idle', 'closed', 'deleted'],
  recording: ['storing', 'consented', 'idle', 'closed', 'deleted'],
  storing: ['consented', 'idle', 'closed', 'deleted'],
  closed: ['deleted', 'closed'],
  deleted: ['deleted'],
};

export class SessionState {
  private current: SessionPhase;
  private generation = 0;
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(initial: SessionPhase) {
    this.current = initial;
  }

  get phase(): SessionPhase {
    return this.current;
  }

  /** Changes whenever withdrawal, close or deletion interrupts what is in flight. */
  get epoch(): number {
    return this.generation;
  }

  get live(): boolean {
    return this.current !== 'closed' && this.current !== 'deleted';
  }

  /** Moves to `next` or throws `invalid-state` naming both states and what was attempted. */
  to(next: SessionPhase, what: string): void {
    if (!NEXT[this.current].includes(next)) {
      throw new SessionError('invalid-state', `cannot ${what} while the session is ${this.current}`);
    }
    this.current = next;
  }

  /** Withdrawal, close or deletion: everything in flight is now stale. */
  interrupt(next: 'idle' | 'closed' | 'deleted'): void {
    this.generation++;
    this.current = next;
  }

  /** Throws `cancelled` when an interruption happened since `epoch` was read. */
  check(epoch: number, what: string): void {
    if (epoch !== this.generation) {
      throw new SessionError(
        'cancelled',
        [
          `${what} was cancelled: the session was`,
          `${this.current === 'idle' ? 'withdrawn from' : this.current} meanwhile, and nothing of it was`,
          'kept',
        ].join(' '),
      );
    }
  }

  /** Back to `consented` after an operation, unless an interruption moved the session on. */
  settle(epoch: number): void {
    if (this.generation === epoch && this.current === 'storing') this.to('consented', 'finish');
  }

  /** Runs `op` as an in-flight operation that an interruption waits for. */
  track<T>(op: Promise<T>): Promise<T> {
    this.inflight.add(op);
    const done = (): void => void this.inflight.delete(op);
    op.then(done, done);
    return op;
  }

  /** Resolves once every tracked operation has settled (each bails out after an interruption). */
  async settled(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }
}
