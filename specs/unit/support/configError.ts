import { ConfigError } from '../../../lib/config/configError';

/** The ConfigError `fn` throws; any other outcome fails the test that asked. */
export function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
