import type { KeyCredential } from '../lib/core-auth-types.js';
import { REDACTED } from '../lib/redact.js';

function assertKey(key: unknown, where: string): asserts key is string {
  if (typeof key !== 'string' || key === '') {
    throw new TypeError(
      `${where}: key must be a non-empty string (the resource's access key, from the Azure portal's Keys page or the connection string's accesskey).`,
    );
  }
}

/**
 * A static access key that can be rotated, shaped like `@azure/core-auth`'s `AzureKeyCredential`
 * (its prototype's own names are exactly `constructor`, `key` and `update`). The key lives in a
 * private field, so it never shows up in `JSON.stringify` or `util.inspect` output.
 *
 * @example
 * ```ts
 * const credential = new AzureKeyCredential(process.env.ACS_ACCESS_KEY!);
 * const client = new CommunicationIdentityClient('https://contoso.communication.azure.com/', credential);
 * // later, after rotating the key in the portal; the next request uses the new key:
 * credential.update(newKey);
 * ```
 */
export class AzureKeyCredential implements KeyCredential {
  #key: string;

  /** The key used to sign the next request. */
  get key(): string {
    return this.#key;
  }

  /**
   * @param key - The access key (base64, as shown in the Azure portal). Must be a non-empty string.
   */
  constructor(key: string) {
    assertKey(key, 'AzureKeyCredential');
    this.#key = key;
  }

  /**
   * Replaces the key. It takes effect on the next request.
   *
   * @param newKey - The new access key. Must be a non-empty string.
   */
  update(newKey: string): void {
    assertKey(newKey, 'AzureKeyCredential.update');
    this.#key = newKey;
  }

  // A symbol, so the prototype's own (string) names stay {constructor, key, update}; it keeps the
  // key hidden even from `util.inspect(credential, { getters: true })`.
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `AzureKeyCredential { key: ${REDACTED} }`;
  }
}
