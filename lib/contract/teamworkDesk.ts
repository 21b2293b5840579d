import { resolve } from 'node:path';
import { Contract } from './loadContract';

/** The operations the Teamwork Desk contract must define; code refers to them by these ids. */
export const TEAMWORK_DESK_OPERATIONS = ['listTickets'] as const;
export type TeamworkDeskOperationId = (typeof TEAMWORK_DESK_OPERATIONS)[number];

export const TEAMWORK_DESK_CONTRACT_FILE = resolve(__dirname, '../../schemas/teamwork-desk/openapi.yaml');

let loaded: Contract<TeamworkDeskOperationId> | undefined;

/** The Teamwork Desk contract, loaded and compiled once per process. */
export function teamworkDeskContract(): Contract<TeamworkDeskOperationId> {
  loaded ??= new Contract<TeamworkDeskOperationId>('teamwork-desk', TEAMWORK_DESK_CONTRACT_FILE, TEAMWORK_DESK_OPERATIONS);
  return loaded;
}
