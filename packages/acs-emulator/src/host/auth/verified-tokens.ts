import type { Callers } from '../service.js';

/**
 * ACS access tokens whose signature and claims were already checked, by their exact text. A client
 * sends the same token for up to a day (the official credentials cache it), so the pipeline checks
 * each token's HMAC and parses its JSON once, not on every request. What can change after
 * issuance is still checked on every request by the caller: the expiry (against the clock, here),
 * and the identity's deletion and revocation (against the store, by the provider). A token that
 * was never verified is never in the cache, so it cannot let anything through that a full check
 * would refuse. Bounded: past `capacity` the oldest entry goes.
 */

/** The caller a verified token stands for (frozen, shared by the requests that carry the token). */
export type AcsTokenCaller = Callers['acsToken'];

/**
 * The cache.
 *
 * @example
 * ```ts
 * const verified = new VerifiedTokens(1024);
 * const caller = verified.get(token, Date.now()) ?? verified.add(token, fullCheck(token));
 * ```
 */
export class VerifiedTokens {
  readonly #capacity: number;
  readonly #callers = new Map<string, AcsTokenCaller>();

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer.');
    this.#capacity = capacity;
  }

  /** The caller of a verified token that has not expired at `nowTimestamp`; otherwise `undefined`. */
  get(token: string, nowTimestamp: number): AcsTokenCaller | undefined {
    const caller = this.#callers.get(token);
    if (caller === undefined) return undefined;
    if (nowTimestamp >= caller.expiresOnTimestamp) {
      this.#callers.delete(token); // the full check reports the expiry
      return undefined;
    }
    return caller;
  }

  /** Remembers a token that passed the full check; returns its (frozen) caller. */
  add(token: string, caller: AcsTokenCaller): AcsTokenCaller {
    const frozen = Object.freeze({ ...caller, scopes: Object.freeze([...caller.scopes]) });
    if (this.#callers.size >= this.#capacity) {
      const oldest = this.#callers.keys().next();
      if (oldest.done !== true) this.#callers.delete(oldest.value);
    }
    this.#callers.set(token, frozen);
    return frozen;
  }

  /** How many tokens are remembered. */
  get size(): number {
    return this.#callers.size;
  }
}
