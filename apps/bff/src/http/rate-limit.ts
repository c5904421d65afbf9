import { rateLimited } from '../errors.ts';

/**
 * Token buckets in process memory: `capacity` requests, refilled evenly over `windowMs`. Each BFF
 * instance limits on its own (documented in docs/decisions/0005-security.md); the limits are generous
 * enough that N instances behind a balancer stay within N times the budget.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly capacity: number,
    private readonly windowMs: number,
  ) {}

  private refill(key: string, nowMs: number) {
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: nowMs };
    const elapsed = Math.max(0, nowMs - b.at);
    b.tokens = Math.min(this.capacity, b.tokens + (elapsed * this.capacity) / this.windowMs);
    b.at = nowMs;
    this.buckets.set(key, b);
    if (this.buckets.size > 50_000) this.prune();
    return b;
  }

  /** Seconds until one more request is allowed (0 when allowed now). */
  wait(key: string, nowMs: number): number {
    const b = this.refill(key, nowMs);
    return b.tokens >= 1 ? 0 : Math.ceil(((1 - b.tokens) * this.windowMs) / this.capacity / 1000);
  }

  take(key: string, nowMs: number): void {
    const b = this.refill(key, nowMs);
    b.tokens = Math.max(0, b.tokens - 1);
  }

  /** Takes a token or throws 429 RATE_LIMITED. */
  consume(key: string, nowMs: number): void {
    const wait = this.wait(key, nowMs);
    if (wait > 0) throw rateLimited(wait);
    this.take(key, nowMs);
  }

  private prune() {
    for (const [k, b] of this.buckets) if (b.tokens >= this.capacity) this.buckets.delete(k);
  }
}

export interface Limits {
  /** Usage batches per service key. */
  usageByKey: RateLimiter;
}

export function createLimits(): Limits {
  return {
    usageByKey: new RateLimiter(600, 60_000),
  };
}
