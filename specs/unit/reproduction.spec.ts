import { expect, test } from '@playwright/test';
import { APIS } from '../../apis';
import { allTargets } from '../../apis/lookup';
import { documentedSettings } from '../../lib/config/documented';
import { embeddedMockRestart, reproductionEnv } from '../../lib/config/reproduction';

test.describe('reproduction commands', () => {
  test('carry the shaping settings .env.example documents, for every kind of target, and nothing else', () => {
    const env = {
      MOOV_BASE_URL: 'https://sandbox.example.com',
      ALLOW_WRITES: 'true',
      TEAMWORK_DESK_ALLOWED_HOSTS: 'desk.example.com',
      CONFORMANCE_RUNS: '5',
      MOCK_WEATHER: 'gateway,seed=7',
      TEAMWORK_DESK_MOCK_FAULTS: 'page-gap',
      // Not shaping, or not the suite's: never carried.
      MOOV_SECRET_KEY: 'sk_live_123456789',
      MOOV_API_VERSIONS: 'v2024.01.00',
      OPENAI_BASE_URL: 'https://elsewhere.example.com',
    };
    expect(reproductionEnv(env)).toBe('MOOV_BASE_URL=https://sandbox.example.com ALLOW_WRITES=true TEAMWORK_DESK_ALLOWED_HOSTS=desk.example.com CONFORMANCE_RUNS=5 MOCK_WEATHER=gateway,seed=7 TEAMWORK_DESK_MOCK_FAULTS=page-gap ');
    expect(reproductionEnv(env, 'mock')).toBe('CONFORMANCE_RUNS=5 MOCK_WEATHER=gateway,seed=7 TEAMWORK_DESK_MOCK_FAULTS=page-gap ');
  });

  test("an embedded mock's request comes with the command that brings that mock back on its port", () => {
    const mocks = { MOOV_MOCK_URL: 'http://127.0.0.1:4444', TEAMWORK_DESK_MOCK_URL: 'http://127.0.0.1:4567', MOCK_FAULTS: 'page-gap' };
    expect(embeddedMockRestart('http://127.0.0.1:4444/accounts/a/tickets', mocks)).toBe('MOCK_FAULTS=page-gap MOCK_PORT=4444 npm run mock &');
    expect(embeddedMockRestart('http://127.0.0.1:4567/desk/api/v2/tickets.json', mocks)).toBe('MOCK_FAULTS=page-gap TEAMWORK_DESK_MOCK_PORT=4567 npm run mock &');
    // A live target's request has nothing to bring back.
    expect(embeddedMockRestart('http://127.0.0.1:4444/accounts', { ...mocks, MOOV_BASE_URL: 'http://127.0.0.1:4444' })).toBeUndefined();
    expect(embeddedMockRestart('https://api.example.com/accounts', mocks)).toBeUndefined();
  });

  test('every kind of target is named as the reproduction reads it: a documented <PREFIX>_BASE_URL, its mock at <PREFIX>_MOCK_URL, a documented port variable', () => {
    for (const { target, mock } of allTargets(APIS)) {
      expect(documentedSettings(), target.name).toContain(target.baseUrlVariable);
      expect(target.mockUrlVariable, target.name).toBe(target.baseUrlVariable.replace(/BASE_URL$/, 'MOCK_URL'));
      expect(documentedSettings(), target.name).toContain(mock.portVariable);
      expect(embeddedMockRestart('http://127.0.0.1:4444/x', { [target.mockUrlVariable]: 'http://127.0.0.1:4444' }), target.name).toMatch(new RegExp(`(^| )${mock.portVariable}=4444 npm run mock &$`));
    }
  });
});
