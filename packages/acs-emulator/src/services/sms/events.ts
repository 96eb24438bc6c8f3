import { subjectNumber } from './phone-numbers.js';
import type { OutboxSms } from './send.js';

/**
 * The Event Grid events of the SMS service (specification/eventgrid/data-plane/
 * Microsoft.Communication, examples sms_delivery_report_received.json and sms_received.json).
 */

/** An event as a service hands it to the host's bus. */
export interface SmsEvent {
  readonly type: string;
  readonly subject: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly dataVersion: string;
}

/** An inbound message as the inbox keeps it. */
export interface InboxSms {
  readonly messageId: string;
  readonly from: string;
  readonly to: string;
  readonly message: string;
  readonly segmentCount: number;
  /** ISO 8601. */
  readonly receivedAt: string;
}

/**
 * `Microsoft.Communication.SMSDeliveryReportReceived` for a sent message (delivered: the emulator's
 * carrier always delivers).
 *
 * @example
 * ```ts
 * deliveryReportEvent(sms, Date.now()).subject; // '/phonenumber/18005550100'
 * ```
 */
export function deliveryReportEvent(sms: OutboxSms, nowTimestamp: number): SmsEvent {
  const at = new Date(nowTimestamp).toISOString();
  return {
    type: 'Microsoft.Communication.SMSDeliveryReportReceived',
    subject: `/phonenumber/${subjectNumber(sms.from)}`,
    data: {
      messageId: sms.messageId,
      from: sms.from,
      to: sms.to,
      deliveryStatus: 'Delivered',
      deliveryStatusDetails: 'No error.',
      receivedTimestamp: at,
      deliveryAttempts: [{ timestamp: sms.sentAt, segmentsSucceeded: sms.segmentCount, segmentsFailed: 0 }],
      ...(sms.tag === undefined ? {} : { tag: sms.tag }),
    },
    dataVersion: '1.0',
  };
}

/**
 * `Microsoft.Communication.SMSReceived` for an inbound message.
 *
 * @example
 * ```ts
 * smsReceivedEvent(inbound).type; // 'Microsoft.Communication.SMSReceived'
 * ```
 */
export function smsReceivedEvent(sms: InboxSms): SmsEvent {
  return {
    type: 'Microsoft.Communication.SMSReceived',
    subject: `/phonenumber/${subjectNumber(sms.from)}`,
    data: {
      messageId: sms.messageId,
      from: sms.from,
      to: sms.to,
      message: sms.message,
      receivedTimestamp: sms.receivedAt,
      segmentCount: sms.segmentCount,
    },
    dataVersion: '1.0',
  };
}
