import type { AnyCheck, Check } from './check';

/** All checks of all APIs, by id. A second check with an id already taken fails at start-up. */
export class CheckRegistry {
  private readonly checks = new Map<string, AnyCheck>();

  register(...checks: Check<never>[]): void {
    for (const check of checks) {
      if (this.checks.has(check.id)) throw new Error(`duplicate check id ${check.id} ("${check.title}")`);
      this.checks.set(check.id, check);
    }
  }

  get(id: string): AnyCheck | undefined {
    return this.checks.get(id);
  }

  all(): AnyCheck[] {
    return [...this.checks.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  forApi(api: AnyCheck['api']): AnyCheck[] {
    return this.all().filter((c) => c.api === api);
  }
}
