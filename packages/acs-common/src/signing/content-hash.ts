import { EMPTY_CONTENT_HASH } from 'acs-protocol';
import { sha256Base64 } from '#platform';
import { AcsError } from '../lib/errors.js';

/**
 * A request body we can hash: exactly the bytes that go on the wire. Strings are sent (and
 * hashed) as UTF-8; views are hashed over their own window of the underlying buffer.
 */
export type SignableBody = string | ArrayBuffer | ArrayBufferView | null | undefined;

const hasArrayBufferTag = (value: object): boolean => Object.prototype.toString.call(value) === '[object ArrayBuffer]';

/**
 * The body as a string or bytes, `undefined` when it is empty. Anything else (a stream, a function
 * returning a stream, a `Blob`, `FormData`) has bytes we cannot see before they are sent, so it is
 * an `AcsError` `ERR_UNSUPPORTED_BODY` rather than a hash of `"[object …]"`.
 */
export function signableBodyOf(body: unknown): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body === '' ? undefined : body;
  if (typeof body === 'object') {
    if (ArrayBuffer.isView(body)) {
      return body.byteLength === 0
        ? undefined
        : body instanceof Uint8Array
          ? body
          : new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    }
    if (body instanceof ArrayBuffer || hasArrayBufferTag(body)) {
      const buffer = body as ArrayBuffer;
      return buffer.byteLength === 0 ? undefined : new Uint8Array(buffer);
    }
  }
  throw unsupportedBody(describeBody(body));
}

/**
 * base64(SHA-256(body bytes)); {@link EMPTY_CONTENT_HASH} for an absent or empty body.
 *
 * @example
 * ```ts
 * await contentHash('{"a":1}'); // 'AVq9f1zFei3ZS3WQ8ErYCEJzkF7jPsXOvq5iJ2qX+GI='
 * await contentHash(undefined); // '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='
 * ```
 */
export async function contentHash(body: SignableBody): Promise<string> {
  const data = signableBodyOf(body);
  return data === undefined ? EMPTY_CONTENT_HASH : sha256Base64(data);
}

/** The error for a body whose bytes are not known before sending. */
export function unsupportedBody(what: string): AcsError {
  return new AcsError(
    `Cannot sign a request whose body is ${what}: the HMAC signature covers the SHA-256 of the exact body bytes, so the body must be a string, a Uint8Array (or another ArrayBufferView), an ArrayBuffer, or empty. Buffer the body before sending it, for example \`new Uint8Array(await new Response(streamOrBlob).arrayBuffer())\`.`,
    'ERR_UNSUPPORTED_BODY',
  );
}

function describeBody(body: unknown): string {
  if (typeof body === 'function') return 'a function (such as a stream factory)';
  if (typeof body !== 'object' || body === null) return `a ${typeof body}`;
  const name = (body as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' && name !== 'Object' ? `a ${name}` : 'an object';
}
