import type { CalibratedApi } from '../../../lib/calibration/types';

/** What a client sees of one answer: its status, Content-Type and the part of the body the point is about. */
interface Seen {
  status: number;
  contentType: string | null;
  shows?: unknown;
}

async function plain(url: string, init: RequestInit, shows: (body: Record<string, unknown>) => unknown = () => undefined): Promise<Seen> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON: status and Content-Type tell
  }
  return { status: response.status, contentType: response.headers.get('content-type'), shows: response.ok ? shows(body) : undefined };
}

const numbers = (body: Record<string, unknown>) => (Array.isArray(body.items) ? body.items.map((t: { number?: unknown }) => t.number) : undefined);

/**
 * Plain requests, as a client writes them (fetch, HTTP Basic, no suite code), at each Moov point
 * where the docs leave a choice: the same sequence sent to two mocks must be seen alike.
 */
export async function moovPlainProbes(base: string): Promise<Record<string, Seen>> {
  const env = process.env;
  const headers = { authorization: `Basic ${Buffer.from(`${env.MOOV_PUBLIC_KEY}:${env.MOOV_SECRET_KEY}`).toString('base64')}`, 'content-type': 'application/json' };
  const tickets = (account: string | undefined, query = '') => `${base}/accounts/${account}/tickets${query}`;
  const partner = env.MOOV_PARTNER_ACCOUNT_ID;
  const create = (foreignID: string) =>
    plain(tickets(partner), { method: 'POST', headers, body: JSON.stringify({ title: 'side by side', body: '<p>probe</p>', contact: { email: 'probe@example.com' }, foreignID }) }, (t) => ({
      latestMessageOn: 'latestMessageOn' in t ? (t.latestMessageOn === t.createdOn ? 'equal to createdOn' : 'other') : 'absent',
      number: t.number,
    }));
  return {
    'count=500': await plain(tickets(partner, '?count=500'), { headers }, (b) => (Array.isArray(b.items) ? b.items.length : undefined)),
    'count=201': await plain(tickets(partner, '?count=201'), { headers }, (b) => (Array.isArray(b.items) ? b.items.length : undefined)),
    'count=abc': await plain(tickets(partner, '?count=abc'), { headers }),
    'first create': await create('side-by-side-1'),
    'create with the same foreignID': await create('side-by-side-1'),
    'partner numbers': await plain(tickets(partner, '?count=5'), { headers }, numbers),
    'connected numbers': await plain(tickets(env.MOOV_ACCOUNT_ID, '?count=5'), { headers }, numbers),
    'unrelated account': await plain(tickets(env.MOOV_UNRELATED_ACCOUNT_ID, '?count=1'), { headers }),
    'malformed Basic': await plain(tickets(partner, '?count=1'), { headers: { authorization: 'Basic !!!not-base64!!!' } }),
    'unknown scheme': await plain(tickets(partner, '?count=1'), { headers: { authorization: 'Token abc123' } }),
  };
}

/** As moovPlainProbes, for the Teamwork Desk listing: page sizes around every cap, the default page, a page past the end. */
export async function teamworkDeskPlainProbes(base: string): Promise<Record<string, Seen>> {
  const headers = { authorization: `Bearer ${process.env.TEAMWORK_DESK_API_KEY}` };
  const list = (query: string) =>
    plain(`${base}/desk/api/v2/tickets.json${query}`, { headers }, (b) => ({
      pagination: b.pagination,
      tickets: Array.isArray(b.tickets) ? b.tickets.length : undefined,
    }));
  const seen: Record<string, Seen> = { default: await list('') };
  for (const size of [20, 50, 51, 99, 100, 101, 120, 121, 249, 250, 500]) seen[`pageSize=${size}`] = await list(`?pageSize=${size}`);
  seen['page 99'] = await list('?page=99');
  return seen;
}

export const plainProbes = (api: CalibratedApi, base: string) => (api === 'moov' ? moovPlainProbes(base) : teamworkDeskPlainProbes(base));
