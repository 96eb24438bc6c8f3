import { type Clock, systemClock } from '../lib/clock.js';
import type { AccessToken } from '../lib/core-auth-types.js';
import { RefreshEngine } from '../lib/refresh-engine.js';
import { parseToken } from './parse-token.js';
import type { TokenStrategy } from './strategy.js';
import type { CommunicationTokenRefreshOptions } from './types.js';
import { assertOptionalClock, assertOptionalFunction, invalidOption } from './validate.js';

/** Proactive refresh starts this long before expiry (all six official SDKs). */
export const PROACTIVE_REFRESH_WINDOW_IN_MS = 10 * 60 * 1000;
/** `getToken` waits for a refresh when less than this remains (.NET, Python, iOS, Android). */
export const ON_DEMAND_REFRESH_WINDOW_IN_MS = 2 * 60 * 1000;

const EXPIRED_RESULT = 'The token returned from the tokenRefresher is expired.';

/** The `tokenRefresher` forms: validates the options, then hands everything to the engine. */
export function createRefreshingStrategy(options: CommunicationTokenRefreshOptions): TokenStrategy {
  const {
    tokenRefresher,
    token,
    refreshProactively,
    undecodableTokenExpiryIntervalInSeconds: interval,
    onRefreshError,
    clock: givenClock,
  } = options;
  if (typeof tokenRefresher !== 'function') {
    throw invalidOption('tokenRefresher', 'a function', tokenRefresher);
  }
  if (refreshProactively !== undefined && typeof refreshProactively !== 'boolean') {
    throw invalidOption('refreshProactively', 'a boolean', refreshProactively);
  }
  if (interval !== undefined && !(typeof interval === 'number' && Number.isFinite(interval) && interval > 0)) {
    // Contains 2.5.0's text "undecodableTokenExpiryIntervalInSeconds must be a positive number".
    throw invalidOption('undecodableTokenExpiryIntervalInSeconds', 'a positive number of seconds', interval);
  }
  assertOptionalFunction(onRefreshError, 'onRefreshError');
  assertOptionalClock(givenClock);
  const clock: Clock = givenClock ?? systemClock;
  const initialToken: AccessToken | undefined =
    token === undefined ? undefined : parseToken(token, clock.now(), interval);

  const engine = new RefreshEngine({
    refresh: async (abortSignal) =>
      parseToken(await tokenRefresher(abortSignal), clock.now(), interval, 'The tokenRefresher'),
    clock,
    initialToken,
    blockingWindowInMs: ON_DEMAND_REFRESH_WINDOW_IN_MS,
    backgroundWindowInMs: refreshProactively ? PROACTIVE_REFRESH_WINDOW_IN_MS : undefined,
    proactiveTimer: refreshProactively === true,
    expiredResultMessage: EXPIRED_RESULT,
    name: 'AzureCommunicationTokenCredential',
    onRefreshError,
  });
  return engine;
}
