import { randomUUID } from 'node:crypto';

/**
 * The resource's event bus. Services `emit` events (ChatMessageReceived, SMSReceived, …) from a
 * handler; the host publishes them once the handler's transaction is durable, to every listener
 * (the events service turns them into Event Grid / CloudEvents deliveries; the dashboard shows
 * them). A listener that throws is logged and does not affect the others or the request.
 */

/** What a service emits. */
export interface EventInput {
  /** The full type, e.g. `Microsoft.Communication.ChatMessageReceived`. */
  readonly type: string;
  /** e.g. `thread/{threadId}/sender/{rawId}/recipient/{rawId}`, `/phonenumber/15555555555`. */
  readonly subject: string;
  readonly data: unknown;
  /** Default `1.0`. */
  readonly dataVersion?: string;
}

/** A published event. */
export interface ResourceEvent {
  readonly id: string;
  readonly type: string;
  readonly subject: string;
  readonly data: unknown;
  readonly dataVersion: string;
  /** ISO 8601. */
  readonly eventTime: string;
  /** The resource's ARM id, as Event Grid's `topic` / CloudEvents `source`. */
  readonly topic: string;
}

/** A bus listener. */
export type EventListener = (event: ResourceEvent) => void;

/**
 * A recorder: called for each event inside the transaction that emitted it, with that
 * transaction as its owner service sees it, so what it writes (the events service's pending
 * deliveries) is durable exactly when the emitting request's writes are — at least once, even
 * across a crash right after the reply.
 */
export type EventRecorder = (
  event: ResourceEvent,
  state: { collection<T>(name: string): import('./store/store.js').Collection<T> },
) => void;

/**
 * The bus.
 *
 * @example
 * ```ts
 * const stop = host.events.on((event) => console.log(event.type));
 * ```
 */
export class EventBus {
  readonly #listeners = new Set<{
    readonly listener: EventListener;
    readonly wants: ((type: string) => boolean) | undefined;
  }>();
  readonly #topic: string;
  readonly #log: (message: string) => void;

  constructor(resourceId: string, log: (message: string) => void) {
    this.#topic = resourceTopic(resourceId);
    this.#log = log;
  }

  /** The resource's ARM id. */
  get topic(): string {
    return this.#topic;
  }

  /**
   * Adds a listener; returns its removal. `wants` says which event types it takes (default: all),
   * answered from committed state, cheaply: it runs for every event emitted.
   */
  on(listener: EventListener, wants?: (type: string) => boolean): () => void {
    const entry = { listener, wants };
    this.#listeners.add(entry);
    return () => this.#listeners.delete(entry);
  }

  readonly #recorders: Array<{
    readonly owner: string;
    readonly record: EventRecorder;
    readonly wants: ((type: string) => boolean) | undefined;
  }> = [];

  /**
   * Whether an event of this type would go anywhere: a listener or a recorder that wants it.
   * Events nobody wants are dropped when emitted, and emitters may skip building them: on a
   * resource without event subscriptions or a live dashboard, a chat message costs no event at all.
   *
   * @example
   * ```ts
   * if (host.events.wants('Microsoft.Communication.ChatMessageReceived')) { … }
   * ```
   */
  wants(type: string): boolean {
    for (const { wants } of this.#listeners) if (wants === undefined || wants(type)) return true;
    for (const recorder of this.#recorders) if (recorder.wants === undefined || recorder.wants(type)) return true;
    return false;
  }

  /**
   * Adds a recorder owned by a service (it may write that service's collections); returns its
   * removal. `wants` says which event types it records (default: all); it must answer from
   * committed state, cheaply: it runs for every event emitted.
   *
   * @example
   * ```ts
   * host.events.record('events', (event, state) => state.collection('events.pending').put(event.id, { event }));
   * ```
   */
  record(owner: string, record: EventRecorder, wants?: (type: string) => boolean): () => void {
    const entry = { owner, record, wants };
    this.#recorders.push(entry);
    return () => {
      const index = this.#recorders.indexOf(entry);
      if (index >= 0) this.#recorders.splice(index, 1);
    };
  }

  /** Runs the recorders for an event inside its transaction (`as` gives the transaction as a service sees it). */
  recordIn(
    event: ResourceEvent,
    as: (owner: string) => { collection<T>(name: string): import('./store/store.js').Collection<T> },
  ): void {
    for (const { owner, record, wants } of this.#recorders) {
      if (wants === undefined || wants(event.type)) record(event, as(owner));
    }
  }

  /** Completes an emitted event (id, time, topic); `eventTime` is ISO 8601 (or an epoch-ms timestamp). */
  complete(input: EventInput, eventTime: string | number): ResourceEvent {
    return {
      id: randomUUID(),
      type: input.type,
      subject: input.subject,
      data: input.data,
      dataVersion: input.dataVersion ?? '1.0',
      eventTime: typeof eventTime === 'number' ? new Date(eventTime).toISOString() : eventTime,
      topic: this.#topic,
    };
  }

  /** Hands a completed event to every listener. */
  publish(event: ResourceEvent): void {
    for (const { listener, wants } of this.#listeners) {
      if (wants !== undefined && !wants(event.type)) continue;
      try {
        listener(event);
      } catch (error) {
        this.#log(`event listener failed on ${event.type}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

/**
 * The ARM id of the emulated resource.
 *
 * @example
 * ```ts
 * resourceTopic('1f0e…'); // '/subscriptions/00000000-…/resourceGroups/acs-emulator/providers/Microsoft.Communication/communicationServices/1f0e…'
 * ```
 */
export function resourceTopic(resourceId: string): string {
  return `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/acs-emulator/providers/Microsoft.Communication/communicationServices/${resourceId}`;
}
