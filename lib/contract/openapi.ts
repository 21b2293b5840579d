/** The subset of OpenAPI 3.1 this project reads. Extensions (`x-*`) are typed where code uses them. */

export type JsonSchema = { [keyword: string]: unknown };

/** Where a contract node comes from: a seed page (or notes file) and the sentence it rests on. */
export interface DocSource {
  seed: string;
  sentence: string;
}

export interface Reference {
  $ref: string;
}

export interface HeaderObject {
  description?: string;
  required?: boolean;
  schema: JsonSchema;
  'x-source'?: DocSource;
}

export interface MediaTypeObject {
  schema?: JsonSchema;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject | Reference>;
  content?: Record<string, MediaTypeObject>;
  'x-source'?: DocSource;
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema: JsonSchema;
  'x-source'?: DocSource;
}

export interface RequestBodyObject {
  required?: boolean;
  content: Record<string, MediaTypeObject>;
}

/** Both forms of scope the pages give for an operation. */
export interface ScopeRule {
  own: string[];
  partner: string[];
  'x-source': DocSource;
}

export interface OperationObject {
  operationId: string;
  summary?: string;
  description?: string;
  parameters?: Array<ParameterObject | Reference>;
  requestBody?: RequestBodyObject;
  responses: Record<string, ResponseObject | Reference>;
  security?: Array<Record<string, string[]>>;
  'x-source'?: DocSource;
  'x-scopes'?: ScopeRule;
  'x-documented-version'?: string;
  'x-newer-than-seeds'?: boolean;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItemObject = {
  parameters?: Array<ParameterObject | Reference>;
} & Partial<Record<HttpMethod, OperationObject>>;

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string; 'x-default-version'?: string; 'x-source'?: DocSource };
  paths: Record<string, PathItemObject>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    responses?: Record<string, ResponseObject>;
    parameters?: Record<string, ParameterObject>;
    headers?: Record<string, HeaderObject>;
    securitySchemes?: Record<string, unknown>;
  };
}

export function isReference(value: unknown): value is Reference {
  return typeof value === 'object' && value !== null && typeof (value as Reference).$ref === 'string';
}
