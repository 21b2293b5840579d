import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ConfigError, valueOf, type Env } from '../config/configError';
import { PROJECT_ROOT } from '../config/run';
import { acceptsAnswer, knownAnswers } from './points';
import { pointsOf } from './registry';
import { isAnswered, type CalibratedApi, type Profile } from './types';

export type { Evidence, PointResult, Profile } from './types';

const EVIDENCE = {
  type: 'object',
  additionalProperties: false,
  required: ['method', 'path', 'status'],
  properties: { method: { type: 'string' }, path: { type: 'string' }, status: { type: 'integer' } },
} as const;

/** The profile file's shape; answers and ids are then checked against the points the suite knows. */
const PROFILE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['api', 'target', 'calibratedAt', 'points'],
  properties: {
    api: { enum: ['moov', 'teamwork-desk'] },
    target: { type: 'string' },
    calibratedAt: { type: 'string', format: 'date-time' },
    suiteVersion: { type: 'string' },
    points: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'label', 'evidence'],
        properties: { id: { type: 'string' }, label: { type: 'string' }, answer: { type: 'string' }, undetermined: { type: 'string' }, evidence: { type: 'array', items: EVIDENCE } },
        oneOf: [{ required: ['answer'] }, { required: ['undetermined'] }],
      },
    },
  },
} as const;

// strictRequired off: the oneOf branches name properties declared beside them.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv, ['date-time']);
const validateShape = ajv.compile(PROFILE_SCHEMA);

/**
 * Parses and validates a profile: its shape, then every point id and answer against the points the
 * suite knows for its api. Every problem is a ConfigError naming the file (and the point).
 */
export function parseProfile(text: string, file: string): Profile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!validateShape(doc)) {
    const problems = (validateShape.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
    throw new ConfigError(file, `is not a calibration profile (npm run calibrate writes one): ${[...new Set(problems)].slice(0, 5).join('; ')}`);
  }
  const profile = doc as Profile;
  const known = new Map(pointsOf(profile.api).map((p) => [p.id, p]));
  const seen = new Set<string>();
  for (const point of profile.points) {
    const definition = known.get(point.id);
    if (!definition) throw new ConfigError(file, `point "${point.id}": unknown point id for api ${profile.api}; known: ${[...known.keys()].join(', ')}`);
    if (seen.has(point.id)) throw new ConfigError(file, `point "${point.id}" is listed twice`);
    seen.add(point.id);
    if (isAnswered(point) && !acceptsAnswer(definition, point.answer)) {
      throw new ConfigError(file, `point "${point.id}": answer "${point.answer}" is not one of ${knownAnswers(definition)}`);
    }
  }
  return profile;
}

/** Reads a profile file (relative paths from the project root); a missing file is a ConfigError naming the variable. */
export function loadProfile(file: string, variable: string): Profile {
  const path = resolve(PROJECT_ROOT, file);
  if (!existsSync(path)) throw new ConfigError(variable, `${file} does not exist (npm run calibrate writes a profile)`);
  return parseProfile(readFileSync(path, 'utf8'), file);
}

/** A profile and the file it came from (as the variable named it). */
export interface ProfileFile {
  file: string;
  profile: Profile;
}

/**
 * The profile a comma-separated variable (MOCK_PROFILE, CONFORMANCE_PROFILE) names for `api`, if
 * any: each file holds one api's profile, and at most one file may be given per api.
 */
export function profileFor(env: Env, variable: string, api: CalibratedApi): ProfileFile | undefined {
  return profilesFrom(env, variable).find((p) => p.profile.api === api);
}

/** Every profile a comma-separated variable names, validated; two for one api is an error. */
export function profilesFrom(env: Env, variable: string): ProfileFile[] {
  const raw = valueOf(env, variable);
  if (raw === undefined) return [];
  const files = raw.split(',').map((f) => f.trim()).filter(Boolean);
  const profiles = files.map((file) => ({ file, profile: loadProfile(file, variable) }));
  const apis = profiles.map((p) => p.profile.api);
  const twice = apis.find((api, i) => apis.indexOf(api) !== i);
  if (twice) throw new ConfigError(variable, `names two profiles of ${twice}; give one per API`);
  return profiles;
}
