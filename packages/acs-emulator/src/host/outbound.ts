import { isLoopbackHost } from 'acs-protocol';

/**
 * Outbound deliveries: what the emulated resource would send to the app (Event Grid webhooks,
 * Call Automation callbacks) as POSTs with a timeout, retried with exponential back-off, and kept
 * in a bounded history for the dashboard (a delivery out of attempts is "dead": the dead-letter
 * list). A delivery never blocks the request that caused it. Deliveries with the same `group`
 * go out one at a time, in order (a call's events), so a hanging receiver delays only its own
 * group. Targets must be loopback hosts or hosts named in the `callbackHosts` option: nothing
 * leaves the machine unless the user said so.
 */

/**
 * A delivery URL as it may be shown (records, labels, logs, the dashboard): origin and path only.
 * Webhook URLs often carry a key in the query (`?code=…`) or credentials before the host; those
 * are never shown.
 *
 * @example
 * ```ts
 * shownUrl('https://fn.example/api/events?code=secret'); // 'https://fn.example/api/events'
 * ```
 */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(not a URL)';
  }
}

/** What to deliver. */
export interface DeliveryInput {
  readonly url: string;
  /** JSON value, or text sent as is. */
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** What it is, for people: `Microsoft.Communication.CallConnected → https://…`. */
  readonly label: string;
  /** `event`, `callback`, `validation`, … */
  readonly kind?: string;
  /** Deliveries of one group go out in order, one at a time. */
  readonly group?: string;
  /** Default: the `deliveryMaxAttempts` option. */
  readonly maxAttempts?: number;
  /** A header that carries how many attempts came before this one (Event Grid: `aeg-delivery-count`). */
  readonly attemptCountHeader?: string;
  /** Answers that end the delivery at once as dead (Event Grid: 400, 401, 403, 413). */
  readonly noRetryStatuses?: readonly number[];
  /** Called once with the final outcome (delivered or dead). */
  readonly onSettled?: (record: DeliveryRecord) => void;
}

/** One attempt. */
export interface DeliveryAttempt {
  readonly timestamp: number;
  readonly statusCode?: number;
  readonly error?: string;
  readonly durationInMs: number;
}

/** A delivery and its attempts. */
export interface DeliveryRecord {
  readonly id: number;
  /** Where it goes, without query or credentials (`shownUrl`). */
  readonly url: string;
  readonly label: string;
  readonly kind: string;
  readonly group: string | undefined;
  readonly createdAtTimestamp: number;
  status: 'pending' | 'delivering' | 'retrying' | 'delivered' | 'dead';
  readonly attempts: DeliveryAttempt[];
  /** Why it is dead. */
  reason?: string;
  nextAttemptTimestamp?: number;
}

/** Delivery settings (from the options). */
export interface OutboundSettings {
  readonly timeoutInMs: number;
  readonly maxAttempts: number;
  readonly retryBaseDelayInMs: number;
  readonly retryMaxDelayInMs: number;
  /** Host names besides loopback that may receive deliveries. */
  readonly allowedHosts: readonly string[];
  readonly historySize: number;
}

interface Queued {
  readonly record: DeliveryRecord;
  readonly input: DeliveryInput;
}

/**
 * The delivery queue.
 *
 * @example
 * ```ts
 * outbound.enqueue({ url: 'http://127.0.0.1:8080/callback', body: [cloudEvent], label: 'CallConnected' });
 * ```
 */
export class Outbound {
  readonly #settings: OutboundSettings;
  readonly #now: () => number;
  readonly #log: (message: string) => void;
  readonly #history: DeliveryRecord[] = [];
  readonly #inputs = new Map<number, DeliveryInput>();
  readonly #groups = new Map<string, Queued[]>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #controllers = new Set<AbortController>();
  readonly #listeners = new Set<(record: DeliveryRecord) => void>();
  #nextId = 1;
  #closed = false;

  constructor(settings: OutboundSettings, now: () => number, log: (message: string) => void) {
    this.#settings = settings;
    this.#now = now;
    this.#log = log;
  }

  /** Queues a delivery and returns its record (updated in place as attempts happen). */
  enqueue(input: DeliveryInput): DeliveryRecord {
    const record: DeliveryRecord = {
      id: this.#nextId++,
      url: shownUrl(input.url),
      label: input.label,
      kind: input.kind ?? 'callback',
      group: input.group,
      createdAtTimestamp: this.#now(),
      status: 'pending',
      attempts: [],
    };
    this.#remember(record, input);
    const refusal = this.#refusal(input.url);
    if (refusal !== undefined) {
      this.#settle(record, input, 'dead', refusal);
      return record;
    }
    this.#start({ record, input });
    return record;
  }

  /** Every delivery kept, oldest first. */
  list(): readonly DeliveryRecord[] {
    return this.#history;
  }

  /** A delivery by id. */
  get(id: number): DeliveryRecord | undefined {
    return this.#history.find((record) => record.id === id);
  }

  /** Sends a dead delivery again as a new delivery; `undefined` if unknown or not dead. */
  replay(id: number): DeliveryRecord | undefined {
    const record = this.get(id);
    const input = this.#inputs.get(id);
    if (record === undefined || input === undefined || record.status !== 'dead') return undefined;
    return this.enqueue({ ...input, label: `${input.label} (replay of #${id})` });
  }

  /** Adds a listener for every change of a record; returns its removal. */
  subscribe(listener: (record: DeliveryRecord) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops retrying and aborts attempts in flight. */
  close(): void {
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    for (const controller of this.#controllers) controller.abort();
  }

  #refusal(url: string): string | undefined {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return 'not an absolute URL';
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'only http and https URLs are delivered';
    const host = parsed.hostname.toLowerCase();
    if (isLoopbackHost(parsed.hostname) || this.#settings.allowedHosts.includes(host)) return undefined;
    return `host '${host}' is not loopback: add it with --callback-host ${host} to allow deliveries to it`;
  }

  #start(queued: Queued): void {
    const group = queued.input.group;
    if (group === undefined) {
      void this.#run(queued);
      return;
    }
    const waiting = this.#groups.get(group);
    if (waiting !== undefined) {
      waiting.push(queued);
      return;
    }
    this.#groups.set(group, []);
    void this.#runGroup(group, queued);
  }

  async #runGroup(group: string, first: Queued): Promise<void> {
    let next: Queued | undefined = first;
    while (next !== undefined && !this.#closed) {
      await this.#run(next);
      next = this.#groups.get(group)?.shift();
    }
    this.#groups.delete(group);
  }

  /** Attempts until delivered or out of attempts. */
  async #run({ record, input }: Queued): Promise<void> {
    const maxAttempts = input.maxAttempts ?? this.#settings.maxAttempts;
    const body = typeof input.body === 'string' ? input.body : JSON.stringify(input.body);
    while (!this.#closed) {
      record.status = 'delivering';
      delete record.nextAttemptTimestamp;
      this.#changed(record);
      const attempt = await this.#attempt(input, body, record.attempts.length);
      record.attempts.push(attempt);
      if (attempt.statusCode !== undefined && attempt.statusCode >= 200 && attempt.statusCode < 300) {
        this.#settle(record, input, 'delivered');
        return;
      }
      if (attempt.statusCode !== undefined && input.noRetryStatuses?.includes(attempt.statusCode)) {
        this.#settle(record, input, 'dead', `the receiver answered ${attempt.statusCode}, which is not retried`);
        return;
      }
      if (record.attempts.length >= maxAttempts) {
        this.#settle(record, input, 'dead', `no success after ${record.attempts.length} attempts`);
        return;
      }
      const delayInMs = Math.min(
        this.#settings.retryMaxDelayInMs,
        this.#settings.retryBaseDelayInMs * 2 ** (record.attempts.length - 1),
      );
      record.status = 'retrying';
      record.nextAttemptTimestamp = this.#now() + delayInMs;
      this.#changed(record);
      await this.#sleep(delayInMs);
    }
  }

  async #attempt(input: DeliveryInput, body: string, previousAttempts: number): Promise<DeliveryAttempt> {
    const timestamp = this.#now();
    const started = performance.now();
    const controller = new AbortController();
    this.#controllers.add(controller);
    const timer = setTimeout(() => controller.abort(), this.#settings.timeoutInMs);
    try {
      const response = await fetch(input.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...input.headers,
          ...(input.attemptCountHeader === undefined ? {} : { [input.attemptCountHeader]: String(previousAttempts) }),
        },
        body,
        signal: controller.signal,
        redirect: 'manual',
      });
      await response.arrayBuffer().catch(() => undefined);
      return { timestamp, statusCode: response.status, durationInMs: Math.round(performance.now() - started) };
    } catch (error) {
      const message = controller.signal.aborted
        ? `no answer within ${this.#settings.timeoutInMs} ms`
        : error instanceof Error
          ? ((error.cause as Error | undefined)?.message ?? error.message)
          : String(error);
      return { timestamp, error: message, durationInMs: Math.round(performance.now() - started) };
    } finally {
      clearTimeout(timer);
      this.#controllers.delete(controller);
    }
  }

  #sleep(delayInMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        resolve();
      }, delayInMs);
      timer.unref();
      this.#timers.add(timer);
    });
  }

  #settle(record: DeliveryRecord, input: DeliveryInput, status: 'delivered' | 'dead', reason?: string): void {
    record.status = status;
    if (reason !== undefined) {
      record.reason = reason;
      this.#log(`delivery #${record.id} (${record.label}) is dead: ${reason}`);
    }
    this.#changed(record);
    try {
      input.onSettled?.(record);
    } catch (error) {
      this.#log(`delivery #${record.id} settle hook failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  #remember(record: DeliveryRecord, input: DeliveryInput): void {
    this.#history.push(record);
    this.#inputs.set(record.id, input);
    while (this.#history.length > this.#settings.historySize) {
      const dropped = this.#history.shift() as DeliveryRecord;
      this.#inputs.delete(dropped.id);
    }
    this.#changed(record);
  }

  #changed(record: DeliveryRecord): void {
    for (const listener of this.#listeners) listener(record);
  }
}
