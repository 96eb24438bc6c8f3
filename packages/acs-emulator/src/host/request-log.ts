/**
 * The request log: every request's method, route, status, caller and outcome, with the reason of
 * a refusal — in memory, bounded (oldest dropped first), with listeners for live views. For an
 * HMAC rejection it keeps what the emulator computed (the string to sign, the content hash) beside
 * the header values received, never the key or a valid signature.
 */

/** What the HMAC check saw and computed, for diagnosing a signature mismatch. */
export interface HmacDiagnostics {
  readonly stringToSign?: string;
  readonly computedContentHash?: string;
  readonly received: {
    readonly signedHeaders?: string;
    readonly xMsDate?: string;
    readonly host?: string;
    readonly contentSha256?: string;
  };
}

/** One request. */
export interface RequestLogEntry {
  readonly id: number;
  readonly timestamp: number;
  readonly method: string;
  /** Path and query as received. */
  readonly target: string;
  /** The route pattern, e.g. `/chat/threads/{threadId}` (`null` when nothing matched). */
  readonly route: string | null;
  readonly service: string | null;
  readonly status: number;
  readonly durationInMs: number;
  readonly caller: { readonly kind: string; readonly identityId?: string } | null;
  /** `ok`, or what failed: `routing`, `api-version`, `body`, `auth`, `validation`, `handler`, `internal`. */
  readonly outcome: string;
  /** The error code and message answered, for a failure. */
  readonly errorCode?: string | undefined;
  readonly reason?: string | undefined;
  readonly hmac?: HmacDiagnostics | undefined;
  /** Safe details a handler added (`ctx.annotate`). */
  readonly details?: Readonly<Record<string, unknown>> | undefined;
}

/** A log listener. */
export type RequestLogListener = (entry: RequestLogEntry) => void;

/**
 * The bounded log.
 *
 * @example
 * ```ts
 * const log = new RequestLog(10_000);
 * log.subscribe((entry) => console.log(entry.status, entry.target));
 * ```
 */
export class RequestLog {
  readonly #capacity: number;
  #entries: RequestLogEntry[] = [];
  #start = 0;
  #nextId = 1;
  readonly #listeners = new Set<RequestLogListener>();

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** Adds an entry (its id is assigned here). */
  add(entry: Omit<RequestLogEntry, 'id'>): RequestLogEntry {
    // A literal with every member (not a spread): one hidden class for every entry, and a spread
    // of this size costs microseconds on the request path.
    const complete: RequestLogEntry = {
      id: this.#nextId++,
      timestamp: entry.timestamp,
      method: entry.method,
      target: entry.target,
      route: entry.route,
      service: entry.service,
      status: entry.status,
      durationInMs: entry.durationInMs,
      caller: entry.caller,
      outcome: entry.outcome,
      errorCode: entry.errorCode,
      reason: entry.reason,
      hmac: entry.hmac,
      details: entry.details,
    };
    if (this.#entries.length - this.#start >= this.#capacity) this.#start++;
    this.#entries.push(complete);
    if (this.#start > 1024 && this.#start * 2 > this.#entries.length) {
      this.#entries = this.#entries.slice(this.#start);
      this.#start = 0;
    }
    for (const listener of this.#listeners) listener(complete);
    return complete;
  }

  /** The entries kept, oldest first; with `afterId`, only newer ones. */
  entries(afterId = 0): RequestLogEntry[] {
    const kept = this.#entries.slice(this.#start);
    return afterId === 0 ? kept : kept.filter((entry) => entry.id > afterId);
  }

  /** How many entries are kept. */
  get size(): number {
    return this.#entries.length - this.#start;
  }

  /** Adds a listener; returns its removal. */
  subscribe(listener: RequestLogListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
