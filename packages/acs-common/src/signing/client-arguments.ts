import type { KeyCredential, TokenCredential } from '../lib/core-auth-types.js';
import { AcsError, unsupportedRuntime } from '../lib/errors.js';
import { parseConnectionString } from './connection-string.js';
import { isKeyCredential, isTokenCredential } from './credential-guards.js';

/**
 * The URL and credential of a communication client's arguments (`@azure/communication-common`'s
 * type).
 *
 * @example
 * ```ts
 * const { url, credential }: UrlWithCredential = parseClientArguments(connectionStringOrUrl, credentialOrOptions);
 * ```
 */
export type UrlWithCredential = {
  url: string;
  credential: TokenCredential | KeyCredential;
};

const EXPECTED_ENDPOINT =
  'Expected the resource endpoint, such as "https://<resource>.communication.azure.com/": an http(s) URL with a host and no path.';

/**
 * Throws unless `endpoint` is an http(s) URL with a host and an empty path (2.5.0's rule). Every
 * string that is not such an endpoint is one kind of error, `AcsError` `ERR_INVALID_ENDPOINT`, as
 * is a bad connection string (`ERR_INVALID_CONNECTION_STRING`); a non-string is a `TypeError`.
 */
function assertValidEndpoint(endpoint: string): void {
  // Without this check the ReferenceError below would read as "not an absolute URL".
  if (typeof URL !== 'function') {
    throw unsupportedRuntime(
      'URL global',
      'parseClientArguments (to check the endpoint)',
      'install a WHATWG URL polyfill (for example react-native-url-polyfill).',
    );
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    // Not echoed: a connection string passed where a URL belongs would carry its access key.
    throw new AcsError(`Invalid endpoint url: it is not an absolute URL. ${EXPECTED_ENDPOINT}`, 'ERR_INVALID_ENDPOINT');
  }
  const problem = !/^http[s]?/.test(url.protocol)
    ? `the scheme "${url.protocol}" is not http or https`
    : url.host === ''
      ? 'it has no host'
      : url.pathname !== '' && url.pathname !== '/'
        ? 'it has a path; keep only the scheme and host'
        : undefined;
  if (problem !== undefined) {
    // Only the origin is echoed: user info, path and query could hold secrets.
    throw new AcsError(
      `Invalid endpoint url ${url.protocol}//${url.host}: ${problem}. ${EXPECTED_ENDPOINT}`,
      'ERR_INVALID_ENDPOINT',
    );
  }
}

/**
 * Reads a communication client's arguments: an endpoint URL with a `KeyCredential` or a
 * `TokenCredential` (returned as the same object), or a connection string (any options object
 * in the second position is ignored). The returned `url` is the original string.
 *
 * @example
 * ```ts
 * parseClientArguments('endpoint=https://contoso.communication.azure.com/;accesskey=pw==');
 * // { url: 'https://contoso.communication.azure.com/', credential: AzureKeyCredential }
 * parseClientArguments('https://contoso.communication.azure.com/', new DefaultAzureCredential());
 * // { url: 'https://contoso.communication.azure.com/', credential: the same DefaultAzureCredential }
 * ```
 */
export function parseClientArguments(connectionStringOrUrl: string, credentialOrOptions?: unknown): UrlWithCredential {
  if (typeof connectionStringOrUrl !== 'string') {
    throw new TypeError(
      'parseClientArguments: connectionStringOrUrl must be a string: a connection string, or an endpoint URL followed by a credential.',
    );
  }
  if (isKeyCredential(credentialOrOptions) || isTokenCredential(credentialOrOptions)) {
    assertValidEndpoint(connectionStringOrUrl);
    return { url: connectionStringOrUrl, credential: credentialOrOptions };
  }
  const { endpoint, credential } = parseConnectionString(connectionStringOrUrl);
  assertValidEndpoint(endpoint);
  return { url: endpoint, credential };
}
