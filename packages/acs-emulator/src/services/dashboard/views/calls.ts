import type { CallEventView, CallView, Section } from '../api-types.js';
import { fields, list, rawId, rawIds, text, time } from './fields.js';
import type { DashboardSource } from './source.js';

/**
 * Calls (`call-automation.calls`, and raised incoming calls not answered yet) with a timeline: when the call was created and ended, and every
 * callback delivered for it (the host's deliveries grouped by the call's connection id), with the
 * delivery's status.
 *
 * @example
 * ```ts
 * callsView(hostSource(ctx.host)).value[0]?.events;
 * ```
 */
export function callsView(source: DashboardSource): Section<CallView> {
  const deliveries = source.deliveries();
  const value = source.values('call-automation.calls').flatMap((raw): CallView[] => {
    const record = fields(raw);
    const id = text(record, 'callConnectionId', 'id');
    if (id === null) return [];
    const createdAt = time(record, 'createdAt', 'createdOn');
    const endedAt = time(record, 'endedAt');
    const events: CallEventView[] = [];
    if (createdAt !== null) events.push({ type: 'created', at: createdAt, detail: text(record, 'direction') });
    for (const delivery of deliveries) {
      if (delivery.group !== id && !delivery.group?.endsWith(`:${id}`) && !delivery.label.includes(id)) continue;
      const last = delivery.attempts[delivery.attempts.length - 1];
      events.push({
        type: delivery.label.split(' → ')[0] ?? delivery.label,
        at: new Date(delivery.createdAtTimestamp).toISOString(),
        detail: `${delivery.status}${last?.statusCode === undefined ? '' : ` (HTTP ${last.statusCode})`}`,
      });
    }
    if (endedAt !== null) events.push({ type: 'ended', at: endedAt, detail: null });
    events.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
    return [
      {
        id,
        state: text(record, 'state', 'callConnectionState'),
        direction: text(record, 'direction'),
        source: rawId(record.source) ?? text(record, 'sourceCallerIdNumber'),
        targets: rawIds(list(record, 'targets')),
        callbackUri: text(record, 'callbackUri'),
        createdAt,
        events,
      },
    ];
  });
  // Incoming calls raised (POST /emulator/calls/incoming) and not answered yet.
  for (const raw of source.values('call-automation.incoming')) {
    const record = fields(raw);
    const id = text(record, 'serverCallId', 'incomingCallContext');
    if (id === null) continue;
    const raisedAt = time(record, 'raisedAt');
    value.push({
      id,
      state: 'ringing (incoming, not answered)',
      direction: 'inbound',
      source: rawId(record.from),
      targets: rawIds([record.to]),
      callbackUri: null,
      createdAt: raisedAt,
      events: [{ type: 'Microsoft.Communication.IncomingCall', at: raisedAt, detail: 'published on the event bus' }],
    });
  }
  return { present: source.services.includes('call-automation'), service: 'call-automation', value };
}
