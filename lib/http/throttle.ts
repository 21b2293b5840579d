/**
 * Spaces requests so this process sends at most `perSecond` of them (no cap when undefined). A
 * short burst (requests sent at once to test parallel use) is let through together, and paid for
 * afterwards: the requests after it wait as if the burst had been spaced, so the average rate
 * never exceeds the cap.
 */
export class Throttle {
  private next = 0;
  private burstLeft = 0;
  private burstAt = 0;

  constructor(private readonly perSecond: number | undefined, private readonly wait: (ms: number) => Promise<void>) {}

  /** How long the next take() will wait. */
  delay(): number {
    if (this.perSecond === undefined) return 0;
    return Math.max(0, (this.burstLeft > 0 ? this.burstAt : this.next) - Date.now());
  }

  /**
   * The next `size` take()s go out together, at the moment the cap allows the first of them; the
   * cap's spacing for all of them is added to what later requests wait.
   */
  allowBurst(size: number): void {
    if (!Number.isInteger(size) || size < 1) throw new Error(`Throttle.allowBurst: size must be a positive integer, got ${size}`);
    if (this.perSecond === undefined) return;
    this.burstLeft = size;
    this.burstAt = Math.max(Date.now(), this.next);
  }

  async take(): Promise<void> {
    if (this.perSecond === undefined) return;
    const now = Date.now();
    const spacing = 1000 / this.perSecond;
    if (this.burstLeft > 0) {
      this.burstLeft -= 1;
      this.next = Math.max(this.next, this.burstAt) + spacing;
      if (this.burstAt > now) await this.wait(this.burstAt - now);
      return;
    }
    const at = Math.max(now, this.next);
    this.next = at + spacing;
    if (at > now) await this.wait(at - now);
  }
}
