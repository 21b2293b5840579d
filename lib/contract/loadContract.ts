import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  HTTP_METHODS,
  isReference,
  type DocSource,
  type HeaderObject,
  type JsonSchema,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type Reference,
  type ResponseObject,
  type ScopeRule,
} from './openapi';
import { createAjv, issuesFrom, toValidator, type ValidationIssue, type ValidationResult, type Validator } from './validation';

export type Method = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';

export interface HeaderSpec {
  name: string;
  required: boolean;
  schema: JsonSchema;
  source?: DocSource;
}

export interface ResponseSpec {
  status: number;
  description: string;
  source?: DocSource;
  /** Media type of the documented body, when the pages give one. */
  contentType?: string;
  bodySchema?: JsonSchema;
  validateBody?: Validator;
  headers: HeaderSpec[];
  /** Validates a response's headers (names lower-cased) against the documented ones. */
  validateHeaders: Validator;
}

export interface ParameterSpec {
  name: string;
  in: ParameterObject['in'];
  required: boolean;
  schema: JsonSchema;
  source?: DocSource;
}

export interface RequestBodySpec {
  required: boolean;
  contentType: string;
  schema: JsonSchema;
  validate: Validator;
}

export interface CoercedParameters {
  values: Record<string, unknown>;
  issues: ValidationIssue[];
}

export interface OperationSpec<OpId extends string = string> {
  id: OpId;
  method: Method;
  pathTemplate: string;
  summary: string;
  source?: DocSource;
  scopes?: ScopeRule;
  documentedVersion?: string;
  newerThanSeeds: boolean;
  parameters: ParameterSpec[];
  requestBody?: RequestBodySpec;
  responses: ReadonlyMap<number, ResponseSpec>;
  documentedStatuses: readonly number[];
  /** Path parameters when `path` matches this operation's template, otherwise null. */
  matchPath(path: string): Record<string, string> | null;
  buildPath(params: Record<string, string>): string;
  /** Coerces raw query strings to the parameter types, applies documented defaults, validates. */
  coerceQuery(raw: Record<string, string>): CoercedParameters;
  /** Validates request headers (names lower-cased) against the documented header parameters. */
  validateRequestHeaders(headers: Record<string, string>): ValidationResult;
}

const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

function decodePointer(pointer: string): string[] {
  return pointer.replace(/^#\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function collectExtensionKeywords(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => collectExtensionKeywords(item, into));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) into.add(key);
      else collectExtensionKeywords(value, into);
    }
  }
  return into;
}

/**
 * The parsed document, read from a JSON copy named by the YAML's hash when an earlier process made
 * one: a Playwright worker then never loads the YAML parser (a tenth of a second each, and the
 * self-test starts a worker per case). The copy is only a cache: any trouble with it means parsing.
 */
function parseContractText(name: string, text: string): unknown {
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 20);
  const cached = join(tmpdir(), `ticket-conformance-contracts-${process.getuid?.() ?? 'user'}`, `${name}-${hash}.json`);
  try {
    return JSON.parse(readFileSync(cached, 'utf8')) as unknown;
  } catch {
    // not cached yet
  }
  // Loaded here, not at the top, so a cached contract never pays for the parser.
  const { parse } = require('yaml') as typeof import('yaml');
  const document = parse(text) as unknown;
  try {
    mkdirSync(dirname(cached), { recursive: true });
    const partial = `${cached}.${process.pid}`;
    writeFileSync(partial, JSON.stringify(document));
    renameSync(partial, cached); // atomic: a reader sees the whole copy or none
  } catch {
    // a read-only temp folder: parse every time
  }
  return document;
}

/** The doc sources checks took from a contract (Contract.source), rather than typed again. */
const CITED_FROM_CONTRACT = new WeakSet<DocSource>();

/** Whether a check's source was taken from its contract's x-source (one home for the sentence). */
export function citedFromContract(source: DocSource): boolean {
  return CITED_FROM_CONTRACT.has(source);
}

/**
 * A contract: one OpenAPI document, loaded once, with Ajv validators for every operation × status
 * (body and headers), request bodies and parameters. Each validator compiles on first use: a
 * Playwright worker pays for the schemas its tests meet, not for all of them (compiling every
 * one cost a self-test case's worker about a third of a second). `compileAll` compiles them at
 * once: the contract unit test calls it, so a schema Ajv's strict mode refuses fails `npm test`.
 */
export class Contract<OpId extends string = string> {
  readonly document: OpenApiDocument;
  readonly defaultVersion?: string;
  private readonly rootId: string;
  private readonly ajv;
  private readonly ops = new Map<OpId, OperationSpec<OpId>>();
  private readonly schemaValidators = new Map<string, Validator>();
  /** Every validator's compile step, for compileAll. */
  private readonly compilers: Array<() => unknown> = [];

  constructor(readonly name: string, readonly file: string, expectedOperations: readonly OpId[]) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`Contract ${name}: cannot read ${file}: ${(error as Error).message}`);
    }
    try {
      this.document = parseContractText(name, text) as OpenApiDocument;
    } catch (error) {
      throw new Error(`Contract ${name}: ${file} is not valid YAML: ${(error as Error).message}`);
    }
    if (!this.document?.openapi?.startsWith('3.1')) throw new Error(`Contract ${name}: ${file} is not an OpenAPI 3.1 document`);
    this.defaultVersion = this.document.info['x-default-version'];
    this.rootId = `https://contracts.local/${name}.json`;
    const schemas = this.document.components?.schemas ?? {};
    this.ajv = createAjv(collectExtensionKeywords(this.document, new Set()));
    this.ajv.addSchema({ $id: this.rootId, $defs: this.rewriteRefs(schemas) as JsonSchema });
    for (const schemaName of Object.keys(schemas)) {
      this.schemaValidators.set(schemaName, this.lazyValidator({ $ref: `${this.rootId}#/$defs/${schemaName}` }));
    }
    this.loadOperations();
    const missing = expectedOperations.filter((id) => !this.ops.has(id));
    if (missing.length > 0) throw new Error(`Contract ${name}: ${file} lacks operations ${missing.join(', ')}`);
  }

  operation(id: OpId): OperationSpec<OpId> {
    const op = this.ops.get(id);
    if (!op) throw new Error(`Contract ${this.name}: no operation ${id}`);
    return op;
  }

  /**
   * The doc statement a node of the document rests on (its x-source), by JSON pointer: a check
   * citing a sentence the contract already holds takes it from here, so the sentence has one home.
   */
  source(pointer: string): DocSource {
    let node: unknown = this.document;
    for (const token of pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))) {
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined;
    }
    const source = node !== null && typeof node === 'object' ? (node as { 'x-source'?: DocSource })['x-source'] : undefined;
    if (source === undefined || typeof source.sentence !== 'string') throw new Error(`Contract ${this.name}: no x-source at ${pointer} in ${this.file}`);
    const cited = { seed: source.seed, sentence: source.sentence };
    CITED_FROM_CONTRACT.add(cited);
    return cited;
  }

  /** Every sentence the document rests on (each x-source, once per node). */
  sources(): DocSource[] {
    const found: DocSource[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node !== null && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'x-source' && value !== null && typeof value === 'object' && typeof (value as DocSource).sentence === 'string') found.push(value as DocSource);
          else walk(value);
        }
      }
    };
    walk(this.document);
    return found;
  }

  operations(): OperationSpec<OpId>[] {
    return [...this.ops.values()];
  }

  /** The operation serving `method path`, with its path parameters. */
  route(method: string, path: string): { operation: OperationSpec<OpId>; pathParams: Record<string, string> } | null {
    for (const operation of this.ops.values()) {
      if (operation.method !== method.toUpperCase()) continue;
      const pathParams = operation.matchPath(path);
      if (pathParams) return { operation, pathParams };
    }
    return null;
  }

  /** Operations whose path template matches `path`, whatever their method (for 405 answers). */
  methodsFor(path: string): Method[] {
    return this.operations().filter((op) => op.matchPath(path)).map((op) => op.method);
  }

  schemaNames(): string[] {
    return Object.keys(this.document.components?.schemas ?? {});
  }

  /** Validates a value against a named component schema. */
  validate(schemaName: string, value: unknown): ValidationResult {
    const validator = this.schemaValidators.get(schemaName);
    if (!validator) throw new Error(`Contract ${this.name}: no schema ${schemaName}`);
    return validator(value);
  }

  /** A component schema with every $ref inlined: what generators walk. */
  schema(schemaName: string): JsonSchema {
    const schema = this.document.components?.schemas?.[schemaName];
    if (!schema) throw new Error(`Contract ${this.name}: no schema ${schemaName}`);
    return this.inline(schema) as JsonSchema;
  }

  /**
   * A parameter's schema with its own `$ref` resolved to the component schema; anything else as
   * is (a filter parameter's content schema may be recursive, and nothing here needs it inlined).
   */
  parameterSchema(schema: JsonSchema): JsonSchema {
    const name = typeof schema.$ref === 'string' ? SCHEMA_REF.exec(schema.$ref)?.[1] : undefined;
    return name === undefined ? schema : this.schema(name);
  }

  /** Inlines component-schema references (the contracts have no recursive schemas). */
  inline(node: unknown, depth = 0): unknown {
    if (depth > 32) throw new Error(`Contract ${this.name}: schema nesting too deep (recursive $ref?)`);
    if (Array.isArray(node)) return node.map((item) => this.inline(item, depth + 1));
    if (node && typeof node === 'object') {
      if (isReference(node)) {
        const match = SCHEMA_REF.exec(node.$ref);
        if (match?.[1]) return this.inline(this.document.components?.schemas?.[match[1]], depth + 1);
      }
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, this.inline(v, depth + 1)]));
    }
    return node;
  }

  private rewriteRefs(node: unknown): unknown {
    if (Array.isArray(node)) return node.map((item) => this.rewriteRefs(item));
    if (node && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node).map(([key, value]) => {
          if (key === '$ref' && typeof value === 'string') {
            const match = SCHEMA_REF.exec(value);
            if (!match) throw new Error(`Contract ${this.name}: unsupported schema $ref ${value}`);
            return [key, `${this.rootId}#/$defs/${match[1]}`];
          }
          return [key, this.rewriteRefs(value)];
        }),
      );
    }
    return node;
  }

  /** Resolves a non-schema reference (#/components/responses/X and the like). */
  private deref<T>(value: T | Reference): T {
    if (!isReference(value)) return value;
    let node: unknown = this.document;
    for (const segment of decodePointer(value.$ref)) node = (node as Record<string, unknown> | undefined)?.[segment];
    if (node === undefined) throw new Error(`Contract ${this.name}: dangling $ref ${value.$ref}`);
    return this.deref(node as T | Reference);
  }

  /** Compiles every validator now (see the class comment); throws what Ajv throws. */
  compileAll(): void {
    for (const compile of this.compilers) compile();
  }

  private compileSchema(schema: JsonSchema): Validator {
    return this.lazyValidator(this.rewriteRefs(schema) as JsonSchema);
  }

  private lazyValidator(schema: JsonSchema): Validator {
    let compiled: Validator | undefined;
    const compile = (): Validator => (compiled ??= toValidator(this.ajv.compile(schema)));
    this.compilers.push(compile);
    return (value) => compile()(value);
  }

  private loadOperations(): void {
    for (const [pathTemplate, item] of Object.entries(this.document.paths)) {
      const shared = (item.parameters ?? []).map((p) => this.deref(p));
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (!op) continue;
        const spec = this.buildOperation(pathTemplate, method.toUpperCase() as Method, op, shared);
        if (this.ops.has(spec.id)) throw new Error(`Contract ${this.name}: duplicate operationId ${spec.id}`);
        this.ops.set(spec.id, spec);
      }
    }
  }

  private buildOperation(pathTemplate: string, method: Method, op: OperationObject, shared: ParameterObject[]): OperationSpec<OpId> {
    const own = (op.parameters ?? []).map((p) => this.deref(p));
    const byKey = new Map<string, ParameterObject>();
    for (const p of [...shared, ...own]) byKey.set(`${p.in}:${p.name.toLowerCase()}`, p);
    const parameters: ParameterSpec[] = [...byKey.values()].map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required ?? false,
      schema: p.schema,
      source: p['x-source'],
    }));

    const responses = new Map<number, ResponseSpec>();
    for (const [code, raw] of Object.entries(op.responses)) {
      const status = Number(code);
      if (!Number.isInteger(status)) throw new Error(`Contract ${this.name}: ${op.operationId} has non-numeric response ${code}`);
      responses.set(status, this.buildResponse(status, this.deref<ResponseObject>(raw)));
    }

    let requestBody: RequestBodySpec | undefined;
    if (op.requestBody) {
      const [contentType, media] = Object.entries(op.requestBody.content)[0] ?? [];
      if (!contentType || !media?.schema) throw new Error(`Contract ${this.name}: ${op.operationId} request body has no schema`);
      requestBody = {
        required: op.requestBody.required ?? false,
        contentType,
        schema: media.schema,
        validate: this.compileSchema(media.schema),
      };
    }

    const names: string[] = [];
    const pattern = new RegExp(
      '^' +
        pathTemplate.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name: string) => {
          names.push(name);
          return '([^/]+)';
        }) +
        '$',
    );
    const queryParams = parameters.filter((p) => p.in === 'query');
    const headerParams = parameters.filter((p) => p.in === 'header');
    const queryValidator = this.compileSchema(objectSchemaOf(queryParams, false));
    const headerValidator = this.compileSchema(objectSchemaOf(headerParams, true));

    return {
      id: op.operationId as OpId,
      method,
      pathTemplate,
      summary: op.summary ?? op.operationId,
      source: op['x-source'],
      scopes: op['x-scopes'],
      documentedVersion: op['x-documented-version'],
      newerThanSeeds: op['x-newer-than-seeds'] ?? false,
      parameters,
      requestBody,
      responses,
      documentedStatuses: [...responses.keys()].sort((a, b) => a - b),
      matchPath(path) {
        const match = pattern.exec(path);
        if (!match) return null;
        const params: Record<string, string> = {};
        try {
          names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1] ?? '')));
        } catch {
          return null; // a malformed percent-escape is not a path this operation serves
        }
        return params;
      },
      buildPath(params) {
        return pathTemplate.replace(/\{([^}]+)\}/g, (_m, name: string) => {
          const value = params[name];
          if (value === undefined) throw new Error(`buildPath ${op.operationId}: missing path parameter ${name}`);
          return encodeURIComponent(value);
        });
      },
      coerceQuery(raw) {
        const values: Record<string, unknown> = {};
        const issues: ValidationIssue[] = [];
        for (const p of queryParams) {
          const text = raw[p.name];
          if (text === undefined) {
            if (p.schema.default !== undefined) values[p.name] = p.schema.default;
            continue;
          }
          const coerced = coerceScalar(text, p.schema.type);
          if (coerced === undefined) issues.push({ field: p.name, keyword: 'type', message: `${p.name}: must be ${String(p.schema.type)}` });
          else values[p.name] = coerced;
        }
        const result = queryValidator(values);
        return { values, issues: [...issues, ...result.issues] };
      },
      validateRequestHeaders(headers) {
        const present: Record<string, string> = {};
        for (const p of headerParams) {
          const value = headers[p.name.toLowerCase()];
          if (value !== undefined) present[p.name.toLowerCase()] = value;
        }
        return headerValidator(present);
      },
    };
  }

  private buildResponse(status: number, response: ResponseObject): ResponseSpec {
    const headers: HeaderSpec[] = Object.entries(response.headers ?? {}).map(([name, raw]) => {
      const header = this.deref<HeaderObject>(raw);
      return { name: name.toLowerCase(), required: header.required ?? false, schema: header.schema, source: header['x-source'] };
    });
    const [contentType, media] = Object.entries(response.content ?? {})[0] ?? [];
    return {
      status,
      description: response.description,
      source: response['x-source'],
      contentType,
      bodySchema: media?.schema,
      validateBody: media?.schema ? this.compileSchema(media.schema) : undefined,
      headers,
      validateHeaders: this.compileSchema({
        type: 'object',
        required: headers.filter((h) => h.required).map((h) => h.name),
        properties: Object.fromEntries(headers.map((h) => [h.name, h.schema])),
      }),
    };
  }
}

function objectSchemaOf(params: ParameterSpec[], lowerCaseNames: boolean): JsonSchema {
  const name = (p: ParameterSpec) => (lowerCaseNames ? p.name.toLowerCase() : p.name);
  return {
    type: 'object',
    required: params.filter((p) => p.required).map(name),
    properties: Object.fromEntries(params.map((p) => [name(p), p.schema])),
  };
}

/** Query strings are text: turn them into the documented scalar type, or undefined if they aren't one. */
function coerceScalar(text: string, type: unknown): unknown {
  switch (type) {
    case 'integer':
      return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
    case 'number':
      return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    default:
      return text;
  }
}

export { issuesFrom };
