import type { AbortSignalLike, AccessToken } from '../lib/core-auth-types.js';
import type { RefreshEngine } from '../lib/refresh-engine.js';

/** One way of producing tokens: static, refreshing, or Entra exchange. */
export interface TokenStrategy {
  getToken(abortSignal: AbortSignalLike | undefined): Promise<AccessToken>;
  dispose(): void;
  /** The engine behind a refreshing strategy, for tests and diagnostics. */
  readonly engine?: RefreshEngine;
}
