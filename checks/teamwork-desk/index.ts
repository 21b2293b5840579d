import { basicKeyAccepted, missingKeyRefused, wrongKeyRefused } from './credentials';
import { filterComplete } from './filterComplete';
import { filterOnlyMatches } from './filterOnlyMatches';
import { filterSplits } from './filterSplits';
import { invalidFilterJsonRefused, unknownFilterFieldRefused, unknownOrderByRefused } from './invalidParameterRefused';
import { invalidValueRefused } from './invalidValueRefused';
import { orderHolds } from './orderHolds';
import { pageLengthAgrees } from './pageLengthAgrees';
import { pageSizeRespected } from './pageSizeRespected';
import { paginationConsistent } from './paginationConsistent';
import { referencesResolve } from './referencesResolve';
import { teamworkDeskResponseChecks } from './response';
import { walkNoDuplicates } from './walkNoDuplicates';
import { walkYieldsRecords } from './walkYieldsRecords';
import { teamworkDeskBoundaryChecks } from './boundaries';

// The pages document no response header, so there is no header check to register.
const { headersPresent: _noHeaderCheck, ...responseChecks } = teamworkDeskResponseChecks;

/** Every Teamwork Desk check, by the name specs use. Registered once, through its API's descriptor (apis/index.ts `registry`). */
export const teamworkDeskChecks = {
  ...responseChecks,
  paginationConsistent,
  pageLengthAgrees,
  pageSizeRespected,
  walkNoDuplicates,
  walkYieldsRecords,
  filterOnlyMatches,
  filterComplete,
  filterSplits,
  orderHolds,
  referencesResolve,
  invalidFilterJsonRefused,
  unknownFilterFieldRefused,
  unknownOrderByRefused,
  invalidValueRefused,
  missingKeyRefused,
  wrongKeyRefused,
  basicKeyAccepted,
  ...teamworkDeskBoundaryChecks,
} as const;
