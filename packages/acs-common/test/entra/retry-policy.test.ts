import { describe, expect, it } from 'vitest';
import {
  exchangeRetryDelayInMs,
  MAX_EXCHANGE_RETRIES,
  RETRYABLE_STATUS_CODES,
  retryAfterInMs,
  shouldRetry,
} from '../../src/entra/retry-policy.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('exchange retry policy (Azure Core defaults, dotnet-common §3.7)', () => {
  it('retries 408, 429, 500, 502, 503, 504 and send failures, 3 times at most', () => {
    expect([...RETRYABLE_STATUS_CODES].sort()).toEqual([408, 429, 500, 502, 503, 504]);
    expect(MAX_EXCHANGE_RETRIES).toBe(3);
    for (const status of [408, 429, 500, 502, 503, 504, undefined]) {
      expect(shouldRetry(0, status)).toBe(true);
      expect(shouldRetry(2, status)).toBe(true);
      expect(shouldRetry(3, status)).toBe(false);
    }
    for (const status of [200, 201, 400, 401, 403, 404, 409, 501, 505]) expect(shouldRetry(0, status)).toBe(false);
  });

  it('backs off 0.8 s, 1.6 s, 3.2 s … capped at 60 s', () => {
    expect([0, 1, 2, 3, 6, 7, 40].map((retry) => exchangeRetryDelayInMs(retry, undefined))).toEqual([
      800, 1600, 3200, 6400, 51_200, 60_000, 60_000,
    ]);
  });

  it('uses the server delay instead, capped at 60 s', () => {
    expect(exchangeRetryDelayInMs(2, 0)).toBe(0);
    expect(exchangeRetryDelayInMs(0, 5000)).toBe(5000);
    expect(exchangeRetryDelayInMs(0, 3_600_000)).toBe(60_000);
  });

  it('reads Retry-After as seconds or an HTTP-date, and the millisecond headers first', () => {
    const headers = (entries: Record<string, string>) => new Headers(entries);
    expect(retryAfterInMs(headers({}), NOW)).toBeUndefined();
    expect(retryAfterInMs(headers({ 'retry-after': '0' }), NOW)).toBe(0);
    expect(retryAfterInMs(headers({ 'retry-after': '7' }), NOW)).toBe(7000);
    expect(retryAfterInMs(headers({ 'retry-after': '1.5' }), NOW)).toBe(1500);
    expect(retryAfterInMs(headers({ 'retry-after': new Date(NOW + 30_000).toUTCString() }), NOW)).toBe(30_000);
    expect(retryAfterInMs(headers({ 'retry-after': new Date(NOW - 30_000).toUTCString() }), NOW)).toBe(0);
    expect(retryAfterInMs(headers({ 'retry-after': 'soon' }), NOW)).toBeUndefined();
    expect(retryAfterInMs(headers({ 'retry-after': '-1' }), NOW)).toBeUndefined();
    expect(retryAfterInMs(headers({ 'retry-after': '9', 'retry-after-ms': '250' }), NOW)).toBe(250);
    expect(retryAfterInMs(headers({ 'x-ms-retry-after-ms': '40' }), NOW)).toBe(40);
  });
});
