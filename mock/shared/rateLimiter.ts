/** A token bucket: `perSecond` requests a second, bursts up to the same number. */
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(private readonly perSecond: number, private readonly clock: () => number = () => Date.now()) {
    this.tokens = perSecond;
    this.last = clock();
  }

  /** Takes a token; when none is left, returns the seconds to wait before one is. */
  take(): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.clock();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.perSecond)) };
  }
}
