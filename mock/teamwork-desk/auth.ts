import { timingSafeEqual } from 'node:crypto';
import { HttpAnswer } from '../shared/http';
import type { TeamworkDeskMockConfig } from './config';
import type { Presented } from './seams';

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const unauthorized = (why: string) =>
  new HttpAnswer(401, { errors: { authorization: [why] } }, { 'www-authenticate': 'Bearer realm="desk", Basic realm="desk"' });

/** Why credentials that are not accepted get a 401, by what was presented. */
const REFUSAL: Readonly<Record<Presented['scheme'], string>> = {
  none: 'missing credentials',
  bearer: 'unknown API key',
  basic: 'unknown API key',
  other: 'unsupported authorization scheme',
};

/** What an Authorization header presents. */
export function presented(authorization: string | undefined): Presented {
  if (authorization === undefined || authorization.trim() === '') return { scheme: 'none' };
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (bearer?.[1] !== undefined) return { scheme: 'bearer', key: bearer[1] };
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
  if (basic?.[1] !== undefined) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return { scheme: 'basic', user: colon < 0 ? decoded : decoded.slice(0, colon) };
  }
  return { scheme: 'other' };
}

/**
 * `Authorization: Bearer <api key>`, or HTTP Basic with the key as user name and any password
 * (notes/teamwork-desk.md). Anything else, or nothing, is a 401.
 */
export function authenticate(authorization: string | undefined, config: TeamworkDeskMockConfig): void {
  const credentials = presented(authorization);
  const verdict = (credentials.scheme === 'bearer' && sameText(credentials.key, config.apiKey)) || (credentials.scheme === 'basic' && sameText(credentials.user, config.apiKey));
  if (!config.tamper.accepts(verdict, credentials)) throw unauthorized(REFUSAL[credentials.scheme]);
}
