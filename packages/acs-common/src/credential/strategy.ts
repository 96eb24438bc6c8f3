import type { AbortSignalLike, AccessToken } from '../lib/core-auth-types.js';

/** One way of producing tokens: static, refreshing, or Entra exchange. */
export interface TokenStrategy {
  getToken(abortSignal: AbortSignalLike | undefined): Promise<AccessToken>;
  dispose(): void;
}
