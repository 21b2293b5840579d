import { AS_DOCUMENTED } from '../asDocumented';
import type { Tamper } from '../context';
import type { MoovMockSettings } from '../settings';
import { AUTH_FAULTS } from './auth';
import { BOUNDARY_FAULTS } from './boundaries';
import { ERROR_FAULTS } from './errors';
import type { Fault } from './fault';
import { HEADER_FAULTS } from './headers';
import { NEIGHBOUR_FAULTS } from './neighbours';
import { PAGINATION_FAULTS } from './pagination';
import { PARALLEL_FAULTS } from './parallel';
import { SCHEMA_FAULTS } from './schema';
import { SCOPE_FAULTS } from './scopes';
import { SEMANTIC_FAULTS } from './semantics';
import { STATE_FAULTS } from './state';
import { VALUE_FAULTS } from './values';
import { VERSION_FAULTS } from './versions';

/**
 * Named deviations from the contract, switched on with MOCK_FAULTS=name,name for the suite's
 * self-test. Each one breaks exactly one documented promise; the self-test proves the `moov`
 * project notices every one of them. Each family's file holds its entries and their deviations,
 * applied at the correct code's seams (context.ts, Tamper): the handlers show the documented
 * behaviour only.
 */
export const FAULTS = {
  ...SCHEMA_FAULTS,
  ...HEADER_FAULTS,
  ...PAGINATION_FAULTS,
  ...AUTH_FAULTS,
  ...SCOPE_FAULTS,
  ...ERROR_FAULTS,
  ...STATE_FAULTS,
  ...VERSION_FAULTS,
  ...SEMANTIC_FAULTS,
  ...BOUNDARY_FAULTS,
  ...PARALLEL_FAULTS,
  ...VALUE_FAULTS,
  ...NEIGHBOUR_FAULTS,
} satisfies Record<string, Fault>;

export type FaultName = keyof typeof FAULTS;
export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

/** The seams with the `faults` that are on, fresh for one mock (in catalogue order, each over the ones before). */
export function tamperFor(faults: ReadonlySet<FaultName>, settings: MoovMockSettings): Tamper {
  let tamper = AS_DOCUMENTED;
  for (const name of FAULT_NAMES) {
    const fault: Fault = FAULTS[name];
    if (faults.has(name)) tamper = over(tamper, fault.deviation(settings));
  }
  return tamper;
}

/** A seam as composing sees it: every seam takes the value it may change first and returns one. */
type Seam = (value: unknown, ...context: unknown[]) => unknown;

/** `tamper` with each seam of `deviation` applied to what `tamper`'s returns. */
function over(tamper: Tamper, deviation: Partial<Tamper>): Tamper {
  // The seams differ in type but share that shape, so one composition serves them all.
  const inner = tamper as unknown as Record<string, Seam>;
  const composed: Record<string, Seam> = { ...inner };
  for (const [name, outer] of Object.entries(deviation as unknown as Record<string, Seam | undefined>)) {
    const first = inner[name];
    if (outer && first) composed[name] = (value, ...context) => outer(first(value, ...context), ...context);
  }
  return composed as unknown as Tamper;
}
