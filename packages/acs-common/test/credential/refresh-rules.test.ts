/**
 * Every rule of the SPEC §3 table, on a ManualClock. Times in the expectations are seconds after
 * construction, as in the traces of reference/js-common.md §3.5.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AzureCommunicationTokenCredential } from '../../src/credential/index.js';
import { MAX_TIMER_DELAY_IN_MS } from '../../src/lib/clock.js';
import { AbortError } from '../../src/lib/errors.js';
import { setLogLevel, setLogSink } from '../../src/lib/log.js';
import { createTestToken, ManualClock } from '../../src/testing/index.js';
import { deferred, flush, MINUTE, tokenValidFor } from './helpers.js';

const START = 1_800_000_000_000;

/** Runs a proactive credential whose refresher returns fresh `minutes` tokens; returns the call times. */
async function proactiveTrace(minutes: number, untilMinutes: number, withInitialToken = true): Promise<number[]> {
  const clock = new ManualClock(START);
  const calls: number[] = [];
  const credential = new AzureCommunicationTokenCredential({
    tokenRefresher: () => {
      calls.push((clock.now() - START) / 1000);
      return tokenValidFor(clock, minutes);
    },
    ...(withInitialToken ? { token: tokenValidFor(clock, minutes) } : {}),
    refreshProactively: true,
    clock,
  });
  await clock.advanceAsync(untilMinutes * MINUTE);
  credential.dispose();
  return calls;
}

afterEach(() => {
  setLogSink(undefined);
  setLogLevel(undefined);
});

describe('proactive schedule', () => {
  it('60-minute tokens: every 50 minutes', async () => {
    expect(await proactiveTrace(60, 110)).toEqual([3000, 6000]);
  });

  it('20-minute tokens: every 10 minutes', async () => {
    expect(await proactiveTrace(20, 45)).toEqual([600, 1200, 1800, 2400]);
  });

  it('8-minute tokens (inside the window from the start): every half-life, 4 minutes', async () => {
    expect(await proactiveTrace(8, 13)).toEqual([240, 480, 720]);
  });

  it('no initial token: at once, then 10 minutes before expiry', async () => {
    expect(await proactiveTrace(60, 55, false)).toEqual([0, 3000]);
  });
});

describe('on-demand window', () => {
  it('refreshes when less than 2 minutes remain, not before', async () => {
    const clock = new ManualClock(START);
    const tokenRefresher = vi.fn(() => tokenValidFor(clock, 20));
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher,
      token: tokenValidFor(clock, 20),
      clock,
    });
    clock.advance(18 * MINUTE - 1);
    await credential.getToken();
    expect(tokenRefresher).not.toHaveBeenCalled();
    clock.advance(1);
    await credential.getToken();
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
  });

  it('never waits for more than half of the observed lifetime: a 90-second token is not refreshed on every call', async () => {
    const clock = new ManualClock(START);
    const tokenRefresher = vi.fn(() => createTestToken({ nowInMs: clock.now(), lifetimeInMs: 90_000 }));
    const credential = new AzureCommunicationTokenCredential({ tokenRefresher, clock });
    await credential.getToken();
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
    for (let second = 1; second < 45; second++) {
      clock.advance(1000);
      await credential.getToken();
    }
    expect(tokenRefresher).toHaveBeenCalledTimes(1); // 46 s left: more than half of 90 s
    clock.advance(1000);
    await credential.getToken();
    expect(tokenRefresher).toHaveBeenCalledTimes(2); // 45 s left: refresh
  });

  it('a 3-minute token is refreshed with 90 s left (half its lifetime), not with 2 minutes left', async () => {
    const clock = new ManualClock(START);
    const tokenRefresher = vi.fn(() => tokenValidFor(clock, 3));
    const credential = new AzureCommunicationTokenCredential({ tokenRefresher, clock });
    await credential.getToken();
    clock.advance(89_999);
    await credential.getToken();
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
    clock.advance(1);
    await credential.getToken();
    expect(tokenRefresher).toHaveBeenCalledTimes(2);
  });
});

describe('the lifetime behind the half-lifetime cap comes from the token (issue 8, defect 3)', () => {
  it('an initial token with 1 minute left of a 24-hour life (iat → exp) is refreshed by the first getToken', async () => {
    const clock = new ManualClock(START);
    const initial = createTestToken({ nowInMs: START - 24 * 60 * MINUTE + MINUTE, lifetimeInMs: 24 * 60 * MINUTE });
    const fresh = tokenValidFor(clock, 24 * 60);
    const tokenRefresher = vi.fn(() => fresh);
    const credential = new AzureCommunicationTokenCredential({ tokenRefresher, token: initial, clock });
    expect((await credential.getToken()).token).toBe(fresh);
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
  });

  it('a refreshed token whose iat says it lived 24 hours is not capped by the time since the refresh', async () => {
    const clock = new ManualClock(START);
    // The server hands out a cached token: issued 23 h 59 min ago, 1 minute left.
    const dying = createTestToken({ nowInMs: START - 24 * 60 * MINUTE + MINUTE, lifetimeInMs: 24 * 60 * MINUTE });
    const tokenRefresher = vi.fn().mockReturnValueOnce(dying).mockReturnValue(tokenValidFor(clock, 60));
    const credential = new AzureCommunicationTokenCredential({ tokenRefresher, clock });
    expect((await credential.getToken()).token).toBe(dying); // what the refresher gave
    expect((await credential.getToken()).token).not.toBe(dying); // inside its 2-minute window: refreshed again
    expect(tokenRefresher).toHaveBeenCalledTimes(2);
  });
});

describe('a clock whose now() is not a time (issue 8, defect 5)', () => {
  it('is a TypeError at construction', () => {
    const clock = { now: () => Number.NaN, setTimeout: () => 0, clearTimeout: () => {} };
    expect(() => new AzureCommunicationTokenCredential({ tokenRefresher: () => 'x', clock })).toThrow(TypeError);
    expect(() => new AzureCommunicationTokenCredential({ tokenRefresher: () => 'x', clock })).toThrow(
      /now\(\) returned NaN/,
    );
  });

  it('that turns to NaN later: getToken rejects with ERR_INVALID_CLOCK, and the proactive timer does not storm', async () => {
    const manual = new ManualClock(START);
    let broken = false;
    let timersSet = 0;
    const clock = {
      now: () => (broken ? Number.NaN : manual.now()),
      // Like the platform's setTimeout, a NaN delay fires at once; a runaway loop is cut at 1,000 timers.
      setTimeout: (callback: () => void, delayInMs: number) =>
        ++timersSet > 1000 ? 0 : manual.setTimeout(callback, Number.isNaN(delayInMs) ? 0 : delayInMs),
      clearTimeout: (handle: unknown) => manual.clearTimeout(handle),
    };
    const tokenRefresher = vi.fn(() => tokenValidFor(manual, 60));
    const credential = new AzureCommunicationTokenCredential({ tokenRefresher, refreshProactively: true, clock });
    await credential.getToken();
    broken = true;
    await manual.advanceAsync(60 * MINUTE);
    expect(tokenRefresher.mock.calls.length).toBeLessThanOrEqual(2);
    expect(timersSet).toBeLessThan(10);
    await expect(credential.getToken()).rejects.toMatchObject({ code: 'ERR_INVALID_CLOCK' });
    await expect(credential.getToken()).rejects.toThrow(/now\(\) returned NaN/);
    credential.dispose();
  });
});

describe('single flight', () => {
  it('1,000 concurrent callers cause one refresher call and all get its token', async () => {
    const clock = new ManualClock(START);
    const pending = deferred<string>();
    const tokenRefresher = vi.fn(() => pending.promise);
    const credential = new AzureCommunicationTokenCredential({ tokenRefresher, clock });
    const callers = Array.from({ length: 1000 }, () => credential.getToken());
    const token = tokenValidFor(clock, 60);
    pending.resolve(token);
    const results = await Promise.all(callers);
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
    expect(new Set(results.map((r) => r.token))).toEqual(new Set([token]));
  });

  it('while a refresh runs, callers with a still-valid token get it at once; callers with an expired one wait', async () => {
    const clock = new ManualClock(START);
    const initial = tokenValidFor(clock, 3);
    const pending = deferred<string>();
    const tokenRefresher = vi.fn(() => pending.promise);
    const credential = new AzureCommunicationTokenCredential({ tokenRefresher, token: initial, clock });
    clock.advance(2 * MINUTE); // 1 minute left: inside the window
    const starter = credential.getToken();
    let starterDone = false;
    starter.then(() => {
      starterDone = true;
    });
    expect((await credential.getToken()).token).toBe(initial); // valid: no wait
    expect(starterDone).toBe(false);
    clock.advance(MINUTE); // expired now
    const waiter = credential.getToken();
    const fresh = tokenValidFor(clock, 60);
    pending.resolve(fresh);
    expect((await waiter).token).toBe(fresh);
    expect((await starter).token).toBe(fresh);
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
  });

  it('a failed refresh rejects every waiter with the same error; the next call tries again', async () => {
    const clock = new ManualClock(START);
    const failure = new Error('server down');
    const tokenRefresher = vi
      .fn()
      .mockRejectedValueOnce(failure)
      .mockImplementation(() => tokenValidFor(clock, 60));
    const credential = new AzureCommunicationTokenCredential({ tokenRefresher, clock });
    const results = await Promise.allSettled([credential.getToken(), credential.getToken()]);
    expect(results).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
    await expect(credential.getToken()).resolves.toMatchObject({ token: expect.any(String) });
    expect(tokenRefresher).toHaveBeenCalledTimes(2);
  });

  it('accepts a synchronous refresher and a sync throw behaves like a rejection', async () => {
    const clock = new ManualClock(START);
    const token = tokenValidFor(clock, 60);
    expect((await new AzureCommunicationTokenCredential({ tokenRefresher: () => token, clock }).getToken()).token).toBe(
      token,
    );
    const failing = new AzureCommunicationTokenCredential({
      tokenRefresher: () => {
        throw new Error('sync');
      },
      clock,
    });
    await expect(failing.getToken()).rejects.toThrow('sync');
  });

  it('a refresher result that is not a token is an error naming the refresher', async () => {
    const credential = new AzureCommunicationTokenCredential({ tokenRefresher: async () => undefined as never });
    await expect(credential.getToken()).rejects.toThrow(
      'Invalid token: expected a string or an AccessToken with a non-empty token and a finite expiresOnTimestamp. The tokenRefresher returned undefined.',
    );
  });
});

describe('how the refresher is called', () => {
  it('with one argument, the abort signal, as 2.5.0 calls it', async () => {
    const clock = new ManualClock(START);
    const tokenRefresher = vi.fn((..._args: unknown[]) => tokenValidFor(clock, 60));
    const credential = new AzureCommunicationTokenCredential({ tokenRefresher, clock });
    const abortSignal = new AbortController().signal;
    await credential.getToken({ abortSignal });
    expect(tokenRefresher.mock.calls).toEqual([[abortSignal]]);
  });
});

describe('per-caller abort', () => {
  it("one waiter's signal rejects only that waiter, promptly, with AbortError", async () => {
    const clock = new ManualClock(START);
    const pending = deferred<string>();
    const credential = new AzureCommunicationTokenCredential({ tokenRefresher: () => pending.promise, clock });
    const first = credential.getToken();
    const controller = new AbortController();
    const second = credential.getToken({ abortSignal: controller.signal });
    controller.abort(new Error('user navigated away'));
    const error = await second.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ name: 'AbortError', code: 'ERR_ABORTED' });
    const token = tokenValidFor(clock, 60);
    pending.resolve(token);
    expect((await first).token).toBe(token);
  });

  it('the refresher receives the starter signal; when the starter aborts, the others start their own refresh', async () => {
    const clock = new ManualClock(START);
    const signals: (AbortSignal | undefined)[] = [];
    const token = tokenValidFor(clock, 60);
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher: (signal) =>
        new Promise<string>((resolve, reject) => {
          signals.push(signal as AbortSignal | undefined);
          if (signals.length > 1) resolve(token);
          else signal?.addEventListener('abort', () => reject(new Error('refresh aborted')));
        }),
      clock,
    });
    const starter = new AbortController();
    const starterCall = credential.getToken({ abortSignal: starter.signal });
    const other = credential.getToken();
    await flush();
    starter.abort();
    await expect(starterCall).rejects.toBeInstanceOf(AbortError);
    expect((await other).token).toBe(token);
    expect(signals).toHaveLength(2);
    expect(signals[0]).toBe(starter.signal);
    expect(signals[1]).toBeUndefined();
  });

  it('an already-aborted signal rejects at once without calling the refresher when a refresh would be needed', async () => {
    const clock = new ManualClock(START);
    const tokenRefresher = vi.fn(() => tokenValidFor(clock, 60));
    const credential = new AzureCommunicationTokenCredential({ tokenRefresher, clock });
    await expect(credential.getToken({ abortSignal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(tokenRefresher).not.toHaveBeenCalled();
    await credential.getToken();
    // A cached, valid token is still handed out to an aborted caller: nothing to wait for.
    await expect(credential.getToken({ abortSignal: AbortSignal.abort() })).resolves.toBeDefined();
  });
});

describe('proactive failures', () => {
  it('are never unhandled: logged with the token redacted, reported, retried with back-off, and recovered from', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const lines: string[] = [];
    setLogLevel('warning');
    setLogSink((_level, message) => lines.push(message));
    try {
      const clock = new ManualClock(START);
      const initial = tokenValidFor(clock, 20);
      const attempts: number[] = [];
      let failing = true;
      const reported: unknown[] = [];
      const credential = new AzureCommunicationTokenCredential({
        tokenRefresher: () => {
          attempts.push((clock.now() - START) / 1000);
          if (failing) throw new Error(`refresh failed for ${initial}`);
          return tokenValidFor(clock, 20);
        },
        token: initial,
        refreshProactively: true,
        onRefreshError: (error) => reported.push(error),
        clock,
      });
      await clock.advanceAsync(10 * MINUTE + 15_000);
      // 600 s, then retries after 1, 2, 4, 8 s
      expect(attempts).toEqual([600, 601, 603, 607, 615]);
      expect(reported).toHaveLength(5);
      expect(lines.length).toBe(5);
      for (const line of lines) {
        expect(line).toContain('background refresh failed');
        expect(line).not.toContain(initial);
      }
      expect((await credential.getToken()).token).toBe(initial); // still valid: callers are not disturbed
      failing = false;
      await clock.advanceAsync(16_000);
      expect(attempts.at(-1)).toBe(631);
      const renewed = await credential.getToken();
      expect(renewed.token).not.toBe(initial);
      // The schedule goes on from the new token: 10 minutes before its expiry.
      expect(clock.nextTimerAt).toBe(renewed.expiresOnTimestamp - 10 * MINUTE);
      credential.dispose();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('back-off is capped at 60 s and at the remaining lifetime, and stops once the token has expired', async () => {
    const clock = new ManualClock(START);
    const attempts: number[] = [];
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher: () => {
        attempts.push((clock.now() - START) / 1000);
        throw new Error('down');
      },
      token: tokenValidFor(clock, 15),
      refreshProactively: true,
      onRefreshError: () => {},
      clock,
    });
    await clock.advanceAsync(30 * MINUTE);
    const gaps = attempts.slice(1).map((t, i) => t - (attempts[i] as number));
    expect(Math.max(...gaps)).toBe(60);
    expect(attempts.at(-1)).toBeLessThanOrEqual(15 * 60);
    expect(clock.pendingTimers).toBe(0); // expired: the next getToken refreshes on demand
    await expect(credential.getToken()).rejects.toThrow('down');
    credential.dispose();
  });
});

describe('timers, clock and dispose', () => {
  it('dispose leaves no timer, is idempotent, and drops the result of an in-flight refresh', async () => {
    const clock = new ManualClock(START);
    const pending = deferred<string>();
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher: () => pending.promise,
      refreshProactively: true,
      clock,
    });
    clock.advance(0); // the immediate first refresh starts
    const caller = credential.getToken();
    credential.dispose();
    credential.dispose();
    credential[Symbol.dispose]();
    pending.resolve(tokenValidFor(clock, 60));
    await expect(caller).rejects.toThrow('User credential is disposed');
    await flush();
    expect(clock.pendingTimers).toBe(0);
    await expect(credential.getToken()).rejects.toMatchObject({ code: 'ERR_DISPOSED' });
  });

  it('`using` disposes', async () => {
    const clock = new ManualClock(START);
    let escaped: AzureCommunicationTokenCredential | undefined;
    {
      using credential = new AzureCommunicationTokenCredential({
        tokenRefresher: () => tokenValidFor(clock, 60),
        refreshProactively: true,
        clock,
      });
      escaped = credential;
      expect(clock.pendingTimers).toBe(1);
    }
    expect(clock.pendingTimers).toBe(0);
    await expect(escaped.getToken()).rejects.toThrow('User credential is disposed');
  });

  it('sleep/resume: an expired token after a sleep is refreshed by getToken before it is returned', async () => {
    const clock = new ManualClock(START);
    const initial = tokenValidFor(clock, 60);
    const tokenRefresher = vi.fn(() => tokenValidFor(clock, 60));
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher,
      token: initial,
      refreshProactively: true,
      clock,
    });
    clock.jump(70 * MINUTE); // asleep: no timer fired
    const token = await credential.getToken();
    expect(token.token).not.toBe(initial);
    expect(token.expiresOnTimestamp).toBe(clock.now() + 60 * MINUTE);
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
    await clock.advanceAsync(0); // the late timer fires now: nothing left to do
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
    credential.dispose();
  });

  it('a getToken past the proactive point returns the cached token and starts a background refresh (throttled tab)', async () => {
    const clock = new ManualClock(START);
    const initial = tokenValidFor(clock, 60);
    const pending = deferred<string>();
    const tokenRefresher = vi.fn(() => pending.promise);
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher,
      token: initial,
      refreshProactively: true,
      clock,
    });
    clock.jump(55 * MINUTE); // the timer was throttled
    expect((await credential.getToken()).token).toBe(initial);
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
    const fresh = tokenValidFor(clock, 60);
    pending.resolve(fresh);
    await flush();
    expect((await credential.getToken()).token).toBe(fresh);
    credential.dispose();
  });

  it('a 30-day AccessToken causes no refresh storm: the timer is clamped to 2^31-1 ms and re-armed', async () => {
    const clock = new ManualClock(START);
    const day = 24 * 60 * MINUTE;
    const tokenRefresher = vi.fn(() => ({ token: 'long', expiresOnTimestamp: clock.now() + 30 * day }));
    const credential = new AzureCommunicationTokenCredential({
      tokenRefresher,
      token: { token: 'long-initial', expiresOnTimestamp: START + 30 * day },
      refreshProactively: true,
      clock,
    });
    expect((clock.nextTimerAt as number) - clock.now()).toBeLessThanOrEqual(MAX_TIMER_DELAY_IN_MS);
    await clock.advanceAsync(29 * day);
    expect(tokenRefresher).not.toHaveBeenCalled();
    expect(clock.pendingTimers).toBe(1);
    await clock.advanceAsync(day);
    expect(tokenRefresher).toHaveBeenCalledTimes(1);
    credential.dispose();
  });

  it('the default clock honours fake timers installed after import (Date.now and setTimeout read at call time)', async () => {
    vi.useFakeTimers({ now: START });
    try {
      const tokenRefresher = vi.fn(() => createTestToken({ lifetimeInMs: 20 * MINUTE }));
      const credential = new AzureCommunicationTokenCredential({
        tokenRefresher,
        token: createTestToken({ lifetimeInMs: 20 * MINUTE }),
        refreshProactively: true,
      });
      await vi.advanceTimersByTimeAsync(10 * MINUTE - 1);
      expect(tokenRefresher).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(tokenRefresher).toHaveBeenCalledTimes(1);
      credential.dispose();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('constructor validation', () => {
  it('rejects bad arguments up front with TypeErrors that say what to pass', () => {
    const cases: [unknown, RegExp][] = [
      [undefined, /its argument must be a token string, an AccessToken .* got undefined\./],
      [null, /got null/],
      [42, /got number/],
      [{}, /\{ tokenRefresher \} or \{ resourceEndpoint, tokenCredential \}; got object/],
      [{ token: '', expiresOnTimestamp: 1 }, /an AccessToken with a non-empty token and a finite expiresOnTimestamp/],
      [{ token: 'x', expiresOnTimestamp: Number.NaN }, /finite expiresOnTimestamp/],
      [{ tokenRefresher: 'nope' }, /tokenRefresher must be a function; got string/],
      [{ tokenRefresher: () => '', refreshProactively: 'yes' }, /refreshProactively must be a boolean; got string/],
      [{ tokenRefresher: () => '', undecodableTokenExpiryIntervalInSeconds: 0 }, /must be a positive number/],
      [{ tokenRefresher: () => '', onRefreshError: 1 }, /onRefreshError must be a function; got number/],
      [{ tokenRefresher: () => '', clock: {} }, /clock must be a Clock \{ now, setTimeout, clearTimeout \}/],
    ];
    for (const [options, message] of cases) {
      expect(() => new AzureCommunicationTokenCredential(options as string), String(message)).toThrow(TypeError);
      expect(() => new AzureCommunicationTokenCredential(options as string)).toThrow(message);
    }
  });

  it('parses the initial token at construction (official texts for empty tokens; a bad argument is a TypeError)', () => {
    expect(() => new AzureCommunicationTokenCredential('  ')).toThrow('Invalid token: token must not be empty.');
    expect(() => new AzureCommunicationTokenCredential('  ')).toThrow(TypeError);
    expect(() => new AzureCommunicationTokenCredential({ tokenRefresher: () => '', token: '' })).toThrow(TypeError);
  });

  it('points Entra options at the entry point that has the exchange (JavaScript callers: the types refuse them)', () => {
    const entraOptions = {
      resourceEndpoint: 'https://x.communication.azure.com',
      tokenCredential: { getToken: async () => null },
    };
    expect(() => new AzureCommunicationTokenCredential(entraOptions as never)).toThrow(
      /Entra options need 'acs-common' or 'acs-common\/entra'/,
    );
  });
});

describe('no refresh storm, whatever the numbers', () => {
  it('a refresher that keeps returning the same token causes a bounded number of refreshes (fractional times included)', async () => {
    const fc = (await import('fast-check')).default;
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0.001, max: 30 * 60_000, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        async (lifetimeInMs, startOffsetInMs) => {
          const clock = new ManualClock(START + startOffsetInMs);
          const same = { token: 'same', expiresOnTimestamp: clock.now() + lifetimeInMs };
          let calls = 0;
          const credential = new AzureCommunicationTokenCredential({
            tokenRefresher: () => {
              calls++;
              if (calls > 200) throw new Error('refresh storm');
              return same;
            },
            token: same,
            refreshProactively: true,
            onRefreshError: () => {},
            clock,
          });
          await clock.advanceAsync(lifetimeInMs + 60_000);
          credential.dispose();
          // Halving from 10 minutes down to a millisecond takes about 20 steps.
          expect(calls).toBeLessThanOrEqual(64);
        },
      ),
      { numRuns: 200 },
    );
  });
});
