import { afterEach, describe, expect, it, vi } from 'vitest';
import { readEnvironment } from '../../src/platform/node.js';

// Deno without --allow-env throws NotCapable on every read of process.env (found by the runtime
// matrix: an Entra credential's getToken rejected because the logger read AZURE_LOG_LEVEL).

describe('readEnvironment (Node platform)', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('reads a variable', () => {
    vi.stubEnv('ACS_COMMON_TEST_VARIABLE', 'value');
    expect(readEnvironment('ACS_COMMON_TEST_VARIABLE')).toBe('value');
  });

  it('answers undefined where reading the environment throws, as in Deno without --allow-env', () => {
    const original = Object.getOwnPropertyDescriptor(process, 'env') as PropertyDescriptor;
    Object.defineProperty(process, 'env', {
      configurable: true,
      get() {
        throw Object.assign(new Error('Requires env access to "AZURE_LOG_LEVEL"'), { name: 'NotCapable' });
      },
    });
    try {
      expect(readEnvironment('AZURE_LOG_LEVEL')).toBeUndefined();
    } finally {
      Object.defineProperty(process, 'env', original);
    }
  });
});
