import type { IncomingMessage } from 'node:http';
import { badRequest, HttpError } from './http-error.js';

/**
 * Request bodies: read with a size limit, then parsed as JSON on the routes that take JSON.
 */

/** Past this many bytes an oversized body is no longer drained; the connection is dropped. */
const DRAIN_LIMIT_IN_BYTES = 8 * 1024 * 1024;

/**
 * Reads the whole body, then calls back once: with the bytes, or with a 413 `HttpError`. Over
 * `limitInBytes` it keeps draining (so the client can read the answer) and then fails; far over,
 * it stops reading and the answer closes the connection. A callback rather than a promise: this
 * is on every request's path.
 *
 * @example
 * ```ts
 * readBody(request, 64 * 1024, (error, body) => { … });
 * ```
 */
export function readBody(
  request: IncomingMessage,
  limitInBytes: number,
  done: (error: HttpError | Error | undefined, body: Buffer) => void,
): void {
  const { headers } = request;
  if (
    headers['content-length'] === '0' ||
    (headers['content-length'] === undefined && headers['transfer-encoding'] === undefined)
  ) {
    done(undefined, EMPTY);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (error: HttpError | Error | undefined, body: Buffer) => {
    if (finished) return;
    finished = true;
    done(error, body);
  };
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= limitInBytes) chunks.push(chunk);
    else if (size > DRAIN_LIMIT_IN_BYTES) {
      request.removeAllListeners('data');
      request.pause();
      finish(tooLarge(limitInBytes, true), EMPTY);
    }
  });
  request.on('end', () => {
    if (size > limitInBytes) finish(tooLarge(limitInBytes, false), EMPTY);
    else finish(undefined, chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
  });
  request.on('error', (error) => finish(error, EMPTY));
}

const EMPTY = Buffer.alloc(0);

function tooLarge(limitInBytes: number, close: boolean): HttpError {
  return new HttpError(
    413,
    'RequestEntityTooLarge',
    `The request body is larger than ${limitInBytes} bytes.`,
    close ? { connection: 'close' } : {},
  );
}

/**
 * The JSON object in a body. An empty body gives `undefined` (the route decides whether that is
 * allowed). A body must come with a JSON content type (415 otherwise), parse (400) and be an
 * object (400).
 *
 * @example
 * ```ts
 * const json = parseJsonBody(request.headers['content-type'], body); // Record<string, unknown> | undefined
 * ```
 */
export function parseJsonBody(contentType: string | undefined, body: Buffer): Record<string, unknown> | undefined {
  if (body.length === 0) return undefined;
  if (contentType === undefined || !isJsonContentType(contentType)) {
    throw new HttpError(415, 'UnsupportedMediaType', 'The request body must be JSON (Content-Type: application/json).');
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw badRequest('InvalidJson', 'The request body is not valid JSON.');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw badRequest('InvalidRequestBody', 'The request body must be a JSON object.');
  }
  return json as Record<string, unknown>;
}

function isJsonContentType(value: string): boolean {
  const semicolon = value.indexOf(';');
  const mediaType = (semicolon < 0 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  return mediaType === 'application/json' || (mediaType.startsWith('application/') && mediaType.endsWith('+json'));
}
