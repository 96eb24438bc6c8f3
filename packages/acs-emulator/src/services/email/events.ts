import type { OutboxEmail } from './message.js';
import { recipientsOf } from './outbox.js';

/**
 * `Microsoft.Communication.EmailDeliveryReportReceived`, one per recipient (eventgrid examples
 * email_delivery_report_received.json).
 */

/** An event as a service hands it to the host's bus. */
export interface EmailEvent {
  readonly type: string;
  readonly subject: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly dataVersion: string;
}

/**
 * The delivery reports of a mail: `Delivered` for each recipient.
 *
 * @example
 * ```ts
 * deliveryReportEvents(mail, Date.now())[0]?.subject; // 'sender/DoNotReply@x.azurecomm.net/message/<id>'
 * ```
 */
export function deliveryReportEvents(mail: OutboxEmail, nowTimestamp: number): EmailEvent[] {
  const at = new Date(nowTimestamp).toISOString();
  return recipientsOf(mail).map((recipient) => ({
    type: 'Microsoft.Communication.EmailDeliveryReportReceived',
    subject: `sender/${mail.senderAddress}/message/${mail.id}`,
    data: {
      sender: mail.senderAddress,
      recipient,
      messageId: mail.id,
      status: 'Delivered',
      deliveryStatusDetails: { statusMessage: 'No error.' },
      deliveryAttemptTimeStamp: at,
    },
    dataVersion: '1.0',
  }));
}
