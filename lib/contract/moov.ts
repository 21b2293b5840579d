import { resolve } from 'node:path';
import { Contract } from './loadContract';

/** The operations the Moov contract must define; code refers to them by these ids. */
export const MOOV_OPERATIONS = ['createAccessToken', 'listTickets', 'createTicket', 'getTicket', 'updateTicket', 'listTicketMessages'] as const;
export type MoovOperationId = (typeof MOOV_OPERATIONS)[number];

export const MOOV_CONTRACT_FILE = resolve(__dirname, '../../schemas/moov/openapi.yaml');

let loaded: Contract<MoovOperationId> | undefined;

/** The Moov contract, loaded and compiled once per process. */
export function moovContract(): Contract<MoovOperationId> {
  loaded ??= new Contract<MoovOperationId>('moov', MOOV_CONTRACT_FILE, MOOV_OPERATIONS);
  return loaded;
}
