import { isRecord } from '../../lib/json';
import { defineCheck, type Check } from '../check';
import type { JudgedResponse } from './evidence';
import { SRC } from './sources';

export interface ParameterErrorEvidence extends JudgedResponse {
  /** The query parameter the suite broke; the Validator body must have a key for it. */
  parameter: string;
}

/** 400, and the Validator body names the parameter (compared case-insensitively: the notes give no casing rule). */
function refusedNamingParameter(e: ParameterErrorEvidence) {
  if (e.status !== 400) return [{ expected: `400 naming ${e.parameter} (${e.mutation})`, received: String(e.status), exchange: e.exchange }];
  const errors = isRecord(e.json) && isRecord(e.json.errors) ? e.json.errors : undefined;
  const named = errors !== undefined && Object.keys(errors).some((k) => k.toLowerCase() === e.parameter.toLowerCase());
  return named ? [] : [{ expected: `{"errors": {"${e.parameter}": [...]}} (${e.mutation})`, received: e.text === '' ? 'an empty body' : e.text.slice(0, 300), exchange: e.exchange }];
}

function parameterCheck(id: string, title: string, source: Check<never>['source'], detects: string, triggers: string): Check<ParameterErrorEvidence> {
  return defineCheck<ParameterErrorEvidence>({
    id,
    title,
    api: 'teamwork-desk',
    severity: 'error',
    source,
    detects,
    triggers,
    requests: 'one list request per generated bad value',
    operations: ['listTickets'],
    statuses: [400],
    evaluate: refusedNamingParameter,
  });
}

export const invalidFilterJsonRefused = parameterCheck(
  'TWD-ERR-001',
  'invalid filter JSON not refused with a Validator 400',
  SRC.invalidFilterJson,
  'a filter that is not valid JSON answered with anything but 400 and a Validator body keyed "filter"',
  'truncated objects, unquoted keys, trailing commas and plain text as filter',
);

export const unknownFilterFieldRefused = parameterCheck(
  'TWD-ERR-002',
  'unknown filter field not refused with a Validator 400',
  SRC.unknownFilterField,
  'a filter naming a field outside the page\'s filter list (at the top or inside $and/$or) answered with anything but 400 and a Validator body keyed "filter"',
  'generated field names outside the filter list, alone or next to valid conditions, at the top level and nested',
);

export const unknownOrderByRefused = parameterCheck(
  'TWD-ERR-003',
  'unknown orderBy value not refused with a Validator 400',
  SRC.unknownOrderBy,
  'an orderBy value outside the page\'s list answered with anything but 400 and a Validator body keyed "orderBy"',
  'generated names outside the orderBy list (case variants of listed names are not used: casing rules are not documented)',
);
