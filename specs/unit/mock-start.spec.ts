import { execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const ROOT = resolve(__dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

/** `npm run mock` until it has printed both "Try:" lines; the lines it printed. */
async function startMock(env: Record<string, string>): Promise<{ tries: string[]; output: string; stop(): void }> {
  const child = spawn(TSX, ['scripts/serve-mocks.ts'], { cwd: ROOT, env: { ...process.env, MOCK_PORT: '0', TEAMWORK_DESK_MOCK_PORT: '0', MOCK_FAULTS: '', MOCK_WEATHER: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const tries = await new Promise<string[]>((resolveTries, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run mock printed:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const lines = output.split('\n').filter((l) => l.startsWith('Try: '));
      if (lines.length === 2) {
        clearTimeout(timer);
        resolveTries(lines.map((l) => l.slice('Try: '.length)));
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
  });
  return { tries, output, stop: () => void child.kill() };
}

test.describe('npm run mock', () => {
  test('prints commands that work when pasted into a fresh shell', async () => {
    const mock = await startMock({});
    try {
      // A fresh shell: nothing but PATH, so no key variable is defined.
      const [moov, desk] = mock.tries.map((command) => execFileSync('sh', ['-c', command], { env: { PATH: process.env.PATH ?? '' } }).toString());
      expect(JSON.parse(moov ?? '')).toHaveProperty('items');
      expect(JSON.parse(desk ?? '')).toHaveProperty('tickets');
    } finally {
      mock.stop();
    }
  });

  test('keys from the environment are referenced, never printed', async () => {
    const mock = await startMock({ MOOV_PUBLIC_KEY: 'pk-from-env-123', MOOV_SECRET_KEY: 'sk-from-env-456' });
    try {
      expect(mock.tries[0]).toContain('"$MOOV_PUBLIC_KEY:$MOOV_SECRET_KEY"');
      expect(mock.output).not.toContain('sk-from-env-456');
      expect(mock.output).not.toContain('pk-from-env-123');
    } finally {
      mock.stop();
    }
  });
});
