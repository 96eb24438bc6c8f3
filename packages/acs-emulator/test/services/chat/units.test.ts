import { describe, expect, it } from 'vitest';
import { nextLink } from '../../../src/host/paging.js';
import { modelOfRawId, rawIdOfModel } from '../../../src/services/chat/identifiers.js';
import { newThreadId, nextTick } from '../../../src/services/chat/ids.js';
import { pageAt, pageBelow, pageBody } from '../../../src/services/chat/paging.js';
import { offsetOf, pageSize, parseTime, startTimeOf } from '../../../src/services/chat/validation.js';

describe('chat units', () => {
  it('thread ids have the service form; ticks increase', () => {
    expect(newThreadId()).toMatch(/^19:[0-9a-f]{32}@thread\.v2$/);
    expect(nextTick(5, 4)).toBe(5);
    expect(nextTick(5, 5)).toBe(6);
    expect(nextTick(3, 5)).toBe(6);
  });

  it('reads identifier models through acs-common, both ways', () => {
    expect(rawIdOfModel({ communicationUser: { id: '8:acs:r_u' } }, 'x')).toBe('8:acs:r_u');
    expect(rawIdOfModel({ rawId: '8:acs:r_u' }, 'x')).toBe('8:acs:r_u');
    expect(
      rawIdOfModel(
        { rawId: '8:orgid:abc', microsoftTeamsUser: { userId: 'abc', isAnonymous: false, cloud: 'public' } },
        'x',
      ),
    ).toBe('8:orgid:abc');
    expect(modelOfRawId('8:acs:r_u')).toEqual({ rawId: '8:acs:r_u', communicationUser: { id: '8:acs:r_u' } });
    expect(modelOfRawId('4:+14255550123')).toMatchObject({
      rawId: '4:+14255550123',
      phoneNumber: { value: '+14255550123' },
    });
    expect(() => rawIdOfModel([], 'body')).toThrow(/body must be a CommunicationIdentifierModel/);
    expect(() => rawIdOfModel({}, 'body')).toThrow(/body/);
  });

  it('parses RFC 3339 times, page sizes and offsets, and says what is wrong', () => {
    expect(parseTime('2020-06-06T05:55:41Z', 't')).toBe(Date.UTC(2020, 5, 6, 5, 55, 41));
    expect(parseTime('2020-06-06T07:55:41.5+02:00', 't')).toBe(Date.UTC(2020, 5, 6, 5, 55, 41, 500));
    expect(() => parseTime('06/06/2020', 'startTime')).toThrow(/startTime must be an RFC 3339 date-time/);
    expect(pageSize(new URLSearchParams(''))).toBe(20);
    expect(pageSize(new URLSearchParams('maxPageSize=5'))).toBe(5);
    expect(pageSize(new URLSearchParams('maxPageSize=5000'))).toBe(200);
    expect(() => pageSize(new URLSearchParams('maxPageSize=0'))).toThrow(/maxPageSize must be a positive integer/);
    expect(() => pageSize(new URLSearchParams('maxPageSize=two'))).toThrow(/maxPageSize/);
    expect(startTimeOf(new URLSearchParams('startTime=2024-01-01T00:00:00.000Z'))).toBe(Date.UTC(2024, 0, 1));
    expect(startTimeOf(new URLSearchParams(''))).toBeUndefined();
    expect(offsetOf(new URLSearchParams('skip=4'), 'skip')).toBe(4);
    expect(() => offsetOf(new URLSearchParams('skip=-1'), 'skip')).toThrow(/skip must be a non-negative integer/);
  });

  it('pages by offset and below a key, and builds next links that keep the query', () => {
    expect(pageAt([1, 2, 3], 0, 2)).toEqual({ value: [1, 2], next: 2 });
    expect(pageAt([1, 2, 3], 2, 2)).toEqual({ value: [3] });
    expect(pageAt([1, 2], 0, 2)).toEqual({ value: [1, 2] });
    expect(pageBelow([5, 4, 3, 2, 1], (n) => n, undefined, 2)).toEqual({ value: [5, 4], next: 4 });
    expect(pageBelow([5, 4, 3, 2, 1], (n) => n, 4, 2)).toEqual({ value: [3, 2], next: 2 });
    expect(pageBelow([5, 4, 3, 2, 1], (n) => n, 2, 2)).toEqual({ value: [1] });
    expect(pageBelow([5], (n) => n, 1, 2)).toEqual({ value: [] });
    expect(
      nextLink(
        'https://127.0.0.1:8443/',
        '/chat/threads/19%3Aabc%40thread.v2/messages',
        new URLSearchParams('api-version=2025-03-15&maxPageSize=2&syncState=9'),
        'syncState',
        7,
      ),
    ).toBe(
      'https://127.0.0.1:8443/chat/threads/19%3Aabc%40thread.v2/messages?api-version=2025-03-15&maxPageSize=2&syncState=7',
    );
    const request = {
      endpoint: 'https://127.0.0.1:8443/',
      path: '/chat/threads',
      query: new URLSearchParams('skip=0'),
    };
    expect(pageBody({ value: [1, 2], next: 2 }, request, 'skip')).toEqual({
      value: [1, 2],
      nextLink: 'https://127.0.0.1:8443/chat/threads?skip=2',
    });
    expect(pageBody({ value: [3] }, request, 'skip')).toEqual({ value: [3] });
  });
});
