/**
 * Token bucket per socket: bursts up to `capacity` messages (a peer connection's opening offer
 * plus its ICE candidates arrive together), then `perSecond` on average.
 */
import { HireNetError } from '@hirenet/sdk/internal/util/errors';
export interface RateLimit {
  readonly capacity: number;
  readonly perSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { capacity: 60, perSecond: 20 };

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: RateLimit,
    now: number,
  ) {
    if (!(limit.capacity >= 1 && limit.perSecond > 0))
      throw new HireNetError('invalid-options', 'rate limit needs capacity >= 1 and perSecond > 0');
    this.tokens = limit.capacity;
    this.last = now;
  }

  /** Takes one token at time `now` (ms); false when the socket is over its budget. */
  take(now: number): boolean {
    this.tokens = Math.min(this.limit.capacity, this.tokens + ((now - this.last) / 1000) * this.limit.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
