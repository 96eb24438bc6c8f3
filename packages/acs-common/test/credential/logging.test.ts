import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { getLogLevel, log, setLogLevel, setLogSink } from '../../src/lib/log.js';

afterEach(() => {
  setLogSink(undefined);
  setLogLevel(undefined);
});

describe('logging', () => {
  it('is off by default and filters by level', () => {
    const lines: string[] = [];
    setLogSink((level, message) => lines.push(`${level}:${message}`));
    setLogLevel(undefined);
    log('error', 'hidden');
    setLogLevel('warning');
    log('info', 'hidden too');
    log('warning', 'shown');
    log('error', 'shown too');
    expect(lines).toEqual(['warning:shown', 'error:shown too']);
    expect(getLogLevel()).toBe('warning');
  });

  it('rejects unknown levels and non-function sinks', () => {
    expect(() => setLogLevel('loud' as never)).toThrow(TypeError);
    expect(() => setLogSink('console' as never)).toThrow(TypeError);
  });

  it('removes anything shaped like a JWT, and the secrets it is given by value, with the one placeholder', () => {
    const lines: string[] = [];
    setLogSink((_level, message) => lines.push(message));
    setLogLevel('info');
    log('info', 'token eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2ln end, key opaque-key-123', ['opaque-key-123']);
    expect(lines).toEqual(['token REDACTED end, key REDACTED']);
  });

  it('a failing sink never breaks the caller', () => {
    setLogLevel('error');
    setLogSink(() => {
      throw new Error('sink down');
    });
    expect(() => log('error', 'x')).not.toThrow();
  });

  it('honours AZURE_LOG_LEVEL and writes to stderr by default (built package)', () => {
    const result = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { AzureCommunicationTokenCredential } from 'acs-common/credential'; await new AzureCommunicationTokenCredential('opaque-token-value').getToken(); await new AzureCommunicationTokenCredential('another-opaque').getToken();",
      ],
      { encoding: 'utf8', env: { ...process.env, AZURE_LOG_LEVEL: 'warning' } },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1); // one warning per process
    expect(lines[0]).toMatch(/^acs-common:warning A token could not be decoded/);
    expect(result.stderr).not.toContain('opaque-token-value');
  });
});
