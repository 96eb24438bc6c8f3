import { describe, expect, it } from 'vitest';
import { findActions } from '../../src/services/dashboard/actions.js';
import type { RequestLogEntryView } from '../../src/services/dashboard/api-types.js';
import { viewsChangedByEvent, viewsChangedByRequest } from '../../src/services/dashboard/changes.js';
import { fillPath } from '../../src/services/dashboard/page/api.js';
import { matches } from '../../src/services/dashboard/page/filters.js';
import { shortId, statusClass } from '../../src/services/dashboard/page/format.js';

describe('actions', () => {
  it('an action is available only when a loopback route of that shape is registered, with {id} params', () => {
    const actions = findActions([
      { method: 'POST', path: '/emulator/sms/inbound', auth: ['loopback'] },
      { method: 'POST', path: '/emulator/calls/{callConnectionId}/recognize', auth: ['loopback'] },
      { method: 'POST', path: '/emulator/calls/incoming', auth: ['hmac'] }, // not for a page without a key
      { method: 'POST', path: '/emulator/deliveries/{id}:replay', auth: ['loopback'] },
    ]);
    const byName = Object.fromEntries(actions.map((action) => [action.name, action]));
    expect(byName.smsInbound).toMatchObject({ available: true, path: '/emulator/sms/inbound', note: null });
    expect(byName.recognize).toMatchObject({ available: true, path: '/emulator/calls/{id}/recognize' });
    expect(byName.incomingCall?.available).toBe(false);
    expect(byName.incomingCall?.note).toMatch(/POST \/emulator\/calls\/incoming/);
    expect(byName.replayDelivery?.available).toBe(true);
    expect(byName.revokeTokens?.available).toBe(false);
  });
});

describe('change feed', () => {
  it('maps writes to views, ignores reads and the dashboard itself', () => {
    expect(viewsChangedByRequest({ method: 'POST', service: 'chat', route: '/chat/threads' })).toEqual(['chat']);
    expect(viewsChangedByRequest({ method: 'GET', service: 'chat', route: '/chat/threads' })).toEqual([]);
    expect(
      viewsChangedByRequest({ method: 'POST', service: 'dashboard', route: '/emulator/deliveries/{id}:replay' }),
    ).toEqual([]);
    expect(viewsChangedByRequest({ method: 'POST', service: 'emulator', route: '/emulator/sms/inbound' })).toEqual([
      'outbox',
    ]);
    expect(viewsChangedByEvent('Microsoft.Communication.SMSDeliveryReportReceived')).toEqual(['outbox']);
    expect(viewsChangedByEvent('Microsoft.Communication.ChatMessageReceived')).toEqual(['chat']);
    expect(viewsChangedByEvent('Something.Else')).toEqual([]);
  });
});

describe('page helpers', () => {
  const entry = (partial: Partial<RequestLogEntryView>): RequestLogEntryView => ({
    id: 1,
    timestamp: '2026-01-01T00:00:00.000Z',
    method: 'POST',
    target: '/identities?api-version=2023-10-01',
    route: '/identities',
    service: 'identity',
    status: 201,
    durationInMs: 1,
    caller: { kind: 'hmac' },
    outcome: 'ok',
    reason: null,
    hmac: null,
    ...partial,
  });
  const all = { status: 'all', identity: '', text: '', own: false } as const;

  it('filters by status class, caller identity, text (any case), and hides the dashboard unless asked', () => {
    expect(matches(entry({ status: 401 }), { ...all, status: 'refused' })).toBe(true);
    expect(matches(entry({ status: 201 }), { ...all, status: 'refused' })).toBe(false);
    expect(matches(entry({ caller: { kind: 'acsToken', identityId: '8:acs:r_1' } }), { ...all, identity: 'r_1' })).toBe(
      true,
    );
    expect(matches(entry({}), { ...all, identity: 'r_1' })).toBe(false);
    expect(matches(entry({ reason: 'Denied: The signature does not match.' }), { ...all, text: 'SIGNATURE' })).toBe(
      true,
    );
    expect(matches(entry({ service: 'dashboard' }), all)).toBe(false);
    expect(matches(entry({ service: 'dashboard' }), { ...all, own: true })).toBe(true);
  });

  it('formats', () => {
    expect(statusClass(204)).toBe('ok');
    expect(statusClass(403)).toBe('refused');
    expect(statusClass(500)).toBe('failed');
    expect(fillPath('/emulator/calls/{id}/recognize', { id: 'a/b c' })).toBe('/emulator/calls/a%2Fb%20c/recognize');
    expect(shortId('8:acs:0123456789abcdef0123456789abcdef_00000000-1111-2222-3333-444444444444')).toBe(
      '8:acs:…444444444444',
    );
  });
});
