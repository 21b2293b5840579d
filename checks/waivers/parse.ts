import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../../lib/config/configError';
import type { Waiver } from './waiver';

/** What validation needs to know of a check: its id is registered, and its operations. */
export type CheckLookup = (id: string) => { operations: readonly string[] } | undefined;

const KEYS = ['check', 'operation', 'target', 'env', 'message', 'reason', 'issue', 'expires'] as const;
type Key = (typeof KEYS)[number];

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses and validates a waivers file. Every problem is a ConfigError naming the file, the entry
 * and its check id: "conformance.waivers.yaml: entry 2 (TKT-PAG-009): unknown check id".
 */
export function parseWaivers(text: string, file: string, lookup: CheckLookup): Waiver[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new ConfigError(file, `is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  if (doc === null || doc === undefined) return [];
  if (!isRecord(doc) || Object.keys(doc).some((k) => k !== 'waivers')) {
    throw new ConfigError(file, 'must be a mapping with one key, "waivers", holding a list of entries (see the README)');
  }
  const list = doc.waivers;
  if (list === null || list === undefined) return [];
  if (!Array.isArray(list)) throw new ConfigError(file, '"waivers" must be a list of entries');
  return list.map((raw: unknown, i) => validateEntry(raw, i + 1, file, lookup));
}

function validateEntry(raw: unknown, entry: number, file: string, lookup: CheckLookup): Waiver {
  const checkId = isRecord(raw) && typeof raw.check === 'string' ? raw.check.trim() : '';
  const fail = (problem: string): never => {
    throw new ConfigError(file, `entry ${entry}${checkId ? ` (${checkId})` : ''}: ${problem}`);
  };
  if (!isRecord(raw)) return fail('must be a mapping with check, reason, issue and expires');
  const unknown = Object.keys(raw).filter((k) => !(KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) fail(`unknown key(s) ${unknown.map((k) => `"${k}"`).join(', ')}; known: ${KEYS.join(', ')}`);
  const text = (key: Key, required: boolean): string | undefined => {
    const value = raw[key];
    // YAML 1.1 readers may give a date; this parser keeps YYYY-MM-DD a string, but accept both.
    const asText = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'number' ? String(value) : value;
    if (asText === undefined || asText === null || (typeof asText === 'string' && asText.trim() === '')) {
      return required ? fail(`missing ${key}`) : undefined;
    }
    if (typeof asText !== 'string') return fail(`${key} must be a string`);
    return asText.trim();
  };
  if (!checkId) fail('missing check (a check id such as TKT-PAG-002)');
  const check = lookup(checkId);
  if (!check) fail('unknown check id (see docs/checks.md)');
  const operation = text('operation', false);
  if (operation !== undefined && !check!.operations.includes(operation)) {
    fail(`operation "${operation}" is not one the check judges (${check!.operations.join(', ')})`);
  }
  const message = text('message', false);
  if (message !== undefined) {
    try {
      new RegExp(message);
    } catch (error) {
      fail(`message is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const reason = text('reason', true)!;
  const issue = text('issue', true)!;
  if (!/^https?:\/\/\S+$/.test(issue)) fail(`issue must be a link (http or https) to the tracking issue, got "${issue}"`);
  const expires = text('expires', true)!;
  if (!isIsoDate(expires)) fail(`expires must be a date written YYYY-MM-DD, got "${expires}"`);
  const waiver: Waiver = { entry, check: checkId, reason, issue, expires };
  if (operation !== undefined) waiver.operation = operation;
  const target = text('target', false);
  if (target !== undefined) waiver.target = target;
  const env = text('env', false);
  if (env !== undefined) waiver.env = env;
  if (message !== undefined) waiver.message = message;
  return waiver;
}
