/**
 * An undisposed proactive credential must not keep Node alive (2.5.0's timer does). Runs the
 * built package in a child process; `npm test` builds before testing.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function run(source: string) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd: process.cwd(),
    encoding: 'utf8',
    timeout: 20_000,
  });
}

const PRELUDE = `
import { AzureCommunicationTokenCredential } from 'acs-common/credential';
import { createTestToken } from 'acs-common/testing';
const token = () => createTestToken({ lifetimeInMs: 60 * 60_000 });
`;

describe('process lifetime', () => {
  it('a script that creates a proactive credential and never disposes it exits on its own', () => {
    const result = run(`${PRELUDE}
      const credential = new AzureCommunicationTokenCredential({ tokenRefresher: async () => token(), token: token(), refreshProactively: true });
      await credential.getToken();
      console.log('created');`);
    expect(result.error).toBeUndefined(); // no timeout
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe('created');
  });

  it('also when the first refresh runs from the timer (no initial token)', () => {
    const result = run(`${PRELUDE}
      new AzureCommunicationTokenCredential({ tokenRefresher: async () => token(), refreshProactively: true });
      await new Promise((resolve) => setTimeout(resolve, 50));
      console.log('created');`);
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(0);
  });

  it('a failing proactive refresh is no unhandled rejection (2.5.0 crashes Node here)', () => {
    const result = run(`${PRELUDE}
      new AzureCommunicationTokenCredential({ tokenRefresher: async () => { throw new Error('down'); }, refreshProactively: true });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      console.log('alive');`);
    expect(result.stderr).not.toMatch(/Unhandled|down/);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe('alive');
  });
});
