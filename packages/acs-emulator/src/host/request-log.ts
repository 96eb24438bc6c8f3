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

/** What the pipeline records of one request: an entry without its id (the log assigns it), the caller flat. */
export type RequestLogInput = Omit<RequestLogEntry, 'id' | 'caller'> & {
  /** The caller's provider, `null` before authentication. */
  readonly callerKind: string | null;
  /** For an ACS token caller: its identity. */
  readonly identityId: string | undefined;
};

/** A log listener. */
export type RequestLogListener = (entry: RequestLogEntry) => void;

/** One place of the ring, overwritten when the log wraps: no object per request to collect later. */
class Slot {
  id = 0;
  timestamp = 0;
  method = '';
  target = '';
  route: string | null = null;
  service: string | null = null;
  status = 0;
  durationInMs = 0;
  callerKind: string | null = null;
  identityId: string | undefined = undefined;
  outcome = '';
  errorCode: string | undefined = undefined;
  reason: string | undefined = undefined;
  hmac: HmacDiagnostics | undefined = undefined;
  details: Readonly<Record<string, unknown>> | undefined = undefined;

  fill(id: number, input: RequestLogInput): void {
    this.id = id;
    this.timestamp = input.timestamp;
    this.method = input.method;
    this.target = input.target;
    this.route = input.route;
    this.service = input.service;
    this.status = input.status;
    this.durationInMs = input.durationInMs;
    this.callerKind = input.callerKind;
    this.identityId = input.identityId;
    this.outcome = input.outcome;
    this.errorCode = input.errorCode;
    this.reason = input.reason;
    this.hmac = input.hmac;
    this.details = input.details;
  }

  entry(): RequestLogEntry {
    const kind = this.callerKind;
    return {
      id: this.id,
      timestamp: this.timestamp,
      method: this.method,
      target: this.target,
      route: this.route,
      service: this.service,
      status: this.status,
      durationInMs: this.durationInMs,
      caller: kind === null ? null : this.identityId === undefined ? { kind } : { kind, identityId: this.identityId },
      outcome: this.outcome,
      errorCode: this.errorCode,
      reason: this.reason,
      hmac: this.hmac,
      details: this.details,
    };
  }
}

/**
 * The bounded log: a ring of reused slots (oldest overwritten first); entries are built as
 * objects only when read or listened to. The log keeps the last `capacity` requests of a long run,
 * and a busy emulator would otherwise make and discard an object graph per request that lives just
 * long enough to be expensive to collect.
 *
 * @example
 * ```ts
 * const log = new RequestLog(10_000);
 * log.subscribe((entry) => console.log(entry.status, entry.target));
 * ```
 */
export class RequestLog {
  readonly #capacity: number;
  readonly #slots: Slot[] = [];
  /** Index of the oldest slot once the ring is full. */
  #oldest = 0;
  #nextId = 1;
  readonly #listeners = new Set<RequestLogListener>();

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** Records a request (its id is assigned here). */
  add(input: RequestLogInput): void {
    const id = this.#nextId++;
    let slot: Slot;
    if (this.#slots.length < this.#capacity) {
      slot = new Slot();
      this.#slots.push(slot);
    } else {
      slot = this.#slots[this.#oldest] as Slot;
      this.#oldest = (this.#oldest + 1) % this.#capacity;
    }
    slot.fill(id, input);
    if (this.#listeners.size === 0) return;
    const entry = slot.entry();
    for (const listener of this.#listeners) listener(entry);
  }

  /** The entries kept, oldest first; with `afterId`, only newer ones. */
  entries(afterId = 0): RequestLogEntry[] {
    const slots = this.#slots;
    const count = slots.length;
    const entries: RequestLogEntry[] = [];
    for (let offset = 0; offset < count; offset++) {
      const slot = slots[(this.#oldest + offset) % count] as Slot;
      if (slot.id > afterId) entries.push(slot.entry());
    }
    return entries;
  }

  /** How many entries are kept. */
  get size(): number {
    return this.#slots.length;
  }

  /** Adds a listener; returns its removal. */
  subscribe(listener: RequestLogListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
