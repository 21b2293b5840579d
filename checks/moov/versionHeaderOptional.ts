import { defineCheck } from '../check';
import type { JudgedResponse } from './evidence';
import { SRC } from './sources';

export interface VersionEvidence extends JudgedResponse {
  /** The X-Moov-Version sent, or undefined when the header was omitted. */
  version?: string;
}

export const versionHeaderOptional = defineCheck<VersionEvidence>({
  id: 'TKT-VER-001',
  title: 'request without X-Moov-Version refused',
  api: 'moov',
  severity: 'error',
  source: SRC.version,
  detects: 'a valid request that fails because it omits X-Moov-Version (the API must default to v2024.01.00)',
  triggers: 'list and get without the header',
  requests: 'two requests',
  operations: ['listTickets', 'getTicket'],
  statuses: [200],
  evaluate: (e) => (e.status >= 200 && e.status < 300 ? [] : [{ expected: '2xx with the default version', received: String(e.status), exchange: e.exchange }]),
});

export const configuredVersionServed = defineCheck<VersionEvidence>({
  id: 'TKT-VER-002',
  title: 'request with the configured X-Moov-Version refused',
  api: 'moov',
  severity: 'error',
  source: SRC.versionHeader,
  detects: 'a valid request that fails with the X-Moov-Version this run tests (MOOV_API_VERSION, or each of MOOV_API_VERSIONS)',
  triggers: 'list and get with the header (skipped when no version is configured)',
  requests: 'two requests',
  operations: ['listTickets', 'getTicket'],
  statuses: [200],
  evaluate: (e) => (e.status >= 200 && e.status < 300 ? [] : [{ expected: `2xx with X-Moov-Version ${e.version ?? ''}`, received: String(e.status), exchange: e.exchange }]),
});

/**
 * Every X-Moov-Version value the pages name (v2024.01.00, `latest`, each operation's documented
 * version) is served. A `latest` answer may carry breaking changes ("treat it as a beta"), so
 * only the status is judged for it; dated versions get every response check as well.
 */
export const documentedVersionServed = defineCheck<VersionEvidence>({
  id: 'TKT-VER-003',
  title: 'a documented X-Moov-Version value refused',
  api: 'moov',
  severity: 'error',
  source: SRC.documentedVersions,
  detects: 'a valid list or get refused (or failing) with an X-Moov-Version value the pages name, on the partner or the connected account',
  triggers: "list and get with each version value the contract documents (the header's examples and each operation's version), on both accounts",
  requests: 'two requests per value and account',
  operations: ['listTickets', 'getTicket'],
  statuses: [200],
  evaluate: (e) => (e.status >= 200 && e.status < 300 ? [] : [{ expected: `2xx with X-Moov-Version ${e.version ?? ''}`, received: String(e.status), exchange: e.exchange }]),
});
