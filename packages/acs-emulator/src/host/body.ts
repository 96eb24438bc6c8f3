import type { IncomingMessage } from 'node:http';
import { badRequest, ServiceError } from './errors.js';

/**
 * Request bodies: read with a size limit and a time limit, then parsed as JSON on the routes that
 * take JSON.
 */

/** Past this many bytes an oversized body is no longer drained; the connection is dropped. */
const DRAIN_LIMIT_IN_BYTES = 8 * 1024 * 1024;

/**
 * The time limit of the bodies being read: one sweeping timer for every body in flight, not a
 * timer per request (a request's timer is set and cleared within microseconds on nearly every
 * request). A body is timed out between `timeoutInMs` and `timeoutInMs` plus one sweep interval
 * (an eighth of the limit, 5 ms to 1 s) after it started.
 *
 * @example
 * ```ts
 * const deadlines = new BodyDeadlines(30_000);
 * readBody(request, { limitInBytes: 64 * 1024, deadlines }, (error, body) => { … });
 * ```
 */
export class BodyDeadlines {
  readonly timeoutInMs: number;
  readonly #intervalInMs: number;
  /** In start order, so in deadline order: a sweep stops at the first body still in time. */
  readonly #waiting = new Set<WaitingBody>();
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(timeoutInMs: number) {
    this.timeoutInMs = timeoutInMs;
    this.#intervalInMs = Math.min(1000, Math.max(5, Math.floor(timeoutInMs / 8)));
  }

  /** Starts the clock of one body; `expire` runs if it is still waiting at its deadline. */
  watch(expire: () => void): WaitingBody {
    const waiting: WaitingBody = { deadline: performance.now() + this.timeoutInMs, expire };
    this.#waiting.add(waiting);
    if (this.#timer === undefined) {
      this.#timer = setInterval(() => this.#sweep(), this.#intervalInMs);
      this.#timer.unref();
    }
    return waiting;
  }

  /** The body arrived (or failed otherwise): its clock stops. */
  settle(waiting: WaitingBody): void {
    this.#waiting.delete(waiting);
  }

  #sweep(): void {
    const now = performance.now();
    for (const waiting of this.#waiting) {
      if (waiting.deadline > now) return;
      this.#waiting.delete(waiting);
      waiting.expire();
    }
    if (this.#waiting.size === 0 && this.#timer !== undefined) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }
}

/** One body on the clock. */
export interface WaitingBody {
  readonly deadline: number;
  readonly expire: () => void;
}

/**
 * Reads the whole body, then calls back once: with the bytes, with a 413 `ServiceError` (too
 * large), with a 408 (the body did not arrive within the deadlines' limit: a chunked body without
 * its last chunk, or fewer bytes than its `Content-Length`), or with a 400 when the client went
 * away mid-body. Over `limitInBytes` it keeps draining (so the client can read the answer) and
 * then fails; far over, it stops reading and the answer closes the connection. A callback rather
 * than a promise: this is on every request's path.
 *
 * @example
 * ```ts
 * readBody(request, { limitInBytes: 64 * 1024, deadlines }, (error, body) => { … });
 * ```
 */
export function readBody(
  request: IncomingMessage,
  limits: { readonly limitInBytes: number; readonly deadlines: BodyDeadlines },
  done: (error: ServiceError | undefined, body: Buffer) => void,
): void {
  const { headers } = request;
  if (
    headers['content-length'] === '0' ||
    (headers['content-length'] === undefined && headers['transfer-encoding'] === undefined)
  ) {
    done(undefined, EMPTY);
    return;
  }
  const { limitInBytes, deadlines } = limits;
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (error: ServiceError | undefined, body: Buffer) => {
    if (finished) return;
    finished = true;
    deadlines.settle(waiting);
    done(error, body);
  };
  const waiting = deadlines.watch(() => {
    request.removeAllListeners('data');
    request.pause();
    finish(
      new ServiceError(
        408,
        'RequestTimeout',
        `The request body did not arrive within ${deadlines.timeoutInMs / 1000} s (incomplete chunked body or short Content-Length).`,
        { headers: { connection: 'close' } },
      ),
      EMPTY,
    );
  });
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
  request.on('error', () =>
    finish(
      new ServiceError(400, 'IncompleteBody', 'The client closed the connection before the body was complete.', {
        headers: { connection: 'close' },
      }),
      EMPTY,
    ),
  );
}

const EMPTY = Buffer.alloc(0);

function tooLarge(limitInBytes: number, close: boolean): ServiceError {
  return new ServiceError(413, 'RequestEntityTooLarge', `The request body is larger than ${limitInBytes} bytes.`, {
    headers: close ? { connection: 'close' } : {},
  });
}

/**
 * The JSON value in a body. An empty body gives `undefined` (the route decides whether that is
 * allowed). A body must come with a JSON content type (415 otherwise) and parse (400).
 *
 * @example
 * ```ts
 * const json = parseJsonBody(request.headers['content-type'], body); // unknown
 * ```
 */
export function parseJsonBody(contentType: string | undefined, body: Buffer): unknown {
  if (body.length === 0) return undefined;
  if (contentType === undefined || !isJsonContentType(contentType)) {
    throw new ServiceError(
      415,
      'UnsupportedMediaType',
      'The request body must be JSON (Content-Type: application/json).',
    );
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw badRequest('InvalidJson', 'The request body is not valid JSON.');
  }
}

function isJsonContentType(value: string): boolean {
  const semicolon = value.indexOf(';');
  const mediaType = (semicolon < 0 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  return mediaType === 'application/json' || (mediaType.startsWith('application/') && mediaType.endsWith('+json'));
}
