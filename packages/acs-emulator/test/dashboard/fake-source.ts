import type { DeliveryRecord } from '../../src/host/outbound.js';
import type { RequestLogEntry } from '../../src/host/request-log.js';
import type { DashboardSource } from '../../src/services/dashboard/views/source.js';

/** A DashboardSource over plain data, for the view tests. */
export function fakeSource(input: {
  services?: string[];
  collections?: Record<string, Record<string, unknown>>;
  requests?: RequestLogEntry[];
  deliveries?: DeliveryRecord[];
}): DashboardSource {
  const collections = input.collections ?? {};
  return {
    services: input.services ?? [],
    collectionNames: () => Object.keys(collections),
    values: (name) => Object.values(collections[name] ?? {}),
    get: (name, key) => collections[name]?.[key],
    requests: () => input.requests ?? [],
    deliveries: () => input.deliveries ?? [],
  };
}

let nextId = 1;

/** A request-log entry with defaults. */
export function logEntry(partial: Partial<RequestLogEntry>): RequestLogEntry {
  return {
    id: nextId++,
    timestamp: Date.UTC(2026, 0, 1, 10, 0, 0),
    method: 'GET',
    target: '/',
    route: null,
    service: null,
    status: 200,
    durationInMs: 1,
    caller: null,
    outcome: 'ok',
    ...partial,
  };
}
