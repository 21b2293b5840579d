import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** One reason a value does not match its schema, with the field it concerns. */
export interface ValidationIssue {
  /** Dotted path of the offending field, '' for the value itself (e.g. 'contact.email'). */
  field: string;
  /** The JSON Schema keyword that failed (required, type, enum, format, ...). */
  keyword: string;
  /** Human-readable message that names the field, e.g. "contact.email: must be string". */
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  issues: ValidationIssue[];
}

export type Validator = (value: unknown) => ValidationResult;

/**
 * An Ajv instance for the contracts: 2020-12 dialect, strict mode, every error reported.
 * OpenAPI extension keywords (x-*) are declared as annotations so strict mode accepts them.
 */
export function createAjv(extensionKeywords: Iterable<string>): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, validateFormats: true });
  addFormats(ajv);
  // Seed 002 types the ticket body as string<html>: any string is admissible, HTML is its meaning.
  ajv.addFormat('html', { type: 'string', validate: () => true });
  for (const keyword of extensionKeywords) ajv.addKeyword({ keyword, schemaType: ['object', 'string', 'boolean', 'array', 'number'] });
  return ajv;
}

function fieldOf(error: ErrorObject): string {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') segments.push(params.missingProperty);
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    segments.push(params.additionalProperty);
  }
  return segments.join('.');
}

export function issuesFrom(errors: ErrorObject[] | null | undefined): ValidationIssue[] {
  return (errors ?? []).map((error) => {
    const field = fieldOf(error);
    const detail = error.keyword === 'enum'
      ? `${error.message ?? 'is invalid'} ${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)}`
      : error.message ?? 'is invalid';
    return { field, keyword: error.keyword, message: `${field === '' ? '(body)' : field}: ${detail}` };
  });
}

export function toValidator(validate: ValidateFunction): Validator {
  return (value) => {
    const valid = validate(value) as boolean;
    return { valid, issues: valid ? [] : issuesFrom(validate.errors) };
  };
}
