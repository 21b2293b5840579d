import type { TransportResponse } from '../http/transport';
import type { Evidence } from './types';

export type { CalibratedApi } from './types';

/** What one probe concluded, with the requests that show it. */
export type Finding = { answer: string; evidence: Evidence[] } | { undetermined: string; evidence: Evidence[] };

/** What the suite knows of a silent point, whatever the api: enough to validate a profile. */
export interface PointInfo {
  /** Stable id, e.g. moov.unreachable-account-status. */
  id: string;
  /** What a report calls it: "account outside reach". */
  label: string;
  /** Each answer a correct target may give, and what it means. */
  answers: Readonly<Record<string, string>>;
  /**
   * Answers beyond the listed ones a target may record, as the value it showed (a media type, a
   * page-size cap): the form they take and what they mean. A profile may hold any answer of that form.
   */
  open?: { pattern: RegExp; means: string };
  /** Why the probe needs writes (undefined: it only reads). */
  writes?: string;
}

/** A silent point and the probe that finds a target's answer there, through `Ctx` (the api's client and helpers). */
export interface PointDefinition<Ctx> extends PointInfo {
  probe(ctx: Ctx): Promise<Finding>;
}

/** Whether `value` is an answer the point knows: one of its listed answers, or of its open form. */
export function acceptsAnswer(point: PointInfo, value: string): boolean {
  return value in point.answers || (point.open?.pattern.test(value) ?? false);
}

/** The answers a point knows, as an error message lists them. */
export function knownAnswers(point: PointInfo): string {
  return [...Object.keys(point.answers), ...(point.open ? [`or ${point.open.means}`] : [])].join(', ');
}

/** The request that showed an answer, as a profile keeps it: no origin, redacted path and query. */
export function evidenceOf(response: TransportResponse): Evidence {
  const { method, url, status } = response.exchange;
  return { method, path: url.replace(/^[a-z]+:\/\/[^/]+/i, ''), status };
}

export function answer(value: string, ...responses: TransportResponse[]): Finding {
  return { answer: value, evidence: responses.map(evidenceOf) };
}

export function undetermined(reason: string, ...responses: TransportResponse[]): Finding {
  return { undetermined: reason, evidence: responses.map(evidenceOf) };
}

/** An answer named by the status a target gave, when that status is one of the point's answers. */
export function statusAnswer(point: PointInfo, response: TransportResponse, ...more: TransportResponse[]): Finding {
  const status = String(response.status);
  return status in point.answers
    ? answer(status, ...more, response)
    : undetermined(`answered ${status}, none of the readings the suite knows (${Object.keys(point.answers).join(', ')})`, ...more, response);
}

/**
 * A point whose answers map to the mock variants that give them (an answer absent from `serves` is
 * the mock's default), or to a mock setting that takes the answer as its value (`setting`: answers
 * no variant gives, such as an open answer).
 */
export interface ServedPoint extends PointInfo {
  serves?: Readonly<Record<string, string>>;
  setting?: string;
}

/** What a mock is told to do to answer as a profile says: variants to turn on, settings to take. */
export interface ServedProfile {
  variants: string[];
  /** Setting name → the answer it takes (only answers no variant gives). */
  settings: Record<string, string>;
  /** Answers the mock cannot give, each naming the point. */
  unservable: string[];
}

/** The settings each answered point's answer sets, for answers no variant gives. */
export function servedSettings(points: readonly ServedPoint[], answers: ReadonlyMap<string, string>): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const point of points) {
    const given = answers.get(point.id);
    if (given !== undefined && point.setting !== undefined && point.serves?.[given] === undefined) settings[point.setting] = given;
  }
  return settings;
}

/** The variants each answered point's answer names, before an api reconciles the ones that combine. */
export function servedVariants(points: readonly ServedPoint[], answers: ReadonlyMap<string, string>): Set<string> {
  const variants = new Set<string>();
  for (const point of points) {
    const given = answers.get(point.id);
    const variant = given === undefined ? undefined : point.serves?.[given];
    if (variant) variants.add(variant);
  }
  return variants;
}

/** Raised by a probe that cannot go on (no write budget, a target that keeps answering 429): the point is undetermined. */
export class ProbeStopped extends Error {}

/**
 * A JSON media type as a Content-Type header gives it, parameters and all (`application/json`,
 * `application/json; charset=utf-8`, `application/problem+json`): what a mock can send verbatim.
 */
export const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json(?:\s*;\s*[\w!#$&^.+-]+=(?:[\w!#$&^.+-]+|"[^"\\\r\n]*"))*$/i;

/** The Content-Type a JSON answer carried, recorded verbatim; undetermined when it is not a JSON media type. */
export function contentTypeFinding(response: TransportResponse): Finding {
  const type = response.headers['content-type'];
  if (type !== undefined && JSON_MEDIA_TYPE.test(type)) return answer(type, response);
  return undetermined(`answered ${response.status} with Content-Type ${type === undefined ? '(none)' : JSON.stringify(type)}, not a JSON media type`, response);
}
