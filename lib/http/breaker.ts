import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A circuit breaker for one target, shared by every worker of a run through a file: once a
 * target has stopped answering (a hang its health check confirms, connections refused past the
 * retries, transient errors past the retry budget), every later request of the run fails at once
 * with the reason, instead of each test waiting out its own request timeout. It never closes
 * again within a run: a target that went away mid-run cannot be judged by the rest of it.
 */
export class Breaker {
  private reason: string | undefined;

  /** `file`: where the open state is shared with the run's other workers (none: this process only). */
  constructor(private readonly file?: string) {}

  /** Why the breaker is open, or undefined while it is closed. */
  openReason(): string | undefined {
    if (this.reason === undefined && this.file !== undefined && existsSync(this.file)) {
      try {
        this.reason = readFileSync(this.file, 'utf8') || 'the target stopped answering';
      } catch {
        // another worker is writing it: the next request reads it
      }
    }
    return this.reason;
  }

  /** Opens the breaker; returns false when it was open already (another worker tripped it). */
  trip(reason: string): boolean {
    if (this.openReason() !== undefined) return false;
    this.reason = reason;
    if (this.file !== undefined) {
      try {
        mkdirSync(dirname(this.file), { recursive: true });
        writeFileSync(this.file, reason, { flag: 'wx' });
      } catch {
        // already written by another worker: its reason stands for the others
      }
    }
    return true;
  }
}
