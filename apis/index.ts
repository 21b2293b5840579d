import type { ApiDescriptor } from './descriptor';
import { apiNamed, apiOf, checkRegistry } from './lookup';
import { moovApi } from './moov';
import { sdkApi } from './sdk';
import { teamworkDeskApi } from './teamwork-desk';

/**
 * The APIs the suite judges: the one list. Each entry is the API's descriptor (its folder under
 * apis/); adding an API is adding its folder and a line here.
 */
export const APIS = [moovApi, teamworkDeskApi, sdkApi] as const satisfies readonly ApiDescriptor[];

export type ApiName = (typeof APIS)[number]['name'];

/** Every check of every API, by id. */
export const registry = checkRegistry(APIS);

/** The calibrations of the APIs that have silent points to calibrate. */
export const CALIBRATIONS = APIS.flatMap((a) => (a.calibration ? [a.calibration] : []));

/** The suite's API of that name. */
export function api(name: string): ApiDescriptor {
  return apiNamed(APIS, name);
}

/** The suite's API a project judges, if any. */
export function apiOfSuiteProject(project: string): ApiDescriptor | undefined {
  return apiOf(APIS, project);
}
