/** Spaces requests so this process sends at most `perSecond` of them (no cap when undefined). */
export class Throttle {
  private next = 0;

  constructor(private readonly perSecond: number | undefined, private readonly wait: (ms: number) => Promise<void>) {}

  /** How long the next take() will wait. */
  delay(): number {
    return this.perSecond === undefined ? 0 : Math.max(0, this.next - Date.now());
  }

  async take(): Promise<void> {
    if (this.perSecond === undefined) return;
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.perSecond;
    if (at > now) await this.wait(at - now);
  }
}
