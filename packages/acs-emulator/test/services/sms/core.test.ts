import { describe, expect, it } from 'vitest';
import { deliveryReportEvent, smsReceivedEvent } from '../../../src/services/sms/events.js';
import { isPhoneNumber, ownedNumbers, subjectNumber } from '../../../src/services/sms/phone-numbers.js';
import { segmentCount } from '../../../src/services/sms/segments.js';
import {
  incomingMessageId,
  outgoingMessageId,
  planSmsSend,
  type SmsSendEnvironment,
  type SmsSendResultItem,
} from '../../../src/services/sms/send.js';

const NOW = Date.UTC(2020, 5, 10, 20, 37, 25);

function environment(previous: Record<string, SmsSendResultItem> = {}): SmsSendEnvironment {
  let counter = 0;
  return {
    owned: new Set(['+18001110000']),
    nowTimestamp: NOW,
    newUuid: () => `00000000-0000-4000-8000-00000000000${++counter}`,
    previousResult: (id) => previous[id],
  };
}

describe('phone numbers', () => {
  it('accepts E.164 and refuses the numbers of the spec example that fail', () => {
    expect(isPhoneNumber('+11234567890')).toBe(true);
    expect(isPhoneNumber('+442071838750')).toBe(true);
    expect(isPhoneNumber('+112345678901')).toBe(false); // send.json: 400 Invalid To phone number format.
    expect(isPhoneNumber('+1425555012345')).toBe(false);
    expect(isPhoneNumber('14255550123')).toBe(false);
    expect(isPhoneNumber('+0123456789')).toBe(false);
  });

  it('spells subjects without + and merges purchased numbers', () => {
    expect(subjectNumber('+15555555555')).toBe('15555555555');
    expect([...ownedNumbers(['+18005550100'], [{ phoneNumber: '+14255550199' }, { other: 1 }, null])]).toEqual([
      '+18005550100',
      '+14255550199',
    ]);
  });

  it('counts GSM-7 and UCS-2 segments', () => {
    expect(segmentCount('')).toBe(1);
    expect(segmentCount('x'.repeat(160))).toBe(1);
    expect(segmentCount('x'.repeat(161))).toBe(2);
    expect(segmentCount('{'.repeat(80))).toBe(1);
    expect(segmentCount('{'.repeat(81))).toBe(2);
    expect(segmentCount('ü'.repeat(70))).toBe(1); // ü is GSM
    expect(segmentCount('ł'.repeat(70))).toBe(1);
    expect(segmentCount('ł'.repeat(71))).toBe(2);
  });
});

describe('planSmsSend', () => {
  it('forms message ids as the service does', () => {
    expect(outgoingMessageId(NOW, 'bfd4ba70-70bf-4f77-925d-c0bdb5161bb3')).toBe(
      'Outgoing_20200610203725bfd4ba70-70bf-4f77-925d-c0bdb5161bb3',
    );
    expect(incomingMessageId(NOW, 'x')).toBe('Incoming_20200610203725x');
  });

  it('answers the spec example: per-recipient results in order, repeatability accepted and rejected', () => {
    const plan = planSmsSend(
      {
        from: '+18001110000',
        smsRecipients: [
          { to: '+11234567890' },
          { to: '+112345678901' },
          {
            to: '+11234567893',
            repeatabilityRequestId: 'fda6d242-46aa-4247-8bf6-619a1206f9c3',
            repeatabilityFirstSent: 'Mon, 01 Apr 2019 06:22:03 GMT',
          },
          { to: '+11234567894', repeatabilityRequestId: 'aaa6d242-46aa-4247-8bf6-619a1206f9c3' },
        ],
        message: 'Hello world!',
        smsSendOptions: { enableDeliveryReport: true, tag: 'testSmsRequest' },
      },
      environment(),
    );
    if (plan.kind !== 'accepted') throw new Error('refused');
    expect(plan.items.map((item) => [item.to, item.httpStatusCode, item.successful])).toEqual([
      ['+11234567890', 202, true],
      ['+112345678901', 400, false],
      ['+11234567893', 202, true],
      ['+11234567894', 400, false],
    ]);
    expect(plan.items[1]).toEqual({
      to: '+112345678901',
      httpStatusCode: 400,
      successful: false,
      errorMessage: 'Invalid To phone number format.',
    });
    expect(plan.items[2]?.repeatabilityResult).toBe('accepted');
    expect(plan.items[3]?.repeatabilityResult).toBe('rejected');
    expect(plan.sent.map((sms) => sms.to)).toEqual(['+11234567890', '+11234567893']);
    expect(plan.sent[0]).toMatchObject({ from: '+18001110000', message: 'Hello world!', tag: 'testSmsRequest' });
    expect([...plan.repeatability.keys()]).toEqual(['fda6d242-46aa-4247-8bf6-619a1206f9c3']);
  });

  it('replays a repeated request id without sending again', () => {
    const first: SmsSendResultItem = {
      to: '+11234567890',
      messageId: 'Outgoing_x',
      httpStatusCode: 202,
      successful: true,
    };
    const plan = planSmsSend(
      {
        from: '+18001110000',
        smsRecipients: [
          { to: '+11234567890', repeatabilityRequestId: 'r1', repeatabilityFirstSent: 'Mon, 01 Apr 2019 06:22:03 GMT' },
        ],
        message: 'again',
      },
      environment({ r1: first }),
    );
    if (plan.kind !== 'accepted') throw new Error('refused');
    expect(plan.items).toEqual([{ ...first, repeatabilityResult: 'accepted' }]);
    expect(plan.sent).toEqual([]);
  });

  it('refuses a sender the resource does not own with 401, naming its numbers', () => {
    const plan = planSmsSend(
      { from: '+14255550123', smsRecipients: [{ to: '+11234567890' }], message: 'x' },
      environment(),
    );
    expect(plan.kind).toBe('refused');
    if (plan.kind !== 'refused') return;
    expect(plan.refusal.status).toBe(401);
    expect(plan.refusal.message).toContain('+18001110000');
    expect(plan.refusal.message).toContain('--phone-number');
  });
});

describe('SMS events', () => {
  it('match the Event Grid examples in shape', () => {
    const plan = planSmsSend(
      {
        from: '+18001110000',
        smsRecipients: [{ to: '+15555555555' }],
        message: 'Hi',
        smsSendOptions: { enableDeliveryReport: true, tag: 't' },
      },
      environment(),
    );
    if (plan.kind !== 'accepted' || plan.sent[0] === undefined) throw new Error('not sent');
    const report = deliveryReportEvent(plan.sent[0], NOW + 1000);
    expect(report.type).toBe('Microsoft.Communication.SMSDeliveryReportReceived');
    expect(report.subject).toBe('/phonenumber/18001110000');
    expect(Object.keys(report.data)).toEqual([
      'messageId',
      'from',
      'to',
      'deliveryStatus',
      'deliveryStatusDetails',
      'receivedTimestamp',
      'deliveryAttempts',
      'tag',
    ]);
    expect(report.data.deliveryAttempts).toEqual([
      { timestamp: new Date(NOW).toISOString(), segmentsSucceeded: 1, segmentsFailed: 0 },
    ]);
    const received = smsReceivedEvent({
      messageId: 'Incoming_1',
      from: '+15555555555',
      to: '+18001110000',
      message: 'Great to connect with ACS events',
      segmentCount: 1,
      receivedAt: '2020-09-18T00:27:45.320Z',
    });
    expect(received).toEqual({
      type: 'Microsoft.Communication.SMSReceived',
      subject: '/phonenumber/15555555555',
      data: {
        messageId: 'Incoming_1',
        from: '+15555555555',
        to: '+18001110000',
        message: 'Great to connect with ACS events',
        receivedTimestamp: '2020-09-18T00:27:45.320Z',
        segmentCount: 1,
      },
      dataVersion: '1.0',
    });
  });
});
