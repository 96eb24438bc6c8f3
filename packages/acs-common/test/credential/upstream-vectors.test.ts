/**
 * The black-box tests of @azure/communication-common (reference/js-common.md §6.3) and of the .NET
 * library (reference/dotnet-common.md §5.5), run against our credential with a ManualClock.
 * Where SPEC §3 decides differently, the test says so and asserts the SPEC behaviour.
 */
import { describe, expect, it, vi } from 'vitest';
import { AzureCommunicationTokenCredential } from '../../src/credential/index.js';
import { ManualClock } from '../../src/testing/index.js';
import { MINUTE, tokenValidFor, upstreamToken } from './helpers.js';

const START = Date.parse('2026-11-28T12:00:00Z');
const jsToken = (clock: ManualClock, minutes: number) => upstreamToken((clock.now() + minutes * MINUTE) / 1000);

describe('upstream JS tests (js-common §6.3)', () => {
  it('1, 4: handles a valid JWT and returns it', async () => {
    const clock = new ManualClock(START);
    const token = jsToken(clock, 60);
    const credential = new AzureCommunicationTokenCredential(token);
    expect((await credential.getToken()).token).toBe(token);
  });

  it('2, 3, 25: non-JWT strings are accepted as opaque, as shipped 2.5.0 does (the upstream test file expects a throw)', async () => {
    const credential = new AzureCommunicationTokenCredential('IAmNotAToken');
    expect((await credential.getToken()).token).toBe('IAmNotAToken');
    const refreshing = new AzureCommunicationTokenCredential({ tokenRefresher: async () => 'not.a.real.token' });
    expect((await refreshing.getToken()).token).toBe('not.a.real.token');
  });

  it('5: returns the refresher token and calls the refresher once', async () => {
    const clock = new ManualClock(START);
    const token = jsToken(clock, 60);
    const tokenRefresher = vi.fn(async () => token);
    const credential = new AzureCommunicationTokenCredential({ tokenRefresher, clock });
    expect((await credential.getToken()).token).toBe(token);
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
  });

  it('6: uses the initial token without calling the refresher', async () => {
    const clock = new ManualClock(START);
    const initial = jsToken(clock, 60);
    const tokenRefresher = vi.fn(async () => jsToken(clock, 120));
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher,
      token: initial,
      refreshProactively: true,
      clock,
    });
    expect((await credential.getToken()).token).toBe(initial);
    expect(tokenRefresher).not.toHaveBeenCalled();
    credential.dispose();
  });

  it('7: without proactive refresh an expired initial token is accepted and nothing runs by itself', async () => {
    const clock = new ManualClock(START);
    const tokenRefresher = vi.fn(async () => jsToken(clock, -1));
    new AzureCommunicationTokenCredential({ tokenRefresher, token: jsToken(clock, -1), clock });
    await clock.advanceAsync(5 * MINUTE);
    expect(tokenRefresher).not.toHaveBeenCalled();
    expect(clock.pendingTimers).toBe(0);
  });

  it('8: with proactive refresh an expired initial token triggers an immediate refresh', async () => {
    const clock = new ManualClock(START);
    const tokenRefresher = vi.fn(async () => jsToken(clock, 30));
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher,
      token: jsToken(clock, -1),
      refreshProactively: true,
      clock,
    });
    await clock.advanceAsync(5 * MINUTE);
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
    credential.dispose();
  });

  it('9, 20 (.NET): an expired refresher result is an error with the official text', async () => {
    const clock = new ManualClock(START);
    const tokenRefresher = vi.fn(async () => jsToken(clock, -1));
    const credential = new AzureCommunicationTokenCredential({ tokenRefresher, clock });
    await clock.advanceAsync(5 * MINUTE);
    await expect(credential.getToken()).rejects.toThrow('The token returned from the tokenRefresher is expired.');
    await expect(credential.getToken()).rejects.toMatchObject({ code: 'ERR_TOKEN_EXPIRED' });
    expect(tokenRefresher).toHaveBeenCalledTimes(2);
  });

  it('10: a static token is returned even when expired (parity with .NET and JS)', async () => {
    const clock = new ManualClock(START);
    const token = jsToken(clock, -1);
    expect((await new AzureCommunicationTokenCredential(token).getToken()).token).toBe(token);
  });

  it('11: passes the caller abortSignal through to the refresher', async () => {
    const clock = new ManualClock(START);
    const tokenRefresher = vi.fn(async () => jsToken(clock, 60));
    const credential = new AzureCommunicationTokenCredential({ tokenRefresher, clock });
    const { signal } = new AbortController();
    await credential.getToken({ abortSignal: signal });
    expect(tokenRefresher).toHaveBeenCalledWith(signal);
  });

  it('12: rejects after dispose, for static and refreshing credentials', async () => {
    const clock = new ManualClock(START);
    const staticCredential = new AzureCommunicationTokenCredential(jsToken(clock, 60));
    const refreshing = new AzureCommunicationTokenCredential({ tokenRefresher: async () => jsToken(clock, 60), clock });
    staticCredential.dispose();
    refreshing.dispose();
    await expect(staticCredential.getToken()).rejects.toThrow('User credential is disposed');
    await expect(refreshing.getToken()).rejects.toThrow('User credential is disposed');
  });

  it('13: does not swallow the refresher error (same object)', async () => {
    const failure = new Error('refresher failed');
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher: async () => {
        throw failure;
      },
    });
    await expect(credential.getToken()).rejects.toBe(failure);
  });

  it('14: refreshes on demand when the token is about to expire — SPEC: at 2 minutes, where 2.5.0 waits until expiry', async () => {
    const clock = new ManualClock(START);
    let minutes = 20;
    const tokenRefresher = vi.fn(async () => jsToken(clock, minutes));
    const credential = new AzureCommunicationTokenCredential({ tokenRefresher, clock });
    const first = await credential.getToken();
    minutes = 60;
    await clock.advanceAsync(17 * MINUTE); // 3 min left: still the old token
    expect((await credential.getToken()).token).toBe(first.token);
    await clock.advanceAsync(2 * MINUTE); // 1 min left: 2.5.0 would still return the old token
    expect((await credential.getToken()).token).not.toBe(first.token);
    expect(tokenRefresher).toHaveBeenCalledTimes(2);
  });

  it('15: proactively refreshes a token that is about to expire', async () => {
    const clock = new ManualClock(START);
    const tokenRefresher = vi.fn(async () => jsToken(clock, 20));
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher,
      token: jsToken(clock, 20),
      refreshProactively: true,
      clock,
    });
    await clock.advanceAsync(19 * MINUTE);
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
    credential.dispose();
  });

  it('17: dispose cancels the timer', async () => {
    const clock = new ManualClock(START);
    const tokenRefresher = vi.fn(async () => jsToken(clock, 20));
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher,
      token: jsToken(clock, 20),
      refreshProactively: true,
      clock,
    });
    credential.dispose();
    expect(clock.pendingTimers).toBe(0);
    await clock.advanceAsync(19 * MINUTE);
    expect(tokenRefresher).not.toHaveBeenCalled();
  });

  it('18: many sequential getToken calls refresh once', async () => {
    const clock = new ManualClock(START);
    const tokenRefresher = vi.fn(async () => jsToken(clock, 60));
    const credential = new AzureCommunicationTokenCredential({ tokenRefresher, clock });
    for (let i = 0; i < 10; i++) await credential.getToken();
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
  });

  it('19: getToken during a proactive refresh does not refresh again', async () => {
    const clock = new ManualClock(START);
    const tokenRefresher = vi.fn(async () => jsToken(clock, 20));
    const credential = new AzureCommunicationTokenCredential({ tokenRefresher, refreshProactively: true, clock });
    await clock.advanceAsync(9 * MINUTE);
    await credential.getToken();
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
    credential.dispose();
  });

  it('20, 23: opaque tokens use the fallback expiry (default 600 s, or the option)', async () => {
    const clock = new ManualClock(START);
    vi.useFakeTimers({ now: START, toFake: ['Date'] });
    try {
      const encrypted = Array(5).fill('b3BhcXVl').join('.');
      expect((await new AzureCommunicationTokenCredential(encrypted).getToken()).expiresOnTimestamp).toBe(
        START + 600_000,
      );
      const refreshing = new AzureCommunicationTokenCredential({
        tokenRefresher: async () => encrypted,
        undecodableTokenExpiryIntervalInSeconds: 1800,
        clock,
      });
      expect((await refreshing.getToken()).expiresOnTimestamp).toBe(START + 1_800_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('21, 22: caller-supplied expiries are used without decoding', async () => {
    const clock = new ManualClock(START);
    const accessToken = { token: 'encrypted', expiresOnTimestamp: START + 8 * 60 * MINUTE };
    const refreshing = new AzureCommunicationTokenCredential({ tokenRefresher: async () => accessToken, clock });
    expect(await refreshing.getToken()).toBe(accessToken);
    expect(await new AzureCommunicationTokenCredential(accessToken).getToken()).toBe(accessToken);
  });

  it('24: an undecodable initial token is proactively refreshed at half its fallback lifetime', async () => {
    const clock = new ManualClock(START);
    const tokenRefresher = vi.fn(async () => jsToken(clock, 60));
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher,
      token: Array(5).fill('b3BhcXVl').join('.'),
      refreshProactively: true,
      clock,
    });
    await clock.advanceAsync(4 * MINUTE);
    expect(tokenRefresher).not.toHaveBeenCalled();
    await clock.advanceAsync(61_000);
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
    credential.dispose();
  });

  it('26: fractional back-off when the refresher keeps returning the same token', async () => {
    const clock = new ManualClock(START);
    const same = jsToken(clock, 20);
    const tokenRefresher = vi.fn(async () => same);
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher,
      token: same,
      refreshProactively: true,
      clock,
    });
    await clock.advanceAsync(10 * MINUTE);
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
    // Then halving: 15, 17.5, 18.75 … minutes; the .NET test ticks by half of the remaining time.
    const expiresOn = START + 20 * MINUTE;
    let calls = 1;
    while (expiresOn - clock.now() > 1) {
      await clock.advanceAsync((expiresOn - clock.now()) / 2);
      calls++;
      expect(tokenRefresher).toHaveBeenCalledTimes(calls);
    }
    credential.dispose();
  });
});

describe('.NET tests (dotnet-common §5.5)', () => {
  it('10: proactive with an expired initial token: one pending timer, refreshes at once', async () => {
    const clock = new ManualClock(0);
    const tokenRefresher = vi.fn(() => tokenValidFor(clock, 60));
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher,
      token: tokenValidFor(clock, -1),
      refreshProactively: true,
      clock,
    });
    expect(clock.pendingTimers).toBe(1);
    await clock.advanceAsync(0);
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
    credential.dispose();
  });

  it('11: non-proactive with an expired initial token: no timer, getToken refreshes', async () => {
    const clock = new ManualClock(0);
    const fresh = tokenValidFor(clock, 60);
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher: () => fresh,
      token: tokenValidFor(clock, -1),
      clock,
    });
    expect(clock.pendingTimers).toBe(0);
    expect((await credential.getToken()).token).toBe(fresh);
  });

  it('14: dispose removes the pending timer (no initial token)', () => {
    const clock = new ManualClock(0);
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher: () => tokenValidFor(clock, 60),
      refreshProactively: true,
      clock,
    });
    expect(clock.pendingTimers).toBe(1);
    credential.dispose();
    expect(clock.pendingTimers).toBe(0);
  });

  it('15: a 20-minute initial token is used, refreshed in the background at 10.5 min, then the new one is returned', async () => {
    const clock = new ManualClock(0);
    const initial = tokenValidFor(clock, 20);
    const tokenRefresher = vi.fn(() => tokenValidFor(clock, 55));
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher,
      token: initial,
      refreshProactively: true,
      clock,
    });
    expect((await credential.getToken()).token).toBe(initial);
    await clock.advanceAsync(10.5 * MINUTE);
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
    expect((await credential.getToken()).token).not.toBe(initial);
    credential.dispose();
  });

  it('15 CurrentTokenExpiringSoon_TokenRefreshed(inCriticalExpiryWindow: true): an initial token with 1 minute left is refreshed by the first getToken (issue 8, defect 3)', async () => {
    // The .NET helper: a JWT with only `exp`, so its lifetime is unknown and the 2-minute window applies whole.
    const clock = new ManualClock(0);
    const dotnetToken = (minutes: number) => upstreamToken((clock.now() + minutes * MINUTE) / 1000);
    const initial = dotnetToken(1);
    const refreshed = dotnetToken(55);
    const tokenRefresher = vi.fn(() => refreshed);
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher,
      token: initial,
      refreshProactively: true,
      clock,
    });
    expect((await credential.getToken()).token).toBe(refreshed);
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
    clock.jump(-8.5 * MINUTE); // the .NET test ticks by −8.5 minutes
    expect((await credential.getToken()).token).toBe(refreshed);
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
    credential.dispose();
  });

  it('15 (1-minute initial token whose iat says it is a 1-minute token): the half-lifetime cap applies, refresh at 30 s', async () => {
    const clock = new ManualClock(0);
    const initial = tokenValidFor(clock, 1); // iat = now, exp = now + 1 min
    const tokenRefresher = vi.fn(() => tokenValidFor(clock, 55));
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher,
      token: initial,
      refreshProactively: true,
      clock,
    });
    expect((await credential.getToken()).token).toBe(initial);
    expect(tokenRefresher).not.toHaveBeenCalled();
    await clock.advanceAsync(30_000);
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
    expect((await credential.getToken()).token).not.toBe(initial);
    credential.dispose();
  });

  it('16: a refresher failure on an expired token reaches the caller unchanged', async () => {
    class ArithmeticError extends Error {}
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher: () => {
        throw new ArithmeticError('Refresh token failed');
      },
      token: upstreamToken(Date.now() / 1000 - 600),
      refreshProactively: true,
    });
    await expect(credential.getToken()).rejects.toBeInstanceOf(ArithmeticError);
    credential.dispose();
  });

  it('17: proactive refreshing keeps exactly one timer, re-armed after each refresh', async () => {
    const clock = new ManualClock(0);
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher: () => tokenValidFor(clock, 20),
      token: tokenValidFor(clock, 20),
      refreshProactively: true,
      clock,
    });
    const firstDue = clock.nextTimerAt;
    await clock.advanceAsync(10.5 * MINUTE);
    expect(clock.pendingTimers).toBe(1);
    expect(clock.nextTimerAt).not.toBe(firstDue);
    credential.dispose();
  });

  it('18: after the background refresh, 10 getToken calls make no further refresher call', async () => {
    const clock = new ManualClock(0);
    const tokenRefresher = vi.fn(() => tokenValidFor(clock, 20));
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher,
      token: tokenValidFor(clock, 20),
      refreshProactively: true,
      clock,
    });
    await clock.advanceAsync(10.5 * MINUTE);
    for (let i = 0; i < 10; i++) await credential.getToken();
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
    credential.dispose();
  });
});
