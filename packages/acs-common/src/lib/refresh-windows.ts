/**
 * The refresh windows of every token kind, in one table. Times are milliseconds before the
 * token's expiry.
 *
 * - `blockingInMs`: callers wait for a new token when less than this remains, but never for more
 *   than half of the token's lifetime, so a 90-second token is not refreshed on every call. The
 *   lifetime comes from the token itself when it says (JWT `iat` → `exp`), else from the moment
 *   the refresh that produced it started; an initial token that does not say has no such cap
 *   (lib/refresh-policy.ts).
 * - `backgroundInMs`: a refresh starts without making anyone wait when less than this remains
 *   (at half the remaining lifetime once inside); absent: no background refresh.
 *
 * | token | background | blocking | source of the numbers |
 * |---|---|---|---|
 * | ACS token from a `tokenRefresher`, proactive | 10 min | 2 min | all six official SDKs (10 min); .NET, Python, iOS, Android (2 min) |
 * | ACS token from a `tokenRefresher`, not proactive | — | 2 min | as above |
 * | ACS token from the Entra exchange | — | 2 min | the on-demand window of the refresher form |
 * | Entra token from the `tokenCredential` | — | 5 min | Azure Core's bearer policy |
 * | token of the bearer policy (`createBearerTokenPolicy`) | 2 min | 1 s | core-rest-pipeline's token cycler |
 */

/**
 * The windows of one token kind.
 *
 * @example
 * ```ts
 * const { blockingInMs, backgroundInMs }: RefreshWindows = REFRESH_WINDOWS.bearerToken;
 * ```
 */
export interface RefreshWindows {
  readonly blockingInMs: number;
  readonly backgroundInMs?: number;
}

const MINUTE = 60_000;

/**
 * The table above, as values.
 *
 * @example
 * ```ts
 * REFRESH_WINDOWS.entraToken.blockingInMs; // 300000
 * ```
 */
export const REFRESH_WINDOWS = {
  acsTokenProactive: { backgroundInMs: 10 * MINUTE, blockingInMs: 2 * MINUTE },
  acsToken: { blockingInMs: 2 * MINUTE },
  exchangedAcsToken: { blockingInMs: 2 * MINUTE },
  entraToken: { blockingInMs: 5 * MINUTE },
  bearerToken: { backgroundInMs: 2 * MINUTE, blockingInMs: 1000 },
} as const satisfies Record<string, RefreshWindows>;
