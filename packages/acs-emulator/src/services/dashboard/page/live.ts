/**
 * The live feed: one EventSource on `/emulator/api/stream`. `request` events (the backlog first,
 * then each new entry) grow the request log; `change` events bump a counter per view so the views
 * refetch. Events are applied in batches (one render per batch, not one per event), so a burst of
 * thousands of requests costs a handful of renders.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ChangeEventView, RequestLogEntryView, ViewName } from '../api-types.js';
import { API } from './api.js';

/** How long events are gathered before one render. */
const BATCH_IN_MS = 100;
/** The most entries the page keeps (older ones drop off, as on the server). */
const MAX_ENTRIES = 50_000;

/** What the views read. */
export interface LiveState {
  /** The request log, oldest first. The array is replaced on every batch. */
  readonly entries: readonly RequestLogEntryView[];
  readonly connected: boolean;
  /** Per view, how many change events were seen (a view refetches when its number moves). */
  readonly changes: Readonly<Record<ViewName, number>>;
}

const NO_CHANGES: Record<ViewName, number> = { identities: 0, chat: 0, outbox: 0, rooms: 0, calls: 0, deliveries: 0 };

/**
 * The live store (one per page).
 *
 * @example
 * ```ts
 * const live = new LiveFeed();
 * live.subscribe((state) => render(state));
 * live.start();
 * ```
 */
export class LiveFeed {
  #state: LiveState = { entries: [], connected: false, changes: NO_CHANGES };
  readonly #listeners = new Set<(state: LiveState) => void>();
  #pendingEntries: RequestLogEntryView[] = [];
  #pendingViews = new Set<ViewName>();
  #pendingConnected: boolean | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #source: EventSource | undefined;
  #lastId = 0;

  get state(): LiveState {
    return this.#state;
  }

  /** Opens the stream (EventSource reconnects by itself, resuming after the last entry id). */
  start(): void {
    const source = new EventSource(`${API}stream`);
    this.#source = source;
    source.addEventListener('open', () => this.#queueConnected(true));
    source.addEventListener('error', () => this.#queueConnected(false));
    source.addEventListener('request', (event) => {
      const entry = JSON.parse((event as MessageEvent<string>).data) as RequestLogEntryView;
      if (entry.id <= this.#lastId) return; // already have it (a reconnect's backlog)
      this.#lastId = entry.id;
      this.#pendingEntries.push(entry);
      this.#schedule();
    });
    source.addEventListener('change', (event) => {
      const change = JSON.parse((event as MessageEvent<string>).data) as ChangeEventView;
      for (const view of change.views) this.#pendingViews.add(view);
      this.#schedule();
    });
  }

  /** Closes the stream. */
  stop(): void {
    this.#source?.close();
  }

  /** Calls `listener` after every batch; returns the unsubscribe function. */
  subscribe(listener: (state: LiveState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #queueConnected(connected: boolean): void {
    this.#pendingConnected = connected;
    this.#schedule();
  }

  #schedule(): void {
    this.#timer ??= setTimeout(() => this.#flush(), BATCH_IN_MS);
  }

  #flush(): void {
    this.#timer = undefined;
    let { entries, changes, connected } = this.#state;
    if (this.#pendingEntries.length > 0) {
      entries = entries.concat(this.#pendingEntries);
      if (entries.length > MAX_ENTRIES) entries = entries.slice(entries.length - MAX_ENTRIES);
      this.#pendingEntries = [];
    }
    if (this.#pendingViews.size > 0) {
      const next = { ...changes };
      for (const view of this.#pendingViews) next[view] += 1;
      changes = next;
      this.#pendingViews = new Set();
    }
    if (this.#pendingConnected !== undefined) {
      connected = this.#pendingConnected;
      this.#pendingConnected = undefined;
    }
    this.#state = { entries, changes, connected };
    for (const listener of this.#listeners) listener(this.#state);
  }
}

/**
 * The live state as a hook.
 *
 * @example
 * ```tsx
 * const { entries, connected } = useLive(feed);
 * ```
 */
export function useLive(feed: LiveFeed): LiveState {
  const [state, setState] = useState(feed.state);
  useEffect(() => feed.subscribe(setState), [feed]);
  return state;
}
