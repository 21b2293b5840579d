import type { JsonSchema } from '../contract/openapi';
import { teamworkDeskContract } from '../contract/teamworkDesk';

/**
 * What the contract says a filter and an order may name, read once from the contract: the
 * filter's fields and operators, the orderBy values and modes, and the kind of every ticket
 * field. Generators, checks and the mock all ask here, so a field added to the contract reaches
 * them without a second edit.
 */

/** How a ticket field's values compare, from its schema in the contract. */
export type FieldKind =
  /** A reference {id, type} or null: compared by the related record's numeric id. */
  | 'reference'
  /** An RFC 3339 date-time: compared as an instant. */
  | 'instant'
  | 'number'
  | 'text'
  /** Text with a closed set of values: equal or not, but its order is the server's choice. */
  | 'enum'
  | 'boolean'
  /** A list of references (tags, files, messages). */
  | 'list'
  /** The pages give no type. */
  | 'untyped';

export interface ComparisonOperator {
  name: string;
  /** $in and $nin take an array of values. */
  takesList: boolean;
}

export interface FilterVocabulary {
  /** The schema the filter parameter's JSON must match (contentSchema of the parameter). */
  schemaName: string;
  fields: readonly string[];
  /** $and, $or: keys whose value is an array of filters. */
  logical: readonly string[];
  comparisons: readonly ComparisonOperator[];
}

export interface TicketVocabulary {
  filter: FilterVocabulary;
  orderBy: readonly string[];
  orderModes: readonly string[];
  /** Every property of the contract's Ticket schema, with its kind. */
  fieldKinds: ReadonlyMap<string, FieldKind>;
  /**
   * orderBy values whose order the ticket's own value defines: a Ticket property of kind number,
   * instant or text. Relationship names and enumerations order by something the pages do not pin
   * down (a related record's display order, an internal code); dotted names are in orderKey.ts.
   */
  ownValueOrder: ReadonlyMap<string, 'number' | 'instant' | 'text'>;
}

const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

function refName(node: unknown): string | undefined {
  const ref = (node as { $ref?: unknown } | undefined)?.$ref;
  return typeof ref === 'string' ? SCHEMA_REF.exec(ref)?.[1] : undefined;
}

function typesOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];
}

export function kindOf(schema: JsonSchema): FieldKind {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const types = typesOf(schema).filter((t) => t !== 'null');
  if (types.includes('object') && props.id && props.type) return 'reference';
  if (types.includes('array')) return 'list';
  if (Array.isArray(schema.enum)) return 'enum';
  if (types.length !== 1) return 'untyped';
  switch (types[0]) {
    case 'string':
      return schema.format === 'date-time' ? 'instant' : 'text';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'untyped';
  }
}

function build(): TicketVocabulary {
  const contract = teamworkDeskContract();
  const schemas = contract.document.components?.schemas ?? {};
  const list = contract.operation('listTickets');
  const param = (name: string) => {
    const found = list.parameters.find((p) => p.name === name);
    if (!found) throw new Error(`teamwork-desk vocabulary: the contract documents no ${name} parameter`);
    return found;
  };

  const schemaName = refName(param('filter').schema.contentSchema);
  const filterSchema = schemaName ? schemas[schemaName] : undefined;
  if (!schemaName || !filterSchema) throw new Error('teamwork-desk vocabulary: the filter parameter has no contentSchema $ref');
  const filterProps = (filterSchema.properties ?? {}) as Record<string, JsonSchema>;
  const logical = Object.keys(filterProps).filter((k) => refName(filterProps[k]?.items) === schemaName);
  const fields = Object.keys(filterProps).filter((k) => !logical.includes(k));
  const conditionName = refName(filterProps[fields[0] ?? '']);
  const condition = conditionName ? schemas[conditionName] : undefined;
  if (!condition) throw new Error('teamwork-desk vocabulary: filter fields reference no condition schema');
  const comparisons = Object.entries((condition.properties ?? {}) as Record<string, JsonSchema>).map(([name, s]) => ({ name, takesList: typesOf(s).includes('array') }));

  const enumOf = (schema: JsonSchema): string[] => {
    const values = (contract.inline(schema) as JsonSchema).enum;
    if (!Array.isArray(values) || values.length === 0) throw new Error('teamwork-desk vocabulary: expected an enum');
    return values as string[];
  };

  const ticket = contract.schema('Ticket');
  const fieldKinds = new Map(Object.entries((ticket.properties ?? {}) as Record<string, JsonSchema>).map(([name, s]) => [name, kindOf(s)] as const));
  const orderBy = enumOf(param('orderBy').schema);
  const ownValueOrder = new Map<string, 'number' | 'instant' | 'text'>();
  for (const name of orderBy) {
    const kind = fieldKinds.get(name);
    if (kind === 'number' || kind === 'instant' || kind === 'text') ownValueOrder.set(name, kind);
  }
  return {
    filter: { schemaName, fields, logical, comparisons },
    orderBy,
    orderModes: enumOf(param('orderMode').schema),
    fieldKinds,
    ownValueOrder,
  };
}

let cached: TicketVocabulary | undefined;

/** The vocabulary, built once per process from the contract. */
export function ticketVocabulary(): TicketVocabulary {
  cached ??= build();
  return cached;
}
