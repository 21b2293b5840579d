import { teamworkDeskChecks as C } from '../../checks/teamwork-desk';
import type { ParameterErrorEvidence } from '../../checks/teamwork-desk/invalidParameterRefused';
import type { Check } from '../../checks/check';
import { verify } from '../../checks/verify';
import { parameterProbes } from '../../generators/parameterProbes';
import { teamworkDeskContract } from '../../lib/contract/teamworkDesk';
import { invalidFilterJson } from '../../generators/teamwork-desk/invalidFilterJson';
import { unknownFieldFilter } from '../../generators/teamwork-desk/unknownFieldFilter';
import { unknownName } from '../../generators/teamwork-desk/unknownName';
import { observeValues } from '../../lib/teamworkDesk/observed';
import { ticketVocabulary } from '../../lib/teamworkDesk/vocabulary';
import { covers } from '../support/outcomes';
import { checkProperty } from '../support/property';
import type { TeamworkDeskApi } from './support/api';
import { test } from './support/fixtures';

async function refused(api: TeamworkDeskApi, check: Check<ParameterErrorEvidence>, parameter: string, query: Record<string, string>, mutation: string): Promise<void> {
  const response = await api.call(query, 'invalid-input');
  verify(check, { ...response, intent: 'invalid-input', parameter, mutation }, { operation: 'listTickets', status: response.status });
}

test.describe('invalid parameters', () => {
  test('invalid filter JSON is a 400 naming filter', covers(C.invalidFilterJsonRefused), async ({ teamworkDesk }, testInfo) => {
    for (const text of ['{', '{"id":', 'not json', "{'id': 1}", '{"id": 1,}']) {
      await refused(teamworkDesk, C.invalidFilterJsonRefused, 'filter', { filter: text }, `filter ${JSON.stringify(text)}`);
    }
    await checkProperty(testInfo, invalidFilterJson({ fields: ticketVocabulary().filter.fields }), async (text) => {
      await refused(teamworkDesk, C.invalidFilterJsonRefused, 'filter', { filter: text }, `filter ${JSON.stringify(text)}`);
    }, { scale: 0.5 });
  });

  test('an unknown filter field is a 400 naming filter, at the top and nested', covers(C.unknownFilterFieldRefused), async ({ teamworkDesk }, testInfo) => {
    const { tickets } = await teamworkDesk.survey();
    const [field, values] = [...observeValues(tickets)][0] ?? [];
    const companion = field === undefined ? {} : { [field]: values?.[0] };
    const fixed: Array<[Record<string, unknown>, string]> = [
      [{ notAFilterField: 1 }, 'unknown field notAFilterField at the top'],
      [{ ...companion, notAFilterField: 1 }, 'unknown field notAFilterField beside a valid condition'],
      [{ $or: [companion, { notAFilterField: 1 }] }, 'unknown field notAFilterField inside $or'],
      [{ $and: [{ $or: [{ notAFilterField: 1 }] }] }, 'unknown field notAFilterField two levels down'],
    ];
    for (const [filter, mutation] of fixed) await refused(teamworkDesk, C.unknownFilterFieldRefused, 'filter', { filter: JSON.stringify(filter) }, mutation);
    await checkProperty(testInfo, unknownFieldFilter({ companion }), async ({ filter, field: name, nested }) => {
      await refused(teamworkDesk, C.unknownFilterFieldRefused, 'filter', { filter: JSON.stringify(filter) }, `unknown field ${name}${nested ? ' (nested)' : ''}`);
    }, { scale: 0.5 });
  });

  test('an unknown orderBy value is a 400 naming orderBy', covers(C.unknownOrderByRefused), async ({ teamworkDesk }, testInfo) => {
    const known = ticketVocabulary().orderBy;
    for (const value of ['notAnOrder', 'users.password']) {
      await refused(teamworkDesk, C.unknownOrderByRefused, 'orderBy', { orderBy: value }, `orderBy ${value}`);
    }
    await checkProperty(testInfo, unknownName({ known, dotted: true }), async (value) => {
      await refused(teamworkDesk, C.unknownOrderByRefused, 'orderBy', { orderBy: value }, `orderBy ${value}`);
    }, { scale: 0.5 });
  });
});

test.describe('every documented parameter', () => {
  test('invalid and boundary values of every query parameter are refused, never a 5xx', covers(C.invalidValueRefused), async ({ teamworkDesk }) => {
    const contract = teamworkDeskContract();
    for (const probe of parameterProbes(contract.operation('listTickets').parameters, (schema) => contract.parameterSchema(schema))) {
      const response = await teamworkDesk.call({ pageSize: 5, [probe.parameter]: probe.value }, 'invalid-input');
      // Doubtful and open values: the response checks above are the whole judgement (no 5xx, a 2xx conforms).
      if (probe.kind === 'invalid') verify(C.invalidValueRefused, { ...response, intent: 'invalid-input', mutation: probe.what }, { operation: 'listTickets', status: response.status });
    }
  });
});
