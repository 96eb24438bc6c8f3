import { type Clock, systemClock } from '../lib/clock.js';
import type { AccessToken } from '../lib/core-auth-types.js';
import { RefreshEngine, type RefreshPolicy } from '../lib/refresh-engine.js';
import { REFRESH_WINDOWS } from '../lib/refresh-windows.js';
import { parseToken } from './parse-token.js';
import type { TokenStrategy } from './strategy.js';
import type { CommunicationTokenRefreshOptions } from './types.js';
import { assertOptionalClock, invalidOption } from './validate.js';

function createPolicy(
  proactive: boolean,
  interval: number | undefined,
  clock: Clock,
  onRefreshError: ((error: unknown) => void) | undefined,
): RefreshPolicy<AccessToken> {
  return {
    clock,
    onRefreshError,
    windows: proactive ? REFRESH_WINDOWS.acsTokenProactive : REFRESH_WINDOWS.acsToken,
    proactiveTimer: proactive,
    expiredResultMessage: 'The token returned from the tokenRefresher is expired.',
    source: 'The tokenRefresher',
    invalidResultCode: 'ERR_INVALID_TOKEN',
    name: 'AzureCommunicationTokenCredential',
    normalize: (value, nowInMs) => parseToken(value, nowInMs, interval, 'The tokenRefresher'),
  };
}

/** The two policies with default options, shared by all credentials that use them. */
const sharedPolicies: RefreshPolicy<AccessToken>[] = [];

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
  if (onRefreshError !== undefined && typeof onRefreshError !== 'function') {
    throw invalidOption('onRefreshError', 'a function', onRefreshError);
  }
  assertOptionalClock(givenClock);
  const clock: Clock = givenClock ?? systemClock;
  const initialToken: AccessToken | undefined =
    token === undefined ? undefined : parseToken(token, clock.now(), interval);

  const proactive = refreshProactively === true;
  const defaults = interval === undefined && givenClock === undefined && onRefreshError === undefined;
  let policy = defaults ? sharedPolicies[+proactive] : undefined;
  if (policy === undefined) {
    policy = createPolicy(proactive, interval, clock, onRefreshError);
    if (defaults) sharedPolicies[+proactive] = policy;
  }
  const engine = new RefreshEngine(policy, {
    refresh: tokenRefresher, // called with the abort signal only, as 2.5.0 calls it (see the engine)
    initialToken,
  });
  return engine;
}
