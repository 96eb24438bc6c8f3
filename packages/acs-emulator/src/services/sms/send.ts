import { INVALID_TO, isPhoneNumber } from './phone-numbers.js';
import { segmentCount } from './segments.js';

/**
 * `POST /sms` as a pure decision: from the request, the resource's numbers, the clock and the
 * repeatability records, the per-recipient results the service answers and the messages that go to
 * the outbox. The route applies it (stores, emits delivery reports) and replies 202.
 */

/** One recipient of the request body (SmsRecipient). */
export interface SmsRecipientInput {
  readonly to: string;
  readonly repeatabilityRequestId?: string | undefined;
  readonly repeatabilityFirstSent?: string | undefined;
}

/** The request body (SendMessageRequest), after schema validation. */
export interface SmsSendInput {
  readonly from: string;
  readonly smsRecipients: readonly SmsRecipientInput[];
  readonly message: string;
  readonly smsSendOptions?:
    | {
        readonly enableDeliveryReport: boolean;
        readonly tag?: string | undefined;
        readonly validityPeriodSeconds?: number | undefined;
      }
    | undefined;
}

/** One item of the 202 body (SmsSendResponseItem). */
export interface SmsSendResultItem {
  readonly to: string;
  readonly messageId?: string;
  readonly httpStatusCode: number;
  readonly repeatabilityResult?: 'accepted' | 'rejected';
  readonly successful: boolean;
  readonly errorMessage?: string;
}

/** A sent message as the outbox keeps it. */
export interface OutboxSms {
  readonly messageId: string;
  readonly from: string;
  readonly to: string;
  readonly message: string;
  readonly segmentCount: number;
  readonly enableDeliveryReport: boolean;
  readonly tag?: string;
  /** ISO 8601. */
  readonly sentAt: string;
  readonly repeatabilityRequestId?: string;
}

/** A refusal of the whole request (the sender is not the resource's). */
export interface SmsRefusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly target: string;
}

/** What `planSmsSend` needs besides the body. */
export interface SmsSendEnvironment {
  /** The resource's numbers (configured and purchased). */
  readonly owned: ReadonlySet<string>;
  readonly nowTimestamp: number;
  /** A fresh uuid. */
  readonly newUuid: () => string;
  /** The result already given for a repeatability request id, if any. */
  readonly previousResult: (repeatabilityRequestId: string) => SmsSendResultItem | undefined;
}

/** The decision. */
export type SmsSendPlan =
  | { readonly kind: 'refused'; readonly refusal: SmsRefusal }
  | {
      readonly kind: 'accepted';
      /** One per recipient, in request order. */
      readonly items: readonly SmsSendResultItem[];
      /** The messages to store (not the repeated or failed ones). */
      readonly sent: readonly OutboxSms[];
      /** New repeatability records: request id → the item answered. */
      readonly repeatability: ReadonlyMap<string, SmsSendResultItem>;
    };

/**
 * An outgoing message id as the service forms it: `Outgoing_<yyyyMMddHHmmss><uuid>`.
 *
 * @example
 * ```ts
 * outgoingMessageId(Date.UTC(2020, 5, 10, 20, 37, 25), 'bfd4ba70-70bf-4f77-925d-c0bdb5161bb3');
 * // 'Outgoing_20200610203725bfd4ba70-70bf-4f77-925d-c0bdb5161bb3'
 * ```
 */
export function outgoingMessageId(nowTimestamp: number, uuid: string): string {
  return `Outgoing_${compactTime(nowTimestamp)}${uuid}`;
}

/**
 * An incoming message id: `Incoming_<yyyyMMddHHmmss><uuid>`.
 *
 * @example
 * ```ts
 * incomingMessageId(Date.UTC(2020, 8, 18, 0, 27, 45), 'd29ebbea-3341-4466-9690-0a03af35228e');
 * // 'Incoming_20200918002745d29ebbea-3341-4466-9690-0a03af35228e'
 * ```
 */
export function incomingMessageId(nowTimestamp: number, uuid: string): string {
  return `Incoming_${compactTime(nowTimestamp)}${uuid}`;
}

function compactTime(timestamp: number): string {
  return new Date(timestamp).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

const RFC1123 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * Decides the answer to `POST /sms`.
 *
 * @example
 * ```ts
 * const plan = planSmsSend(
 *   { from: '+18005550100', smsRecipients: [{ to: '+14255550123' }, { to: '+1425' }], message: 'Hi' },
 *   { owned: new Set(['+18005550100']), nowTimestamp: Date.now(), newUuid: randomUUID, previousResult: () => undefined },
 * );
 * // plan.kind === 'accepted'; items[0].successful === true; items[1].httpStatusCode === 400
 * ```
 */
export function planSmsSend(input: SmsSendInput, env: SmsSendEnvironment): SmsSendPlan {
  if (!env.owned.has(input.from)) {
    const known = [...env.owned].join(', ');
    return {
      kind: 'refused',
      refusal: {
        status: 401,
        code: 'Unauthorized',
        message: isPhoneNumber(input.from)
          ? `The from phone number ${input.from} is not owned by this resource. Its numbers: ${known || 'none'} (start the emulator with --phone-number to add one).`
          : `The from phone number '${input.from}' is not a valid E.164 number owned by this resource. Its numbers: ${known || 'none'}.`,
        target: 'from',
      },
    };
  }
  const items: SmsSendResultItem[] = [];
  const sent: OutboxSms[] = [];
  const repeatability = new Map<string, SmsSendResultItem>();
  const enableDeliveryReport = input.smsSendOptions?.enableDeliveryReport ?? false;
  const tag = input.smsSendOptions?.tag;
  const sentAt = new Date(env.nowTimestamp).toISOString();
  for (const recipient of input.smsRecipients) {
    const requestId = recipient.repeatabilityRequestId;
    if (requestId !== undefined) {
      const previous = repeatability.get(requestId) ?? env.previousResult(requestId);
      if (previous !== undefined) {
        items.push({ ...previous, repeatabilityResult: 'accepted' });
        continue;
      }
      if (recipient.repeatabilityFirstSent === undefined || !RFC1123.test(recipient.repeatabilityFirstSent)) {
        items.push({
          to: recipient.to,
          httpStatusCode: 400,
          repeatabilityResult: 'rejected',
          successful: false,
          errorMessage:
            'Request sent with Invalid DateTime value for repeatability-first-sent. Expected is DateTime ,RFC1123 pattern.',
        });
        continue;
      }
    }
    if (!isPhoneNumber(recipient.to)) {
      items.push({ to: recipient.to, httpStatusCode: 400, successful: false, errorMessage: INVALID_TO });
      continue;
    }
    const messageId = outgoingMessageId(env.nowTimestamp, env.newUuid());
    const item: SmsSendResultItem = {
      to: recipient.to,
      messageId,
      httpStatusCode: 202,
      ...(requestId === undefined ? {} : { repeatabilityResult: 'accepted' as const }),
      successful: true,
    };
    items.push(item);
    if (requestId !== undefined) repeatability.set(requestId, item);
    sent.push({
      messageId,
      from: input.from,
      to: recipient.to,
      message: input.message,
      segmentCount: segmentCount(input.message),
      enableDeliveryReport,
      ...(tag === undefined ? {} : { tag }),
      sentAt,
      ...(requestId === undefined ? {} : { repeatabilityRequestId: requestId }),
    });
  }
  return { kind: 'accepted', items, sent, repeatability };
}
