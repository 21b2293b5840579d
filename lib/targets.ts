import type { Env } from './config/configError';
import type { LoggedRequest } from './http/loggedRequest';

/** What global setup needs of a resolved target: where it is, and the request that shows it is up. */
export interface ResolvedTarget {
  kind: 'mock' | 'live';
  requestTimeoutMs: number;
  /** The one request a preflight and the transport's health check send. */
  health: { url: string; headers: Record<string, string> };
}

/**
 * A kind of target the suite addresses (an API's server): the variable that points it at a live
 * one, the variable global setup sets to the embedded mock's URL otherwise, how its settings
 * resolve, and what a finished live run leaves to do. Each API's own folder defines its kind
 * (lib/moov/target.ts, lib/teamworkDesk/target.ts); the API descriptors (apis/) name the kind
 * their tests address.
 */
export interface TargetKind {
  name: string;
  baseUrlVariable: string;
  mockUrlVariable: string;
  /** Its settings, resolved; a wrong or missing one is a ConfigError naming it. */
  resolve(env: Env): ResolvedTarget;
  /** After a live run: close what the run created (the ledger's tickets), saying what it did. */
  finish?(env: Env, runId: string, say: (line: string) => void): Promise<void>;
  /** The ledgers of what live runs created, for a kind whose tests write (`npm run cleanup`). */
  ledgers?: Ledgers;
}

/** A live run's ledger, as `npm run cleanup` lists it. */
export interface LedgerSummary {
  file: string;
  /** The live target it recorded. */
  target: string;
  open: number;
  /** Creates whose answer was lost (their tickets may exist). */
  uncertain: number;
  modified: Date;
}

/** Where a kind of target's live runs ledger what they create, and how what one left open is closed. */
export interface Ledgers {
  /** Its ledgers, newest first. */
  list(): LedgerSummary[];
  /** What the live run `runId` created and its cleanup closed, and creates whose answer was lost. */
  ofRun(runId: string): { closed: number; uncertain: number };
  /** Whether `file` is one of its ledgers. */
  owns(file: string): boolean;
  /**
   * Closes what the ledger `file` left open on the target `env` configures, which must be the
   * ledger's own (a ConfigError naming the variable otherwise).
   */
  close(env: Env, file: string, say: (line: string) => void): Promise<{ failed: number }>;
  /** How to point cleanup at a ledger's target ("MOOV_BASE_URL and the keys of its target"). */
  howToTarget: string;
}

/**
 * The embedded mock that stands in for a kind of target when its base URL is unset. Its server
 * lives in mock/<api>/; this is the face shared code (global setup, the self-test, the bench,
 * `npm run mock`) sees of it.
 */
export interface MockServer {
  /** Starts it from the environment's mock settings (a bad one is a ConfigError naming it). */
  start(env: Env, port?: number): Promise<RunningMock>;
  /** The mock setting that sizes its data (tickets), and its default. */
  size: { variable: string; default: number };
  /** Mock settings a clean start empties: faults, variants, limits. */
  cleanSettings: readonly string[];
  /**
   * The settings that address a mock started from `env`'s settings (its keys and accounts) at
   * `url` as a live target: writes allowed, every other live setting at its default except the
   * rate cap given (undefined: the live default). A URL of its own, so an outage can be staged.
   */
  liveTargetEnv(env: Env, url: string, maxRps?: string): Record<string, string>;
  /** The variable `npm run mock` reads its port from. */
  portVariable: string;
}

/** An embedded mock, running. */
export interface RunningMock {
  url: string;
  /** Every request it served, for the bench and the SDK's request audit. */
  log: { all(): LoggedRequest[] };
  /**
   * The settings that address it as a live target: its URL, keys and accounts, writes allowed,
   * every other live setting at its default except the rate cap given (undefined: the live default).
   */
  asLiveTarget(maxRps?: string): Record<string, string>;
  /** The Authorization header its own keys make (the bench replays logged requests, which keep none). */
  authorization: string;
  /** What `npm run mock` prints about it: what it is, its accounts, a command to try. */
  describe(): string[];
  close(): Promise<void>;
}
