import type { KeyCredential } from '../lib/core-auth-types.js';
import { AcsError } from '../lib/errors.js';
import { AzureKeyCredential } from './azure-key-credential.js';

/**
 * The endpoint and access key of a connection string (`@azure/communication-common`'s type).
 *
 * @example
 * ```ts
 * const { endpoint, credential }: EndpointCredential = parseConnectionString(connectionString);
 * ```
 */
export interface EndpointCredential {
  /** The endpoint, exactly as written in the connection string. */
  endpoint: string;
  /** The access key. {@link parseConnectionString} returns an {@link AzureKeyCredential}. */
  credential: KeyCredential;
}

const EXPECTED_FORM =
  'Expected "endpoint=https://<resource>.communication.azure.com/;accesskey=<base64 key>", as copied from the Azure portal (Keys page).';

function invalid(problem: string): AcsError {
  // The connection string itself is never echoed: it holds the access key.
  return new AcsError(`Invalid connection string: ${problem}. ${EXPECTED_FORM}`, 'ERR_INVALID_CONNECTION_STRING');
}

/**
 * Reads `endpoint` and `accesskey` from a connection string. Segments are separated by `;` and
 * split at their first `=` (so base64 padding stays in the key); keys may come in any order and
 * any case; whitespace around keys and values is trimmed; unknown keys, segments without `=`, and
 * a trailing `;` are ignored. Errors start with "Invalid connection string", say what is missing,
 * and never contain the access key.
 *
 * @example
 * ```ts
 * const { endpoint, credential } = parseConnectionString(
 *   'endpoint=https://contoso.communication.azure.com/;accesskey=pw==',
 * );
 * endpoint;       // 'https://contoso.communication.azure.com/'
 * credential.key; // 'pw=='
 * ```
 */
export function parseConnectionString(connectionString: string): EndpointCredential & {
  credential: AzureKeyCredential;
} {
  if (typeof connectionString !== 'string') {
    throw new TypeError(
      `parseConnectionString: connectionString must be a string, not ${connectionString === null ? 'null' : typeof connectionString}. ${EXPECTED_FORM}`,
    );
  }
  let endpoint: string | undefined;
  let accessKey: string | undefined;
  for (const segment of connectionString.split(';')) {
    const separator = segment.indexOf('=');
    if (separator < 0) continue;
    const name = segment.slice(0, separator).trim().toLowerCase();
    if (name !== 'endpoint' && name !== 'accesskey') continue;
    if ((name === 'endpoint' ? endpoint : accessKey) !== undefined) {
      throw invalid(`"${name}" appears more than once`);
    }
    const value = segment.slice(separator + 1).trim();
    if (name === 'endpoint') endpoint = value;
    else accessKey = value;
  }
  const problems: string[] = [];
  if (endpoint === undefined) problems.push('"endpoint" is missing');
  else if (endpoint === '') problems.push('the "endpoint" value is empty');
  if (accessKey === undefined) problems.push('"accesskey" is missing');
  else if (accessKey === '') problems.push('the "accesskey" value is empty');
  if (endpoint === undefined || endpoint === '' || accessKey === undefined || accessKey === '') {
    throw invalid(problems.join(' and '));
  }
  return { endpoint, credential: new AzureKeyCredential(accessKey) };
}
