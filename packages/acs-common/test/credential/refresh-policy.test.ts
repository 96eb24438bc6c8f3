import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchangeRetryDelayInMs } from '../../src/entra/retry-policy.js';
import { backOffDelayInMs, RETRY_MAX_DELAY_IN_MS } from '../../src/lib/back-off.js';
import {
  backgroundRefreshAt,
  blockingPoint,
  decide,
  lifetimeStart,
  retryDelayInMs,
  USE,
  USE_AND_REFRESH_IN_BACKGROUND,
  WAIT_FOR_REFRESH,
} from '../../src/lib/refresh-policy.js';

const MINUTE = 60_000;

describe('refresh policy (pure rules)', () => {
  it('background point: 10 minutes before expiry, or half the remaining lifetime inside the window', () => {
    expect(backgroundRefreshAt(60 * MINUTE, 0, 10 * MINUTE)).toBe(50 * MINUTE);
    expect(backgroundRefreshAt(8 * MINUTE, 0, 10 * MINUTE)).toBe(4 * MINUTE);
    expect(backgroundRefreshAt(20 * MINUTE, 15 * MINUTE, 10 * MINUTE)).toBe(17.5 * MINUTE);
    // Halving stops once a millisecond or less remains: the next attempt is at expiry.
    expect(backgroundRefreshAt(1000.5, 999, 10 * MINUTE)).toBe(999.75);
    expect(backgroundRefreshAt(1000, 999, 10 * MINUTE)).toBe(1000);
    expect(backgroundRefreshAt(1000, 999.9, 10 * MINUTE)).toBe(1000);
  });

  it('blocking point: 2 minutes before expiry, capped at half the observed lifetime', () => {
    expect(blockingPoint(60 * MINUTE, 0, 2 * MINUTE)).toBe(58 * MINUTE);
    expect(blockingPoint(90_000, 0, 2 * MINUTE)).toBe(45_000);
    expect(blockingPoint(100, 200, 2 * MINUTE)).toBe(100); // obtained after expiry: no window
    expect(blockingPoint(MINUTE, undefined, 2 * MINUTE)).toBe(-MINUTE); // lifetime unknown: the whole window
  });

  it("lifetime start: the token's iat when it is before the expiry, else when the refresh started", () => {
    expect(lifetimeStart(24 * 60 * MINUTE, 0, 23 * 60 * MINUTE)).toBe(0);
    expect(lifetimeStart(MINUTE, 2 * MINUTE, 30_000)).toBe(30_000); // iat after exp: ignored
    expect(lifetimeStart(MINUTE, undefined, 30_000)).toBe(30_000);
    expect(lifetimeStart(MINUTE, undefined, undefined)).toBeUndefined();
  });

  it('one back-off rule for refreshes (from 1 s) and the exchange (from 0.8 s), capped at 60 s', () => {
    expect([0, 1, 2, 3].map((attempt) => backOffDelayInMs(attempt, 800))).toEqual([800, 1600, 3200, 6400]);
    expect(backOffDelayInMs(100, 800)).toBe(RETRY_MAX_DELAY_IN_MS);
    expect(exchangeRetryDelayInMs(2, undefined)).toBe(backOffDelayInMs(2, 800));
  });

  it('decisions', () => {
    const blockingAt = blockingPoint(60 * MINUTE, 0, 2 * MINUTE);
    expect(decide(Number.NEGATIVE_INFINITY, 0, 0)).toBe(WAIT_FOR_REFRESH); // no token
    expect(decide(blockingAt, 50 * MINUTE, 49 * MINUTE)).toBe(USE);
    expect(decide(blockingAt, 50 * MINUTE, 50 * MINUTE)).toBe(USE_AND_REFRESH_IN_BACKGROUND);
    expect(decide(blockingAt, 50 * MINUTE, 58 * MINUTE)).toBe(WAIT_FOR_REFRESH);
    expect(decide(blockingAt, 50 * MINUTE, 61 * MINUTE)).toBe(WAIT_FOR_REFRESH);
    expect(decide(blockingAt, 50 * MINUTE, Number.NaN)).toBe(WAIT_FOR_REFRESH); // a broken clock reaches the slow path
  });

  it('USE holds exactly while now is before both points: the engine fast path agrees with decide', () => {
    const time = fc.integer({ min: -1e7, max: 1e7 });
    fc.assert(
      fc.property(time, time, time, (blockingAt, refreshAt, now) => {
        expect(decide(blockingAt, refreshAt, now) === USE).toBe(now < refreshAt && now < blockingAt);
      }),
      { numRuns: 2000 },
    );
  });

  it('an expired token always means waiting, whatever the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.nat(1e6),
        fc.nat(1e6),
        (expiresOn, obtainedAt, window, late) => {
          expect(decide(blockingPoint(expiresOn, obtainedAt, window), Number.POSITIVE_INFINITY, expiresOn + late)).toBe(
            WAIT_FOR_REFRESH,
          );
        },
      ),
    );
  });

  it('retry delays: 1 s doubling, capped at 60 s and at the remaining lifetime; none once expired', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((attempt) => retryDelayInMs(attempt, undefined, 0))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000,
    ]);
    expect(retryDelayInMs(5, 10_000, 0)).toBe(10_000);
    expect(retryDelayInMs(0, 10_000, 10_000)).toBeUndefined();
    expect(retryDelayInMs(1000, undefined, 0)).toBe(60_000);
  });
});
