import type { AdvancedMessageView, EmailAttachmentView, EmailView, OutboxView, SmsView } from '../api-types.js';
import { fields, list, rawIds, text, time } from './fields.js';
import { type DashboardSource, recordsOf } from './source.js';

type Row = Readonly<Record<string, unknown>>;

/**
 * The outbox: SMS (service `sms`), email (`email`) and advanced messages (`messages`), each
 * recognised by shape in its service's collections, oldest first. Email html and attachment
 * bytes stay out of this view (they have their own routes, see {@link findEmail}).
 *
 * @example
 * ```ts
 * outboxView(hostSource(ctx.host)).sms.value;
 * ```
 */
export function outboxView(source: DashboardSource): OutboxView {
  return {
    sms: { present: source.services.includes('sms'), service: 'sms', value: smsRows(source) },
    email: { present: source.services.includes('email'), service: 'email', value: emailRows(source) },
    messages: { present: source.services.includes('messages'), service: 'messages', value: messageRows(source) },
  };
}

const isSms = (record: Row) =>
  typeof record.message === 'string' && typeof record.from === 'string' && typeof record.to === 'string';

function smsRows(source: DashboardSource): SmsView[] {
  const rows = recordsOf(source, 'sms', isSms).map(({ collection, record }): SmsView => {
    const id = text(record, 'messageId', 'id') ?? '';
    const inbound =
      id.startsWith('Incoming') || /inbound|inbox/.test(collection) || text(record, 'direction') === 'inbound';
    return {
      id,
      direction: inbound ? 'inbound' : 'outbound',
      from: text(record, 'from'),
      to: text(record, 'to'),
      message: text(record, 'message') ?? '',
      status: text(record, 'deliveryStatus', 'status'),
      at: time(record, 'sentAt', 'receivedAt', 'receivedTimestamp', 'createdAt', 'timestamp'),
    };
  });
  return byTime(rows);
}

const isEmail = (record: Row) =>
  typeof record.subject === 'string' && (typeof record.senderAddress === 'string' || typeof record.sender === 'string');

/**
 * An email record by id (for the html and attachment routes).
 *
 * @example
 * ```ts
 * findEmail(source, operationId)?.html;
 * ```
 */
export function findEmail(source: DashboardSource, id: string): Row | undefined {
  return recordsOf(source, 'email', (record) => isEmail(record) && record.id === id)[0]?.record;
}

/**
 * The decoded bytes of an email's attachment, with its name and type.
 *
 * @example
 * ```ts
 * attachmentOf(email, 0)?.bytes;
 * ```
 */
export function attachmentOf(
  email: Row,
  index: number,
): { name: string; contentType: string; bytes: Buffer } | undefined {
  const attachment = list(email, 'attachments')[index];
  if (attachment === undefined) return undefined;
  const record = fields(attachment);
  const content = text(record, 'contentInBase64');
  if (content === null) return undefined;
  return {
    name: text(record, 'name') ?? `attachment-${index}`,
    contentType: text(record, 'contentType') ?? 'application/octet-stream',
    bytes: Buffer.from(content, 'base64'),
  };
}

function emailRows(source: DashboardSource): EmailView[] {
  const statuses = new Map<string, string>();
  for (const { record } of recordsOf(
    source,
    'email',
    (record) => !isEmail(record) && typeof record.status === 'string',
  )) {
    const id = text(record, 'id', 'operationId');
    if (id !== null) statuses.set(id, record.status as string);
  }
  const rows = recordsOf(source, 'email', isEmail).map(({ record }): EmailView => {
    const id = text(record, 'id') ?? '';
    const attachments = list(record, 'attachments').map((attachment, index): EmailAttachmentView => {
      const entry = fields(attachment);
      const content = text(entry, 'contentInBase64');
      return {
        index,
        name: text(entry, 'name') ?? `attachment-${index}`,
        contentType: text(entry, 'contentType') ?? 'application/octet-stream',
        sizeInBytes:
          typeof entry.sizeInBytes === 'number'
            ? entry.sizeInBytes
            : content === null
              ? 0
              : Buffer.from(content, 'base64').length,
      };
    });
    return {
      id,
      sender: text(record, 'senderAddress', 'sender'),
      to: rawIds(list(record, 'to')),
      cc: rawIds(list(record, 'cc')),
      bcc: rawIds(list(record, 'bcc')),
      subject: text(record, 'subject') ?? '',
      plainText: text(record, 'plainText'),
      hasHtml: typeof record.html === 'string' && record.html !== '',
      attachments,
      status: text(record, 'status') ?? statuses.get(id) ?? null,
      at: time(record, 'acceptedAt', 'sentAt', 'createdAt'),
    };
  });
  return byTime(rows);
}

const isAdvancedMessage = (record: Row) =>
  (typeof record.channelRegistrationId === 'string' || typeof record.channelId === 'string') && 'to' in record;

function messageRows(source: DashboardSource): AdvancedMessageView[] {
  const rows = recordsOf(source, 'messages', isAdvancedMessage).map(({ record }): AdvancedMessageView => {
    const content = fields(record.content);
    const template = fields(content.template ?? record.template);
    const to = record.to;
    return {
      id: text(record, 'messageId', 'id') ?? '',
      channelId: text(record, 'channelRegistrationId', 'channelId'),
      to: typeof to === 'string' ? [to] : rawIds(list(record, 'to')),
      kind: text(record, 'kind') ?? 'text',
      summary:
        text(record, 'renderedText') ??
        text(content, 'content', 'caption') ??
        text(record, 'content', 'caption') ??
        (text(template, 'name') === null
          ? null
          : `template ${text(template, 'name')} (${text(template, 'language') ?? '?'})`) ??
        text(content, 'mediaUri') ??
        text(record, 'mediaUri') ??
        '',
      status: text(record, 'status'),
      at: time(record, 'sentAt', 'acceptedAt', 'createdAt', 'receivedTimestamp'),
    };
  });
  return byTime(rows);
}

function byTime<T extends { at: string | null }>(rows: T[]): T[] {
  // Stable: rows without a time keep their store order.
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => (a.row.at ?? '').localeCompare(b.row.at ?? '') || a.index - b.index)
    .map(({ row }) => row);
}
