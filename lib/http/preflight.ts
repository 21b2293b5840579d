import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { backoffMs, isTlsError, NOT_SENT_CODES, TRANSIENT_STATUSES } from './availability';

/** One cheap request that tells whether a live target is there at all, before the first test. */
export interface PreflightRequest {
  /** The API, for the message ("moov"). */
  api: string;
  /** The setting that names the URL, for the message ("MOOV_BASE_URL"). */
  variable: string;
  url: string;
  headers: Record<string, string>;
  /** How long to wait for an answer. */
  timeoutMs: number;
}

/** Attempts in all for refused connections and transient answers (a target restarting, a gateway's blip). */
const ATTEMPTS = 3;

type Outcome = { kind: 'answer'; status: number } | { kind: 'silent' } | { kind: 'network'; code: string };

function once(req: PreflightRequest): Promise<Outcome> {
  return new Promise((resolveOutcome) => {
    const url = new URL(req.url);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const sent = send(url, { method: 'GET', headers: req.headers, timeout: req.timeoutMs }, (res) => {
      res.resume();
      resolveOutcome({ kind: 'answer', status: res.statusCode ?? 0 });
    });
    sent.on('timeout', () => {
      sent.destroy();
      resolveOutcome({ kind: 'silent' });
    });
    sent.on('error', (error: NodeJS.ErrnoException) => resolveOutcome({ kind: 'network', code: error.code ?? error.message }));
    sent.end();
  });
}

/**
 * Whether the target answers at all: undefined when it does (whatever the status: judging it is
 * the tests' work), otherwise one line naming the URL, the error and the setting to check. Costs
 * one request, a few more only while connections are refused or the answer is a 502/503/504.
 */
export async function preflight(req: PreflightRequest, wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))): Promise<string | undefined> {
  const origin = new URL(req.url).origin;
  let last: Outcome = { kind: 'silent' };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (attempt > 0) await wait(backoffMs(attempt, undefined));
    last = await once(req);
    if (last.kind === 'answer' && !TRANSIENT_STATUSES.has(last.status)) return undefined;
    if (last.kind === 'silent') break; // already waited the whole timeout
    if (last.kind === 'network' && !NOT_SENT_CODES.has(last.code) && isTlsError(last.code)) break;
  }
  const check = `check ${req.variable}`;
  switch (last.kind) {
    case 'silent':
      return `${req.api}: ${origin} accepted no request or sent no answer within ${req.timeoutMs} ms; ${check} (and CONFORMANCE_REQUEST_TIMEOUT_MS for a slow target)`;
    case 'network':
      return isTlsError(last.code) ? `${req.api}: ${origin} failed the TLS handshake (${last.code}); ${check}` : `${req.api}: cannot reach ${origin} (${last.code}); ${check}`;
    case 'answer':
      return `${req.api}: ${origin} answers ${last.status} (a gateway with no service behind it) after ${ATTEMPTS} attempts; ${check}`;
  }
}
