import { randomBytes } from 'node:crypto';

export interface IssuedToken {
  ownerID: string;
  scopes: ReadonlySet<string>;
  expiresAt: number;
}

const TTL_SECONDS = 3600;
const CAPACITY = 10_000;

/** Bearer tokens the mock issued, each carrying exactly the scopes it was asked for. */
export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(private readonly clock: () => Date) {}

  issue(ownerID: string, scopes: string[]): { token: string; expiresIn: number } {
    const token = `mock_${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, { ownerID, scopes: new Set(scopes), expiresAt: this.clock().getTime() + TTL_SECONDS * 1000 });
    // Bounded: hostile clients minting tokens in a loop must not grow memory without end.
    if (this.tokens.size > CAPACITY) {
      const oldest = this.tokens.keys().next().value;
      if (oldest !== undefined) this.tokens.delete(oldest);
    }
    return { token, expiresIn: TTL_SECONDS };
  }

  lookup(token: string): IssuedToken | undefined {
    const issued = this.tokens.get(token);
    if (!issued) return undefined;
    if (issued.expiresAt <= this.clock().getTime()) {
      this.tokens.delete(token);
      return undefined;
    }
    return issued;
  }
}
