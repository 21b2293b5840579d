import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { describeApi } from '../../../../apis/descriptor';
import type { AnyCheck, Check } from '../../../../checks/check';
import { ConfigError, valueOf } from '../../../../lib/config/configError';
import { Contract } from '../../../../lib/contract/loadContract';
import { secrets } from '../../../../lib/redaction/secrets';
import type { MockServer, TargetKind } from '../../../../lib/targets';
import type { LoggedRequest } from '../../../../lib/http/loggedRequest';

/**
 * A third API, made up, described the way apis/<api>/index.ts describes the suite's own: a
 * contract, one check, a tiny mock (with one fault), its settings and self-test cases. Nothing in
 * the shared code knows it; specs/unit/third-api.spec.ts hands it to the shared code in a list.
 */
let contract: Contract<'listWidgets'> | undefined;
export const widgetsContract = (): Contract<'listWidgets'> => (contract ??= new Contract('widgets', resolve(__dirname, 'openapi.yaml'), ['listWidgets']));

/** What the one check judges: the status and body of a list. */
export interface WidgetList {
  status: number;
  body: unknown;
}

export const widgetsListed: Check<WidgetList> = {
  id: 'WID-LST-001',
  title: 'widgets not listed as an array',
  api: 'widgets',
  severity: 'error',
  source: widgetsContract().source('/paths/~1widgets/get/responses/200'),
  detects: 'a list whose widgets are not an array',
  triggers: 'GET /widgets',
  requests: 'none',
  operations: ['listWidgets'],
  statuses: [200],
  evaluate: ({ status, body }) =>
    status === 200 && !Array.isArray((body as { widgets?: unknown } | null)?.widgets) ? [{ expected: 'widgets: an array', received: JSON.stringify(body) }] : [],
};

/** Its settings: WIDGETS_BASE_URL (unset: the mock at WIDGETS_MOCK_URL) and WIDGETS_API_KEY. */
export const widgetsTarget: TargetKind = {
  name: 'widgets',
  baseUrlVariable: 'WIDGETS_BASE_URL',
  mockUrlVariable: 'WIDGETS_MOCK_URL',
  resolve: (env) => {
    secrets.addFromEnv(env);
    const live = valueOf(env, 'WIDGETS_BASE_URL');
    const key = valueOf(env, 'WIDGETS_API_KEY');
    if (key === undefined) throw new ConfigError('WIDGETS_API_KEY', 'is required: the key widgets are listed with');
    const url = live ?? valueOf(env, 'WIDGETS_MOCK_URL');
    if (url === undefined) throw new ConfigError('WIDGETS_MOCK_URL', 'is unset: global setup starts the widgets mock and sets it');
    return { kind: live ? 'live' : 'mock', requestTimeoutMs: 5_000, health: { url: `${url}/widgets`, headers: { authorization: `Bearer ${key}` } } };
  },
};

/** The tiny mock: GET /widgets with the key; WIDGETS_MOCK_FAULTS=widgets-as-object breaks WID-LST-001. */
export const widgetsMock: MockServer = {
  size: { variable: 'WIDGETS_MOCK_SEED', default: 3 },
  cleanSettings: ['WIDGETS_MOCK_FAULTS'],
  portVariable: 'WIDGETS_MOCK_PORT',
  liveTargetEnv: (env, url) => ({ WIDGETS_BASE_URL: url, WIDGETS_API_KEY: valueOf(env, 'WIDGETS_API_KEY') ?? '' }),
  start: async (env, port = 0) => {
    const key = valueOf(env, 'WIDGETS_API_KEY') ?? '';
    const count = Number(valueOf(env, 'WIDGETS_MOCK_SEED') ?? 3);
    const faulty = (valueOf(env, 'WIDGETS_MOCK_FAULTS') ?? '') === 'widgets-as-object';
    const served: LoggedRequest[] = [];
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const [path = '', query = ''] = (req.url ?? '').split('?');
      const at = new Date().toISOString();
      const ok = req.headers.authorization === `Bearer ${key}`;
      const widgets = Array.from({ length: count }, (_, i) => ({ id: i + 1 }));
      const [status, body] = !ok ? [401, { error: 'unauthorized' }] : [200, { widgets: faulty ? Object.fromEntries(widgets.map((w) => [w.id, w])) : widgets }];
      served.push({ at, method: req.method ?? 'GET', path, query, headers: {}, status, violations: [] });
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      url,
      log: { all: () => served },
      authorization: `Bearer ${key}`,
      asLiveTarget: () => widgetsMock.liveTargetEnv(env, url),
      describe: () => [`Widgets mock listening on ${url}`],
      close: () => new Promise<void>((r) => server.close(() => r())),
    };
  },
};

export const widgetsApi = describeApi({
  name: 'widgets',
  title: 'Widgets',
  catalogueHeading: 'Widgets (project `widgets`)',
  contract: widgetsContract,
  target: widgetsTarget,
  mock: widgetsMock,
  checks: [widgetsListed as AnyCheck],
  responseCheckIds: [],
  projects: () => [{ name: 'widgets', testDir: './specs/widgets' }],
  selfTest: {
    faults: [{ name: 'widgets-as-object', env: { WIDGETS_MOCK_FAULTS: 'widgets-as-object' }, expect: ['WID-LST-001'] }],
    variants: [{ name: 'more widgets', env: { WIDGETS_MOCK_SEED: '7' } }],
  },
  largeSeed: 1000,
  bench: { sizes: ['default'], targets: [] },
});
