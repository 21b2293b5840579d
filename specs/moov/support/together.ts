import type { Exchange } from '../../../lib/http/exchange';
import type { MoovApi } from './api';

/** A request of a burst as the report shows it: enough to see what overlapped and to replay it. */
export interface BurstEntry {
  label: string;
  method?: string;
  url?: string;
  status?: number;
  requestId?: string;
  /** Milliseconds after the burst started, and how long the request was in flight. */
  startMs?: number;
  durationMs?: number;
  /** Why there is no exchange (a lost answer, an error). */
  note?: string;
}

/** Whether two requests were in flight at the same time. */
function overlapped(a: BurstEntry, b: BurstEntry): boolean {
  if (a.startMs === undefined || b.startMs === undefined || a.durationMs === undefined || b.durationMs === undefined) return false;
  return a.startMs < b.startMs + b.durationMs && b.startMs < a.startMs + a.durationMs;
}

/**
 * Sends `tasks` at once, as a burst the rate cap lets through together and charges afterwards
 * (Throttle.allowBurst), waits for all of them (no request is left in flight when one fails), and
 * reports which requests overlapped: an annotation with the pairs in flight together, and an
 * attachment with each request's method, URL, timing, status and x-request-id, to replay it.
 * `exchangeOf` names each outcome's exchange (undefined: its answer was lost).
 */
export async function together<T>(moov: MoovApi, what: string, tasks: ReadonlyArray<{ label: string; run: () => Promise<T> }>, exchangeOf: (value: T) => Exchange | undefined): Promise<T[]> {
  moov.allowBurst(tasks.length);
  const started = Date.now();
  const settled = await Promise.allSettled(tasks.map((t) => t.run()));
  const entries: BurstEntry[] = settled.map((s, i) => {
    const label = tasks[i]!.label;
    if (s.status === 'rejected') return { label, note: s.reason instanceof Error ? s.reason.message.split('\n')[0] : String(s.reason) };
    const exchange = exchangeOf(s.value);
    if (!exchange) return { label, note: 'answer lost (weather); found out by reading back' };
    return {
      label,
      method: exchange.method,
      url: exchange.url,
      status: exchange.status,
      requestId: exchange.responseHeaders['x-request-id'],
      startMs: Date.parse(exchange.startedAt) - started,
      durationMs: exchange.durationMs,
    };
  });
  await report(moov, what, entries);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

async function report(moov: MoovApi, what: string, entries: BurstEntry[]): Promise<void> {
  const pairs: string[] = [];
  let possible = 0;
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      possible += 1;
      if (overlapped(entries[i]!, entries[j]!)) pairs.push(`#${i + 1}+#${j + 1}`);
    }
  }
  const info = moov.info;
  const summary = pairs.length === 0
    ? `${what}: ${entries.length} requests sent at once, none in flight together (the target answered each before the next arrived): nothing about parallel use was shown`
    : `${what}: ${entries.length} requests sent at once (one burst of the rate cap's budget); ${pairs.length} of ${possible} pairs were in flight together: ${pairs.join(', ')}`;
  info.annotations.push({ type: 'parallel', description: `${info.title}: ${summary}` });
  await info.attach(`parallel: ${what}`, { body: JSON.stringify({ summary, requests: entries.map((e, i) => ({ n: i + 1, ...e })) }, null, 2), contentType: 'application/json' });
}
