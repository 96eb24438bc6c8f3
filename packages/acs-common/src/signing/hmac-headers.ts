import { authorizationHeader, EMPTY_CONTENT_HASH, signedParts, stringToSign } from 'acs-protocol';
import { hashAndSign } from '#platform';
import { unsupportedRuntime } from '../lib/errors.js';
import { decodeAccessKey } from './access-key.js';
import { type SignableBody, signableBodyOf } from './content-hash.js';
import { toHttpDate } from './http-date.js';
import { checkSigningCrypto, hashAndSignWith, type SigningOptions } from './signing-crypto.js';

/**
 * The signed parts of the last URL string: clients send many requests to the same URL (a create
 * call, a poll, a retry), and parsing it again would give the same answer.
 */
let lastUrl = '';
let lastParts: { pathAndQuery: string; host: string } = { pathAndQuery: '', host: '' };

function partsOf(url: string | URL): { pathAndQuery: string; host: string } {
  if (typeof url !== 'string') return checkedParts(url, signedParts(url));
  if (url !== lastUrl) {
    if (typeof URL !== 'function') {
      throw unsupportedRuntime(
        'URL global',
        'request signing (to sign the path and query exactly as sent)',
        'install a WHATWG URL polyfill (for example react-native-url-polyfill).',
      );
    }
    lastParts = checkedParts(url, signedParts(url));
    lastUrl = url;
  }
  return lastParts;
}

/** Whether this runtime's `URL` serialises as WHATWG does (React Native's built-in one does not). */
let whatwgUrl: boolean | undefined;

/**
 * The signed parts, refused where the runtime's `URL` is not WHATWG and the URL is one it would
 * serialise differently from what `fetch` sends (a host not in lower case, a default port, a
 * character that needs percent-encoding): such a signature could never match. Already-normal URLs
 * sign correctly everywhere.
 */
function checkedParts(url: string | URL, parts: { pathAndQuery: string; host: string }) {
  whatwgUrl ??= new URL('HTTPS://EXAMPLE.com:443/a b?c=\u00e9').href === 'https://example.com/a%20b?c=%C3%A9';
  if (whatwgUrl) return parts;
  const text = String(url);
  const defaultPort = /^https:/i.test(text) ? ':443' : /^http:/i.test(text) ? ':80' : undefined;
  if (
    parts.host !== parts.host.toLowerCase() ||
    (defaultPort !== undefined && parts.host.endsWith(defaultPort)) ||
    /[^A-Za-z0-9\-._~%!$&'()*+,;=:@/?]/.test(parts.pathAndQuery)
  ) {
    throw unsupportedRuntime(
      'WHATWG URL (its URL keeps upper-case hosts, default ports and unencoded characters as written)',
      'signing this URL exactly as it is sent',
      'install a WHATWG URL polyfill (for example react-native-url-polyfill), or sign lower-case URLs without a default port and with a percent-encoded path and query.',
    );
  }
  return parts;
}

/** What {@link createHmacHeaders} signs. */
export interface HmacSigningInput extends SigningOptions {
  /** HTTP method, any case (signed upper-cased). */
  readonly method: string;
  /**
   * The absolute URL the request goes to. Its path and query are signed exactly as WHATWG `URL`
   * serialises them, which is what `fetch`, undici and Node's `http` send.
   */
  readonly url: string | URL;
  /** The exact body that will be sent. Streams and `Blob`s are refused: buffer them first. */
  readonly body?: SignableBody;
  /** The resource's access key (base64, as in the connection string's `accesskey`). */
  readonly key: string;
  /** When the request is signed, epoch milliseconds. Default: `Date.now()`. */
  readonly requestTimestamp?: number;
}

/** The headers that authenticate one request with the access key. */
export interface HmacHeaders {
  /** RFC 1123 date, part of the signature. The service rejects dates more than 15 minutes off. */
  'x-ms-date': string;
  /** base64(SHA-256(body)). */
  'x-ms-content-sha256': string;
  /** `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=…`. */
  authorization: string;
  /**
   * The signed authority (lower-case host, plus the port when it is not the default). HTTP
   * clients send this themselves; `fetch` ignores a `host` header, so spreading these headers
   * into a `fetch` call is safe.
   */
  host: string;
}

/**
 * Signs a request with an ACS access key (HMAC-SHA256) and returns the headers to send. Use it to
 * call ACS REST APIs with plain `fetch`; Azure SDK clients use the pipeline policy instead.
 *
 * The body must be exactly what is sent (string, `Uint8Array` or `ArrayBuffer`). Where the runtime
 * has no WebCrypto (React Native), pass your own SHA-256 and HMAC-SHA256 as `crypto`.
 *
 * @example
 * ```ts
 * import { createHmacHeaders, parseConnectionString } from 'acs-common/signing';
 *
 * const { endpoint, credential } = parseConnectionString(process.env.ACS_CONNECTION_STRING!);
 * const url = new URL('/identities?api-version=2023-10-01', endpoint);
 * const body = JSON.stringify({ createTokenWithScopes: ['chat'] });
 * const headers = await createHmacHeaders({ method: 'POST', url, body, key: credential.key });
 * const response = await fetch(url, {
 *   method: 'POST',
 *   body,
 *   headers: { ...headers, 'content-type': 'application/json' },
 * });
 * ```
 */
export async function createHmacHeaders(input: HmacSigningInput): Promise<HmacHeaders> {
  if (typeof input.method !== 'string' || input.method === '') {
    throw new TypeError('createHmacHeaders: method must be a non-empty string such as "GET" or "POST".');
  }
  const crypto = checkSigningCrypto(input.crypto, 'createHmacHeaders');
  const key = decodeAccessKey(input.key);
  const body = signableBodyOf(input.body);
  const date = toHttpDate(input.requestTimestamp ?? Date.now());
  const { pathAndQuery, host } = partsOf(input.url);
  const { method } = input;
  // One asynchronous step for both digests; an empty body (every GET) is not hashed.
  const stringToSignOf = (contentHash: string) => stringToSign({ method, pathAndQuery, date, host, contentHash });
  const [hash, signature] = await (crypto === undefined
    ? hashAndSign(key, body, EMPTY_CONTENT_HASH, stringToSignOf)
    : hashAndSignWith(crypto, key, body, EMPTY_CONTENT_HASH, stringToSignOf));
  return {
    'x-ms-date': date,
    'x-ms-content-sha256': hash,
    authorization: authorizationHeader(signature),
    host,
  };
}
