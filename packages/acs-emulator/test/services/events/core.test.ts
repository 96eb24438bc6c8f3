import { describe, expect, it } from 'vitest';
import { deliveryKey, MAX_DEAD_LETTERS, overflow } from '../../../src/services/events/dead-letter.js';
import { deliveryRequest } from '../../../src/services/events/delivery-request.js';
import { optionSubscriptionId } from '../../../src/services/events/dispatcher.js';
import {
  type BusEvent,
  toCloudEvent,
  toEventGridEvent,
  validationEvent,
} from '../../../src/services/events/envelopes.js';
import { cloudEventsHandshakeProblem, eventGridValidationProblem } from '../../../src/services/events/handshake.js';
import {
  endpointBaseUrl,
  endpointProblem,
  fullEventType,
  parseSubscriptionOption,
  wantsEvent,
} from '../../../src/services/events/subscription.js';

// examples/event-grid-schema/sms_received.json, as the bus would publish it.
const EVENT: BusEvent = {
  id: 'Incoming_20200918002745d29ebbea-3341-4466-9690-0a03af35228e',
  type: 'Microsoft.Communication.SMSReceived',
  subject: '/phonenumber/15555555555',
  data: {
    MessageId: 'Incoming_20200918002745d29ebbea-3341-4466-9690-0a03af35228e',
    From: '15555555555',
    To: '15555555555',
    Message: 'Great to connect with ACS events',
    ReceivedTimestamp: '2020-09-18T00:27:45.32Z',
  },
  dataVersion: '1.0',
  eventTime: '2020-09-18T00:27:47Z',
  topic:
    '/subscriptions/50ad1522-5c2c-4d9a-a6c8-67c11ecb75b8/resourcegroups/acse2e/providers/microsoft.communication/communicationservices/{communication-services-resource-name}',
};

describe('envelopes', () => {
  it('Event Grid schema equals the spec example', () => {
    expect(toEventGridEvent(EVENT)).toEqual({
      id: EVENT.id,
      topic: EVENT.topic,
      subject: '/phonenumber/15555555555',
      data: EVENT.data,
      eventType: 'Microsoft.Communication.SMSReceived',
      dataVersion: '1.0',
      metadataVersion: '1',
      eventTime: '2020-09-18T00:27:47Z',
    });
  });

  it('CloudEvents 1.0 carries the required attributes', () => {
    const cloud = toCloudEvent(EVENT);
    expect(cloud).toMatchObject({
      specversion: '1.0',
      id: EVENT.id,
      source: EVENT.topic,
      type: 'Microsoft.Communication.SMSReceived',
      subject: '/phonenumber/15555555555',
      time: '2020-09-18T00:27:47Z',
    });
    expect(cloud.data).toBe(EVENT.data);
  });

  it('the validation event carries the code', () => {
    const event = validationEvent({
      id: 'v',
      topic: 't',
      validationCode: 'c0de',
      eventTime: 'now',
    });
    expect(event.eventType).toBe('Microsoft.EventGrid.SubscriptionValidationEvent');
    expect(event.data).toEqual({ validationCode: 'c0de' });
  });

  it('delivery requests: an array with aeg headers, or one structured CloudEvent', () => {
    const grid = deliveryRequest({ id: 'sub-1', endpointUrl: 'http://127.0.0.1:1/e', schema: 'eventgrid' }, EVENT);
    expect(grid.headers).toMatchObject({
      'aeg-event-type': 'Notification',
      'aeg-subscription-name': 'SUB-1',
      'aeg-metadata-version': '1',
    });
    expect(JSON.parse(grid.body)).toEqual([toEventGridEvent(EVENT)]);
    const cloud = deliveryRequest({ id: 'sub-1', endpointUrl: 'http://127.0.0.1:1/e', schema: 'cloudevents' }, EVENT);
    expect(cloud.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(JSON.parse(cloud.body)).toEqual(toCloudEvent(EVENT));
  });
});

describe('subscriptions', () => {
  it('parses the option form', () => {
    expect(parseSubscriptionOption('http://127.0.0.1:7071/api/events')).toEqual({
      endpointUrl: 'http://127.0.0.1:7071/api/events',
      schema: 'eventgrid',
      includedEventTypes: [],
    });
    expect(
      parseSubscriptionOption('https://h/e,schema=cloudevents,types=SMSReceived;Microsoft.Communication.IncomingCall'),
    ).toEqual({
      endpointUrl: 'https://h/e',
      schema: 'cloudevents',
      includedEventTypes: ['Microsoft.Communication.SMSReceived', 'Microsoft.Communication.IncomingCall'],
    });
    expect(() => parseSubscriptionOption('ftp://h')).toThrow(/must be http\(s\)/);
    expect(() => parseSubscriptionOption('http://h,schema=xml')).toThrow(/eventgrid or cloudevents/);
    expect(() => parseSubscriptionOption('http://h,color=red')).toThrow(/unknown setting 'color'/);
    expect(endpointProblem('http://user:pw@h/')).toContain('credentials');
    expect(endpointProblem('not a url?code=secret')).toBe('the endpoint URL is not an absolute URL');
    expect(endpointBaseUrl('http://127.0.0.1:7071/api/events?code=secret')).toBe('http://127.0.0.1:7071/api/events');
  });

  it('filters by type, case-insensitively; empty means all', () => {
    expect(fullEventType('SMSReceived')).toBe('Microsoft.Communication.SMSReceived');
    expect(wantsEvent({ includedEventTypes: [] }, 'anything')).toBe(true);
    expect(
      wantsEvent(
        { includedEventTypes: ['Microsoft.Communication.SMSReceived'] },
        'microsoft.communication.smsreceived',
      ),
    ).toBe(true);
    expect(
      wantsEvent(
        { includedEventTypes: ['Microsoft.Communication.SMSReceived'] },
        'Microsoft.Communication.ChatMessageReceived',
      ),
    ).toBe(false);
  });
});

describe('handshakes', () => {
  it('Event Grid: 200 with the echoed code', () => {
    expect(eventGridValidationProblem(200, '{"validationResponse":"abc"}', 'abc')).toBeUndefined();
    expect(eventGridValidationProblem(200, '{"validationResponse":"abd"}', 'abc')).toContain('did not echo');
    expect(eventGridValidationProblem(500, '', 'abc')).toContain('500');
    expect(eventGridValidationProblem(200, 'ok', 'abc')).toContain('not JSON');
  });

  it('CloudEvents: WebHook-Allowed-Origin echoes the origin or *', () => {
    expect(cloudEventsHandshakeProblem(200, 'eventgrid.azure.net')).toBeUndefined();
    expect(cloudEventsHandshakeProblem(204, '*')).toBeUndefined();
    expect(cloudEventsHandshakeProblem(200, 'other.example')).toContain('WebHook-Allowed-Origin');
    expect(cloudEventsHandshakeProblem(405, undefined)).toContain('405');
  });
});

describe('dead letters and ids', () => {
  it('keep at most the bound, dropping the oldest first', () => {
    expect(MAX_DEAD_LETTERS).toBe(1000);
    expect(overflow(['a', 'b', 'c'], 2)).toEqual(['a']);
    expect(overflow(['a', 'b'], 2)).toEqual([]);
    const keys = Array.from({ length: 1003 }, (_, index) => `k${index}`);
    expect(overflow(keys)).toEqual(['k0', 'k1', 'k2']);
  });

  it('key deliveries by subscription and event, and option subscriptions by their value', () => {
    expect(deliveryKey('sub-1', 'event-9')).toBe('sub-1/event-9');
    expect(optionSubscriptionId('http://127.0.0.1:1/e')).toBe(optionSubscriptionId('http://127.0.0.1:1/e'));
    expect(optionSubscriptionId('http://127.0.0.1:1/e')).not.toBe(
      optionSubscriptionId('http://127.0.0.1:1/e,schema=cloudevents'),
    );
    expect(optionSubscriptionId('x')).toMatch(/^option-[0-9a-f]{16}$/);
  });
});
