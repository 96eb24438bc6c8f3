/**
 * No token ever appears in an error message, a log line, `JSON.stringify` or `util.inspect` of a
 * credential, across the credential scenarios.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AzureCommunicationTokenCredential } from '../../src/credential/index.js';
import { setLogLevel, setLogSink } from '../../src/lib/log.js';
import { createTestToken, ManualClock } from '../../src/testing/index.js';
import { MINUTE } from './helpers.js';

const START = Date.parse('2026-11-28T12:00:00Z');
const seen: string[] = [];
const secrets: string[] = [];

function jwt(clock: ManualClock, minutes: number): string {
  const token = createTestToken({ nowInMs: clock.now(), lifetimeInMs: minutes * MINUTE });
  secrets.push(token);
  return token;
}

function opaque(): string {
  const token = `opaque-secret-${Math.random().toString(36).slice(2)}`;
  secrets.push(token);
  return token;
}

async function capture(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (error) {
    seen.push(String(error), inspect(error), JSON.stringify(error) ?? '');
    if (error instanceof Error && error.cause !== undefined) seen.push(inspect(error.cause));
  }
}

beforeAll(() => {
  setLogLevel('verbose');
  setLogSink((_level, message) => seen.push(message));
});

afterAll(() => {
  setLogSink(undefined);
  setLogLevel(undefined);
});

describe('secrets', () => {
  it('never reach errors, logs, JSON or inspect output', async () => {
    const clock = new ManualClock(START);

    // Static credentials (JWT and opaque): inspect and JSON.
    for (const credential of [
      new AzureCommunicationTokenCredential(jwt(clock, 60)),
      new AzureCommunicationTokenCredential(opaque()),
      new AzureCommunicationTokenCredential({ token: opaque(), expiresOnTimestamp: START + 60 * MINUTE }),
    ]) {
      await credential.getToken();
      seen.push(inspect(credential, { showHidden: true, depth: 10 }), JSON.stringify(credential));
      credential.dispose();
      await capture(credential.getToken());
    }

    // Refresher returning an expired token; refresher returning garbage.
    await capture(new AzureCommunicationTokenCredential({ tokenRefresher: () => jwt(clock, -1), clock }).getToken());
    await capture(
      new AzureCommunicationTokenCredential({ tokenRefresher: () => ({ token: opaque() }) as never, clock }).getToken(),
    );

    // Proactive refresh failing with an error that quotes the current token.
    const initial = jwt(clock, 20);
    const failing = new AzureCommunicationTokenCredential({
      tokenRefresher: () => {
        throw new Error(`could not refresh ${initial}`);
      },
      token: initial,
      refreshProactively: true,
      onRefreshError: () => {},
      clock,
    });
    await clock.advanceAsync(11 * MINUTE);
    seen.push(inspect(failing, { showHidden: true, depth: 10 }));
    failing.dispose();

    // Opaque tokens trigger the warning log line.
    const opaqueRefreshing = new AzureCommunicationTokenCredential({ tokenRefresher: () => opaque(), clock });
    await opaqueRefreshing.getToken();
    seen.push(inspect(opaqueRefreshing, { showHidden: true, depth: 10 }));

    // Aborted callers.
    const slow = new AzureCommunicationTokenCredential({ tokenRefresher: () => new Promise<string>(() => {}), clock });
    await capture(slow.getToken({ abortSignal: AbortSignal.abort() }));

    expect(seen.length).toBeGreaterThan(10);
    expect(seen.some((line) => line.includes('background refresh failed'))).toBe(true);
    expect(seen.some((line) => line.includes('could not be decoded'))).toBe(true);
    for (const line of seen) {
      for (const secret of secrets) expect(line, 'a secret leaked').not.toContain(secret);
    }
  });
});
