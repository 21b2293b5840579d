import { closeCloses } from './closeCloses';
import { closeVisible } from './closeVisible';
import { createdTicketListed } from './createdTicketListed';
import { createEchoesInput } from './createEchoesInput';
import { defaultPageSize } from './defaultPageSize';
import { emptyUpdateKeepsData } from './emptyUpdateKeepsData';
import { getMatchesCreate } from './getMatchesCreate';
import { invalidInputRefused } from './invalidInputRefused';
import { blankRequiredRefused, doubtfulInputRefused, malformedEmailRefused } from './lenientInputAdvisories';
import { malformedJsonRefused } from './malformedJsonRefused';
import { modelAgreement } from './modelAgreement';
import { noNextPageAtEnd } from './noNextPageAtEnd';
import { offendingFieldNamed } from './offendingFieldNamed';
import { onlyClosedAccepted } from './onlyClosedAccepted';
import { otherAccountTicketHidden } from './otherAccountTicketHidden';
import { pageCountRespected } from './pageCountRespected';
import { readAfterWriteLag } from './readAfterWriteLag';
import { requestIdUnique } from './requestIdUnique';
import { moovResponseChecks } from './response';
import { documentedScopeAllowed, missingScopeDenied, profileScopeRequired } from './scopeRules';
import { shortPageWithNext } from './shortPageWithNext';
import { statusFilterComplete } from './statusFilterComplete';
import { statusFilterOnly } from './statusFilterOnly';
import { closedHasClosedOn, updatedNotBeforeCreated } from './ticketSemantics';
import { invalidCredentialsRefused, missingCredentialsRefused } from './unauthenticatedRefused';
import { unknownTicketNotFound } from './unknownTicketNotFound';
import { unreachableAccountRefused } from './unreachableAccountRefused';
import { configuredVersionServed, documentedVersionServed, versionHeaderOptional } from './versionHeaderOptional';
import { closeTimestampsConsistent } from './closeTimestamps';
import { foreignCursorContained } from './foreignCursorContained';
import { walkNoDuplicates } from './walkNoDuplicates';
import { walkNoGaps } from './walkNoGaps';
import { moovBoundaryChecks } from './boundaries';
import { existenceNotLeaked } from './existenceNotLeaked';
import { oversizedInputRefused } from './oversizedInputRefused';
import { parallelCreatesPersist } from './parallelCreatesPersist';
import { parallelClosesAnswered } from './parallelClosesAnswered';
import { parallelReadsServed } from './parallelReadsServed';
import { valuesStoredExactly } from './valuesStoredExactly';
import { writeTouchesOnlyTarget } from './writeTouchesOnlyTarget';

/** Every Moov check, by the name specs use. Registered once, through its API's descriptor (apis/index.ts `registry`). */
export const moovChecks = {
  ...moovResponseChecks,
  requestIdUnique,
  invalidInputRefused,
  malformedJsonRefused,
  offendingFieldNamed,
  pageCountRespected,
  defaultPageSize,
  statusFilterOnly,
  statusFilterComplete,
  walkNoDuplicates,
  walkNoGaps,
  noNextPageAtEnd,
  shortPageWithNext,
  getMatchesCreate,
  unknownTicketNotFound,
  otherAccountTicketHidden,
  unreachableAccountRefused,
  createEchoesInput,
  createdTicketListed,
  closeCloses,
  closeVisible,
  onlyClosedAccepted,
  emptyUpdateKeepsData,
  missingCredentialsRefused,
  invalidCredentialsRefused,
  documentedScopeAllowed,
  missingScopeDenied,
  profileScopeRequired,
  versionHeaderOptional,
  configuredVersionServed,
  documentedVersionServed,
  closeTimestampsConsistent,
  foreignCursorContained,
  modelAgreement,
  closedHasClosedOn,
  updatedNotBeforeCreated,
  blankRequiredRefused,
  malformedEmailRefused,
  doubtfulInputRefused,
  readAfterWriteLag,
  existenceNotLeaked,
  oversizedInputRefused,
  ...moovBoundaryChecks,
  parallelCreatesPersist,
  parallelClosesAnswered,
  parallelReadsServed,
  valuesStoredExactly,
  writeTouchesOnlyTarget,
} as const;
