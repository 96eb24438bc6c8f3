import type { DeliveryRecord } from '../../../host/outbound.js';
import type { RequestLogEntry } from '../../../host/request-log.js';
import type { HostView } from '../../../host/service.js';

/**
 * What the dashboard's views read: the committed store, the request log, the delivery history
 * and the names of the registered services. An interface (not the host itself) so every view is
 * a pure function, tested with plain data.
 */
export interface DashboardSource {
  /** The registered services' names. */
  readonly services: readonly string[];
  /** Every collection with at least one entry. */
  collectionNames(): readonly string[];
  /** A collection's values, in insertion order (empty when it does not exist). */
  values(collection: string): readonly unknown[];
  /** A collection's value by key. */
  get(collection: string, key: string): unknown;
  /** The request log, oldest first. */
  readonly requests: () => readonly RequestLogEntry[];
  /** The outbound deliveries kept, oldest first. */
  readonly deliveries: () => readonly DeliveryRecord[];
}

/**
 * The source over the running host.
 *
 * @example
 * ```ts
 * const source = hostSource(ctx.host);
 * identitiesView(source);
 * ```
 */
export function hostSource(host: HostView): DashboardSource {
  return {
    services: host.services.map((service) => service.name),
    collectionNames: () => host.store.names(),
    values: (collection) => [...host.store.read(collection).values()],
    get: (collection, key) => host.store.read(collection).get(key),
    requests: () => host.requestLog.entries(),
    deliveries: () => host.outbound.list(),
  };
}

/**
 * The values of every collection of `service` whose records pass `accept`, with the collection
 * name (services name their collections as they like; the dashboard recognises records by shape).
 *
 * @example
 * ```ts
 * recordsOf(source, 'sms', (record) => typeof record.message === 'string');
 * ```
 */
export function recordsOf(
  source: DashboardSource,
  service: string,
  accept: (record: Readonly<Record<string, unknown>>) => boolean,
): { collection: string; record: Readonly<Record<string, unknown>> }[] {
  const out: { collection: string; record: Readonly<Record<string, unknown>> }[] = [];
  for (const name of source.collectionNames()) {
    if (!name.startsWith(`${service}.`)) continue;
    for (const value of source.values(name)) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      const record = value as Readonly<Record<string, unknown>>;
      if (accept(record)) out.push({ collection: name, record });
    }
  }
  return out;
}
