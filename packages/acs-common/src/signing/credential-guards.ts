import type { KeyCredential, TokenCredential } from '../lib/core-auth-types.js';

/**
 * Whether a value is a `KeyCredential`: a value with a string `key` and no `getToken`.
 * `{ key: '' }` counts. (`@azure/communication-common@2.5.0` returns the falsy input itself,
 * such as `undefined` or `null`, instead of `false`; this returns a boolean.)
 *
 * @example
 * ```ts
 * isKeyCredential(new AzureKeyCredential('pw==')); // true
 * isKeyCredential(new DefaultAzureCredential());    // false
 * ```
 */
export function isKeyCredential(credential: unknown): credential is KeyCredential {
  return (
    credential !== undefined &&
    credential !== null &&
    typeof (credential as { key?: unknown }).key === 'string' &&
    (credential as { getToken?: unknown }).getToken === undefined
  );
}

/**
 * Whether a value is a `TokenCredential`, by `@azure/core-auth`'s rule: a `getToken` function,
 * and either no `signRequest` or a `getToken` that declares parameters.
 *
 * @example
 * ```ts
 * isTokenCredential(new DefaultAzureCredential()); // true
 * isTokenCredential(new AzureKeyCredential('pw==')); // false
 * ```
 */
export function isTokenCredential(credential: unknown): credential is TokenCredential {
  if (credential === undefined || credential === null) return false;
  const getToken = (credential as { getToken?: unknown }).getToken;
  return (
    typeof getToken === 'function' &&
    ((credential as { signRequest?: unknown }).signRequest === undefined || getToken.length > 0)
  );
}
