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
  /** Why the probe needs writes (undefined: it only reads). */
  writes?: string;
}

/** A silent point and the probe that finds a target's answer there, through `Ctx` (the api's client and helpers). */
export interface PointDefinition<Ctx> extends PointInfo {
  probe(ctx: Ctx): Promise<Finding>;
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

/** A point whose answers map to the mock variants that give them (an answer absent from `serves` is the mock's default). */
export interface ServedPoint extends PointInfo {
  serves?: Readonly<Record<string, string>>;
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
