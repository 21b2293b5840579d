import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ConfigError, valueOf, type Env } from '../../lib/config/configError';

/**
 * Weather: what a gateway in front of a correct server does to its traffic. None of it breaks the
 * contract, so a run against a correct mock under weather must still conform, and every fault
 * must still be caught. MOCK_WEATHER switches it on for both mocks, a comma-separated list of
 * presets and `name=value` settings (later ones win), drawn from a seeded generator so a run
 * meets the same weather every time it sends the same requests:
 *
 *   MOCK_WEATHER=gateway                       the preset below
 *   MOCK_WEATHER=transient=1%,after=0.5%,jitter=0-5,seed=7
 *
 * Every fraction is of requests (`0.5%` or `0.005`).
 */
export interface Weather {
  /** Answered 502, 503 or 504 before the server sees the request. */
  transient: number;
  /** Handled by the server, then answered 504 (a write happened; its answer is lost). */
  after: number;
  /** Connection dropped before the server sees the request. */
  drop: number;
  /** Handled by the server, then the connection is dropped (the answer is lost). */
  dropAfter: number;
  /** Answered 429 with Retry-After: 1. */
  rateLimited: number;
  /** Answered with the last answer to the same GET (same credentials), when it is under a second old. */
  stale: number;
  /** Never answered. */
  hang: number;
  /** From this many requests on, every request is left unanswered (a target that dies mid-run). */
  hangAfter?: number;
  /** Preceded by another client's write (the Moov mock: a ticket created, or one of its own closed). */
  writes: number;
  /** Delay before each request is handled, in ms (inclusive range). */
  jitter: [number, number];
  seed: number;
  /** Only requests with these methods meet the weather (`only=PATCH+POST`); undefined: every request. */
  only?: ReadonlySet<string>;
}

const CALM: Weather = { transient: 0, after: 0, drop: 0, dropAfter: 0, rateLimited: 0, stale: 0, hang: 0, writes: 0, jitter: [0, 0], seed: 1 };

/** Named weathers: what the gateway did, and what the self-test proves the suite rides out. */
export const WEATHER_PRESETS: Record<string, Partial<Weather>> = {
  /** A real gateway: 0.5% 504 before the server, 0.5% 504 after it, 1% 429, 2-40 ms of jitter. */
  gateway: { transient: 0.005, after: 0.005, rateLimited: 0.01, jitter: [2, 40] },
  /** Another client writing beside the run. */
  busy: { writes: 0.25 },
  /**
   * The self-test's live mode: every kind of weather at once, cheap enough for every case (a 429
   * costs its Retry-After second, jitter costs every request).
   */
  selftest: { transient: 0.005, after: 0.005, drop: 0.002, dropAfter: 0.002, rateLimited: 0.0005, stale: 0.01, writes: 0.02, jitter: [0, 1] },
};

const FRACTIONS: Record<string, keyof Weather> = {
  transient: 'transient',
  after: 'after',
  drop: 'drop',
  'drop-after': 'dropAfter',
  '429': 'rateLimited',
  stale: 'stale',
  hang: 'hang',
  writes: 'writes',
};

function fraction(entry: string, raw: string): number {
  const value = raw.endsWith('%') ? Number(raw.slice(0, -1)) / 100 : Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new ConfigError('MOCK_WEATHER', `"${entry}": a fraction of requests, 0 to 1 or 0% to 100%`);
  return value;
}

/** MOCK_WEATHER's weather, or undefined when it is unset (a calm target). */
export function weatherFromEnv(env: Env): Weather | undefined {
  const raw = valueOf(env, 'MOCK_WEATHER');
  if (raw === undefined || raw === 'none') return undefined;
  const weather: Weather = { ...CALM, jitter: [0, 0] };
  for (const entry of raw.split(',').map((e) => e.trim()).filter(Boolean)) {
    const preset = WEATHER_PRESETS[entry];
    if (preset) {
      Object.assign(weather, preset);
      continue;
    }
    const [key = '', value = ''] = entry.split('=').map((p) => p.trim());
    const field = FRACTIONS[key];
    if (field) (weather as unknown as Record<string, unknown>)[field] = fraction(entry, value);
    else if (key === 'jitter' && /^\d+(-\d+)?$/.test(value)) {
      const [low = 0, high = low] = value.split('-').map(Number);
      if (high < low) throw new ConfigError('MOCK_WEATHER', `"${entry}": jitter is a range low-high in ms`);
      weather.jitter = [low, high];
    } else if (key === 'hang-after' && /^\d+$/.test(value)) weather.hangAfter = Number(value);
    else if (key === 'seed' && /^\d+$/.test(value)) weather.seed = Number(value);
    else if (key === 'only' && /^[A-Za-z+]+$/.test(value)) weather.only = new Set(value.toUpperCase().split('+'));
    else {
      throw new ConfigError(
        'MOCK_WEATHER',
        `unknown or malformed entry "${entry}"; known: presets ${Object.keys(WEATHER_PRESETS).join(', ')}; ${Object.keys(FRACTIONS).join(', ')} (fractions); jitter=<ms>-<ms>, hang-after=<requests>, seed=<n>, only=<METHOD>+<METHOD>`,
      );
    }
  }
  const exclusive = weather.transient + weather.after + weather.drop + weather.dropAfter + weather.rateLimited + weather.stale + weather.hang;
  if (exclusive > 1) throw new ConfigError('MOCK_WEATHER', `the fractions of requests add up to more than all of them (${exclusive})`);
  return weather;
}

/** A small seeded generator (mulberry32): the same seed gives the same weather. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export interface WeatherHooks {
  /** Another client's write, made before a request when the weather says so. */
  otherClientWrite?: (random: () => number) => void;
}

interface Captured {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const GATEWAY_BODY: Record<number, string> = {
  502: '{"error":"bad gateway"}',
  503: '{"error":"service unavailable"}',
  504: '{"error":"a downstream service failed to respond"}',
};

function gatewayAnswer(res: ServerResponse, status: number, extra: Record<string, string> = {}): void {
  const body = GATEWAY_BODY[status] ?? '{"error":"rate limit exceeded"}';
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'x-request-id': randomUUID(), ...extra });
  res.end(body);
}

/** Lets the handler run, and hands its answer to `instead` rather than to the client. */
function intercept(res: ServerResponse, instead: (captured: Captured) => void): void {
  let status = 200;
  let headers: Record<string, string> = {};
  (res as { writeHead: unknown }).writeHead = (code: number, given?: Record<string, string>) => {
    status = code;
    headers = { ...(given ?? {}) };
    return res;
  };
  (res as { end: unknown }).end = (chunk?: string | Buffer) => {
    instead({ status, headers, body: chunk === undefined ? '' : chunk.toString() });
    return res;
  };
}

/**
 * `listener` behind a gateway with this weather. The mock's own routes (/_mock/...) are never
 * touched: they are how the self-test and the benchmark read what happened.
 */
export function withWeather(listener: Listener, weather: Weather | undefined, hooks: WeatherHooks = {}): Listener {
  if (weather === undefined) return listener;
  const random = generator(weather.seed);
  const stale = new Map<string, Captured & { at: number }>();
  let requests = 0;
  return (req, res) => {
    if ((req.url ?? '').startsWith('/_mock/') || (weather.only !== undefined && !weather.only.has((req.method ?? 'GET').toUpperCase()))) return listener(req, res);
    requests += 1;
    // The same draws for every request, in the same order, so the weather follows the requests only.
    const [kind, delay, pick, write] = [random(), random(), random(), random()];
    if (hooks.otherClientWrite && write < weather.writes) hooks.otherClientWrite(random);
    const [low, high] = weather.jitter;
    const go = (): void => {
      if (weather.hangAfter !== undefined && requests > weather.hangAfter) return void req.resume();
      let edge = 0;
      const next = (p: number) => kind < (edge += p);
      if (next(weather.transient)) {
        req.resume();
        return gatewayAnswer(res, [502, 503, 504][Math.floor(pick * 3)] ?? 504);
      }
      if (next(weather.drop)) {
        req.resume();
        return void req.socket.destroy();
      }
      if (next(weather.rateLimited)) {
        req.resume();
        return gatewayAnswer(res, 429, { 'retry-after': '1' });
      }
      if (next(weather.hang)) return void req.resume();
      const key = `${req.method ?? 'GET'} ${req.url ?? ''} ${req.headers.authorization ?? ''} ${req.headers['x-moov-version'] ?? ''}`;
      if (next(weather.stale) && req.method === 'GET') {
        const cached = stale.get(key);
        if (cached && Date.now() - cached.at < 1000) {
          req.resume();
          // A cache replays the body; the request id is the gateway's own for this request.
          const headers = 'x-request-id' in cached.headers ? { ...cached.headers, 'x-request-id': randomUUID() } : cached.headers;
          res.writeHead(cached.status, headers);
          return void res.end(cached.body);
        }
      }
      const lostAfter = next(weather.after) ? 'answer' : next(weather.dropAfter) ? 'connection' : undefined;
      const writeHead = res.writeHead.bind(res);
      const end = res.end.bind(res);
      intercept(res, (captured) => {
        if (weather.stale > 0 && req.method === 'GET' && captured.status === 200) {
          if (stale.size > 1000) stale.clear(); // entries are useful for a second only
          stale.set(key, { ...captured, at: Date.now() });
        }
        if (lostAfter === 'connection') return void res.socket?.destroy();
        (res as { writeHead: unknown }).writeHead = writeHead;
        (res as { end: unknown }).end = end;
        if (lostAfter === 'answer') return gatewayAnswer(res, 504);
        writeHead(captured.status, captured.headers);
        end(captured.body);
      });
      listener(req, res);
    };
    const ms = Math.round(low + delay * (high - low));
    if (ms > 0) setTimeout(go, ms);
    else go();
  };
}
