/**
 * `Microsoft.Communication.AdvancedMessageDeliveryStatusUpdated` (eventgrid examples
 * advanced_message_delivery_status_updated.json): the emulator's WhatsApp marks each message
 * `sent`, then `delivered`.
 */

/** An event as a service hands it to the host's bus. */
export interface MessagesEvent {
  readonly type: string;
  readonly subject: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly dataVersion: string;
}

/**
 * The status update of one message.
 *
 * @example
 * ```ts
 * deliveryStatusEvent({ messageId, channelRegistrationId, to: '14255550123' }, 'sent', Date.now()).subject;
 * // 'advancedMessage/<messageId>/status/sent'
 * ```
 */
export function deliveryStatusEvent(
  message: { readonly messageId: string; readonly channelRegistrationId: string; readonly to: string },
  status: 'sent' | 'delivered' | 'read' | 'failed',
  nowTimestamp: number,
): MessagesEvent {
  return {
    type: 'Microsoft.Communication.AdvancedMessageDeliveryStatusUpdated',
    subject: `advancedMessage/${message.messageId}/status/${status}`,
    data: {
      messageId: message.messageId,
      status,
      channelType: 'whatsapp',
      from: message.channelRegistrationId,
      to: message.to,
      receivedTimestamp: new Date(nowTimestamp).toISOString(),
    },
    dataVersion: '1.0',
  };
}
