import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ConfigError, valueOf, type Env } from '../config/configError';
import { PROJECT_ROOT } from '../config/run';
import { acceptsAnswer, knownAnswers } from './points';
import type { SilentPointSet } from './calibration';
import { isAnswered, type Profile } from './types';

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
    api: { type: 'string' },
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

/** Parses a profile and checks its shape (its points are checked against its API's by checkPoints). */
function readProfile(text: string, file: string): Profile {
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
  return doc as Profile;
}

/** Every point id and answer of `profile` against the points its API knows. */
function checkPoints(profile: Profile, file: string, set: SilentPointSet): Profile {
  const known = new Map(set.points.map((p) => [p.id, p]));
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

/** The point set of `profile`'s API among `sets`; an API the suite does not calibrate is a ConfigError. */
function setOf(profile: Profile, file: string, sets: readonly SilentPointSet[]): SilentPointSet {
  const set = sets.find((s) => s.api === profile.api);
  if (!set) throw new ConfigError(file, `/api "${profile.api}" is not an API the suite calibrates (${sets.map((s) => s.api).join(', ')})`);
  return set;
}

/**
 * Parses and validates a profile: its shape, then every point id and answer against the points
 * `sets` know for its api. Every problem is a ConfigError naming the file (and the point).
 */
export function parseProfile(text: string, file: string, sets: readonly SilentPointSet[]): Profile {
  const profile = readProfile(text, file);
  return checkPoints(profile, file, setOf(profile, file, sets));
}

function readProfileFile(file: string, variable: string): Profile {
  const path = resolve(PROJECT_ROOT, file);
  if (!existsSync(path)) throw new ConfigError(variable, `${file} does not exist (npm run calibrate writes a profile)`);
  return readProfile(readFileSync(path, 'utf8'), file);
}

/** A profile and the file it came from (as the variable named it). */
export interface ProfileFile {
  file: string;
  profile: Profile;
}

/** The profiles a comma-separated variable names, their shapes checked; two for one api is an error. */
function profileFiles(env: Env, variable: string): ProfileFile[] {
  const raw = valueOf(env, variable);
  if (raw === undefined) return [];
  const files = raw.split(',').map((f) => f.trim()).filter(Boolean);
  const profiles = files.map((file) => ({ file, profile: readProfileFile(file, variable) }));
  const apis = profiles.map((p) => p.profile.api);
  const twice = apis.find((api, i) => apis.indexOf(api) !== i);
  if (twice) throw new ConfigError(variable, `names two profiles of ${twice}; give one per API`);
  return profiles;
}

/**
 * The profile a comma-separated variable (MOCK_PROFILE, CONFORMANCE_PROFILE) names for the API of
 * `set`, if any, validated against its points: each file holds one api's profile, at most one per api.
 */
export function profileFor(env: Env, variable: string, set: SilentPointSet): ProfileFile | undefined {
  const found = profileFiles(env, variable).find((p) => p.profile.api === set.api);
  return found && { file: found.file, profile: checkPoints(found.profile, found.file, set) };
}

/** Every profile a comma-separated variable names, each validated against its API's points among `sets`. */
export function profilesFrom(env: Env, variable: string, sets: readonly SilentPointSet[]): ProfileFile[] {
  return profileFiles(env, variable).map(({ file, profile }) => ({ file, profile: checkPoints(profile, file, setOf(profile, file, sets)) }));
}
