/**
 * An event of the resource in the two delivery schemas Event Grid offers: the Event Grid schema
 * (POSTed as a JSON array) and CloudEvents 1.0 in structured mode (one event per request,
 * `application/cloudevents+json`), plus the subscription validation event.
 */

/** An event as the host's bus publishes it. */
export interface BusEvent {
  readonly id: string;
  readonly type: string;
  readonly subject: string;
  readonly data: unknown;
  readonly dataVersion: string;
  /** ISO 8601. */
  readonly eventTime: string;
  /** The resource's ARM id. */
  readonly topic: string;
}

/** An event in the Event Grid schema. */
export interface EventGridEvent {
  readonly id: string;
  readonly topic: string;
  readonly subject: string;
  readonly data: unknown;
  readonly eventType: string;
  readonly dataVersion: string;
  readonly metadataVersion: '1';
  readonly eventTime: string;
}

/** An event in CloudEvents 1.0. */
export interface CloudEvent {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly subject: string;
  readonly type: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly data: unknown;
}

/**
 * The Event Grid schema form.
 *
 * @example
 * ```ts
 * toEventGridEvent(event).eventType; // 'Microsoft.Communication.SMSReceived'
 * ```
 */
export function toEventGridEvent(event: BusEvent): EventGridEvent {
  return {
    id: event.id,
    topic: event.topic,
    subject: event.subject,
    data: event.data,
    eventType: event.type,
    dataVersion: event.dataVersion,
    metadataVersion: '1',
    eventTime: event.eventTime,
  };
}

/**
 * The CloudEvents 1.0 form (`source` is the resource's ARM id, as Event Grid sets it).
 *
 * @example
 * ```ts
 * toCloudEvent(event).specversion; // '1.0'
 * ```
 */
export function toCloudEvent(event: BusEvent): CloudEvent {
  return {
    specversion: '1.0',
    id: event.id,
    source: event.topic,
    subject: event.subject,
    type: event.type,
    time: event.eventTime,
    datacontenttype: 'application/json',
    data: event.data,
  };
}

/**
 * The `Microsoft.EventGrid.SubscriptionValidationEvent` that starts an Event Grid schema
 * subscription; the endpoint proves it wants the events by answering `{"validationResponse": code}`.
 *
 * @example
 * ```ts
 * validationEvent({ id, topic, validationCode: 'abc', eventTime }).data.validationCode; // 'abc'
 * ```
 */
export function validationEvent(input: {
  readonly id: string;
  readonly topic: string;
  readonly validationCode: string;
  readonly eventTime: string;
}): EventGridEvent & { readonly data: { readonly validationCode: string } } {
  return {
    id: input.id,
    topic: input.topic,
    subject: '',
    data: { validationCode: input.validationCode },
    eventType: 'Microsoft.EventGrid.SubscriptionValidationEvent',
    dataVersion: '1',
    metadataVersion: '1',
    eventTime: input.eventTime,
  };
}
