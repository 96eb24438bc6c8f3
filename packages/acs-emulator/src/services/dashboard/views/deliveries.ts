import type { DeliveryRecord } from '../../../host/outbound.js';
import type { DeliveryView, Section } from '../api-types.js';
import { iso } from './fields.js';
import type { DashboardSource } from './source.js';

/**
 * One outbound delivery as the page shows it: status (`pending`, `delivering`, `retrying`,
 * `delivered`, `dead`), attempts, the last answer. Bodies and headers stay out (a callback body
 * is the app's data; headers could carry what a subscription configured).
 *
 * @example
 * ```ts
 * deliveryView(host.outbound.list()[0]);
 * ```
 */
export function deliveryView(record: DeliveryRecord): DeliveryView {
  const last = record.attempts[record.attempts.length - 1];
  return {
    id: String(record.id),
    label: record.label,
    url: record.url,
    status: record.status,
    attempts: record.attempts.length,
    lastStatusCode: last?.statusCode ?? null,
    lastError: last?.error ?? record.reason ?? null,
    createdAt: iso(record.createdAtTimestamp),
    updatedAt: last === undefined ? null : iso(last.timestamp),
  };
}

/**
 * Every delivery kept by the host, oldest first. Always present: the host owns deliveries.
 *
 * @example
 * ```ts
 * deliveriesView(hostSource(ctx.host)).value.filter((d) => d.status === 'dead');
 * ```
 */
export function deliveriesView(source: DashboardSource): Section<DeliveryView> {
  return { present: true, service: 'host', value: source.deliveries().map(deliveryView) };
}
