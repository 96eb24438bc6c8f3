import { describe, expect, it } from 'vitest';
import { deliveryStatusEvent } from '../../../src/services/messages/events.js';
import { checkNotification } from '../../../src/services/messages/notification.js';
import { SAMPLE_TEMPLATES, templateItem } from '../../../src/services/messages/templates.js';

const CHANNEL = '0f0eb78e-a576-1dfc-b414-0f0756de3338';
const ANY = { channels: [] };

describe('checkNotification', () => {
  it('accepts the spec examples for text and media', () => {
    // examples/NotificationMessages_SendText.json and _SendImage.json (2024-08-30)
    const text = checkNotification(
      { channelRegistrationId: CHANNEL, to: ['14250000000'], kind: 'text', content: 'Text message through CPM' },
      ANY,
    );
    expect(text).toEqual({
      notification: {
        channelRegistrationId: CHANNEL,
        to: ['14250000000'],
        kind: 'text',
        content: {
          channelRegistrationId: CHANNEL,
          to: ['14250000000'],
          kind: 'text',
          content: 'Text message through CPM',
        },
        renderedText: 'Text message through CPM',
      },
    });
    const image = checkNotification(
      {
        channelRegistrationId: CHANNEL,
        to: ['+14250000000'],
        kind: 'image',
        mediaUri: 'https://example.com/a.png',
        caption: 'c',
      },
      ANY,
    );
    expect('notification' in image && image.notification.renderedText).toBe('c');
  });

  it('refuses bad channels, recipients, kinds and media', () => {
    const base = { channelRegistrationId: CHANNEL, to: ['14250000000'], kind: 'text', content: 'x' };
    expect(checkNotification({ ...base, channelRegistrationId: 'nope' }, ANY)).toMatchObject({
      problem: { status: 400 },
    });
    expect(checkNotification(base, { channels: ['11111111-1111-4111-8111-111111111111'] })).toMatchObject({
      problem: { status: 404, code: 'ChannelNotFound' },
    });
    expect(checkNotification({ ...base, to: ['abc'] }, ANY)).toMatchObject({
      problem: { code: 'InvalidRecipient', target: 'to[0]' },
    });
    expect(checkNotification({ ...base, to: [] }, ANY)).toMatchObject({ problem: { target: 'to' } });
    expect(checkNotification({ ...base, kind: 'sticker' }, ANY)).toMatchObject({ problem: { target: 'kind' } });
    expect(checkNotification({ ...base, content: '' }, ANY)).toMatchObject({ problem: { target: 'content' } });
    expect(checkNotification({ ...base, kind: 'video', mediaUri: 'not a url' }, ANY)).toMatchObject({
      problem: { target: 'mediaUri' },
    });
  });
});

describe('template notifications', () => {
  const send = (template: unknown) =>
    checkNotification({ channelRegistrationId: CHANNEL, to: ['14250000000'], kind: 'template', template }, ANY);

  it('accepts a sample template with its bindings and renders its body', () => {
    const result = send({
      name: 'sample_shipping_confirmation',
      language: 'en_US',
      values: [{ name: 'days', kind: 'text', text: '3' }],
      bindings: { kind: 'whatsApp', body: [{ refValue: 'days' }] },
    });
    expect('notification' in result && result.notification.renderedText).toBe(
      'Your package has been shipped. It will be delivered in 3 business days.',
    );
    expect('notification' in send({ name: 'sample_template', language: 'en_US' })).toBe(true);
  });

  it('accepts the media header and quick-reply buttons of the samples', () => {
    const feedback = send({
      name: 'sample_purchase_feedback',
      language: 'en_US',
      values: [
        { name: 'product', kind: 'text', text: 'Shoes' },
        { name: 'img', kind: 'image', url: 'https://example.com/shoe.png' },
      ],
      bindings: { kind: 'whatsApp', header: [{ refValue: 'img' }], body: [{ refValue: 'product' }] },
    });
    expect('notification' in feedback).toBe(true);
    const issue = send({
      name: 'sample_issue_resolution',
      language: 'en_US',
      values: [
        { name: 'who', kind: 'text', text: 'Kat' },
        { name: 'yes', kind: 'quickAction', text: 'Yes', payload: 'y' },
      ],
      bindings: {
        kind: 'whatsApp',
        body: [{ refValue: 'who' }],
        buttons: [{ subType: 'quickReply', refValue: 'yes' }],
      },
    });
    expect('notification' in issue).toBe(true);
  });

  it('refuses unknown templates and values that do not fit', () => {
    expect(send({ name: 'no_such_template', language: 'en_US' })).toMatchObject({
      problem: { status: 400, code: 'InvalidTemplate', target: 'template.name' },
    });
    expect(send({ name: 'sample_template', language: 'fr' })).toMatchObject({ problem: { code: 'InvalidTemplate' } });
    const missingRef = send({
      name: 'sample_shipping_confirmation',
      language: 'en_US',
      values: [{ name: 'days', kind: 'text', text: '3' }],
      bindings: { kind: 'whatsApp', body: [{ refValue: 'weeks' }] },
    });
    expect(missingRef).toMatchObject({ problem: { target: 'template.bindings.body[0].refValue' } });
    const wrongCount = send({ name: 'sample_shipping_confirmation', language: 'en_US' });
    expect('problem' in wrongCount && wrongCount.problem.message).toContain(
      '1 body parameter(s), but bindings.body has 0',
    );
    const wrongHeader = send({
      name: 'sample_purchase_feedback',
      language: 'en_US',
      values: [
        { name: 'product', kind: 'text', text: 'Shoes' },
        { name: 'doc', kind: 'document', url: 'https://example.com/a.pdf' },
      ],
      bindings: { kind: 'whatsApp', header: [{ refValue: 'doc' }], body: [{ refValue: 'product' }] },
    });
    expect('problem' in wrongHeader && wrongHeader.problem.message).toContain('has a image header');
    const duplicate = send({
      name: 'sample_template',
      language: 'en_US',
      values: [
        { name: 'a', kind: 'text', text: '1' },
        { name: 'a', kind: 'text', text: '2' },
      ],
    });
    expect(duplicate).toMatchObject({ problem: { target: 'template.values[1].name' } });
  });

  it('lists the samples in the WhatsApp template item shape', () => {
    const item = templateItem(SAMPLE_TEMPLATES[1] as (typeof SAMPLE_TEMPLATES)[number]);
    expect(item).toMatchObject({
      name: 'sample_shipping_confirmation',
      language: 'en_US',
      status: 'approved',
      kind: 'whatsApp',
    });
    expect(item.content).toContainEqual({
      type: 'BODY',
      text: 'Your package has been shipped. It will be delivered in {{1}} business days.',
    });
  });
});

describe('AdvancedMessageDeliveryStatusUpdated', () => {
  it('has the example shape', () => {
    const event = deliveryStatusEvent(
      { messageId: '3f870487-d59e-4c01-82dd-46b9d388aa9d', channelRegistrationId: CHANNEL, to: '18332407922' },
      'sent',
      Date.UTC(2024, 1, 23, 23, 56, 51),
    );
    expect(event).toEqual({
      type: 'Microsoft.Communication.AdvancedMessageDeliveryStatusUpdated',
      subject: 'advancedMessage/3f870487-d59e-4c01-82dd-46b9d388aa9d/status/sent',
      data: {
        messageId: '3f870487-d59e-4c01-82dd-46b9d388aa9d',
        status: 'sent',
        channelType: 'whatsapp',
        from: CHANNEL,
        to: '18332407922',
        receivedTimestamp: '2024-02-23T23:56:51.000Z',
      },
      dataVersion: '1.0',
    });
  });
});
