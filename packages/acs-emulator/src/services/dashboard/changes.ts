import type { RequestLogEntry } from '../../host/request-log.js';
import type { ViewName } from './api-types.js';

/**
 * Which data views a happening may have changed, so the stream can tell the page what to
 * refetch. Pure: a request (by its service and method), an event (by its type), a delivery.
 */

const BY_SERVICE: Readonly<Record<string, readonly ViewName[]>> = {
  identity: ['identities'],
  chat: ['chat'],
  sms: ['outbox'],
  email: ['outbox'],
  messages: ['outbox'],
  rooms: ['rooms'],
  'call-automation': ['calls', 'deliveries'],
  events: ['deliveries'],
};

/**
 * Views a logged request may have changed. Reads (GET) change nothing, except that the identity
 * history lists refused identity requests too; the dashboard's own requests never count (a
 * refetch must not trigger a refetch).
 *
 * @example
 * ```ts
 * viewsChangedByRequest({ method: 'POST', service: 'chat', … }); // ['chat']
 * ```
 */
export function viewsChangedByRequest(entry: Pick<RequestLogEntry, 'method' | 'service' | 'route'>): ViewName[] {
  if (entry.method === 'GET' || entry.service === null || entry.service === 'dashboard') return [];
  const views = [...(BY_SERVICE[entry.service] ?? [])];
  // Emulator routes (inbound SMS, incoming call, revoke) belong to their own services, but may
  // also be registered by a service named after the emulator.
  if (views.length === 0 && entry.route !== null) {
    if (entry.route.startsWith('/emulator/sms')) views.push('outbox');
    if (entry.route.startsWith('/emulator/calls')) views.push('calls');
    if (entry.route.startsWith('/emulator/identities')) views.push('identities');
    if (entry.route.startsWith('/emulator/deliveries')) views.push('deliveries');
  }
  return views;
}

/**
 * Views an event on the bus may have changed (events from background work: delivery reports,
 * call progress).
 *
 * @example
 * ```ts
 * viewsChangedByEvent('Microsoft.Communication.SMSDeliveryReportReceived'); // ['outbox']
 * ```
 */
export function viewsChangedByEvent(type: string): ViewName[] {
  const name = type.replace(/^Microsoft\.Communication\./, '');
  if (name.startsWith('Chat')) return ['chat'];
  if (name.startsWith('SMS') || name.startsWith('Email') || name.startsWith('AdvancedMessage')) return ['outbox'];
  if (name.startsWith('Call') || name.startsWith('IncomingCall') || name.startsWith('Recognize')) return ['calls'];
  if (name.startsWith('Room')) return ['rooms'];
  return [];
}

/** A delivery changed: the deliveries view, and the calls view (its timelines show callbacks). */
export const VIEWS_CHANGED_BY_DELIVERY: readonly ViewName[] = ['deliveries', 'calls'];
