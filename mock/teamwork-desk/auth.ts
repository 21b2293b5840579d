import { timingSafeEqual } from 'node:crypto';
import { HttpAnswer } from '../shared/http';
import type { TeamworkDeskMockConfig } from './config';

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const unauthorized = (why: string) =>
  new HttpAnswer(401, { errors: { authorization: [why] } }, { 'www-authenticate': 'Bearer realm="desk", Basic realm="desk"' });

/**
 * `Authorization: Bearer <api key>`, or HTTP Basic with the key as user name and any password
 * (notes/teamwork-desk.md). Anything else, or nothing, is a 401.
 */
export function authenticate(authorization: string | undefined, config: TeamworkDeskMockConfig): void {
  if (authorization === undefined || authorization.trim() === '') {
    if (config.faults.has('missing-key-accepted')) return;
    throw unauthorized('missing credentials');
  }
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (bearer?.[1] !== undefined) {
    if (config.faults.has('any-bearer-accepted') || sameText(bearer[1], config.apiKey)) return;
    throw unauthorized('unknown API key');
  }
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
  if (basic?.[1] !== undefined) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = colon < 0 ? decoded : decoded.slice(0, colon);
    if (!config.faults.has('basic-auth-refused') && sameText(user, config.apiKey)) return;
    throw unauthorized('unknown API key');
  }
  throw unauthorized('unsupported authorization scheme');
}
