import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src/index.js';
import { hmacHeaders, send } from '../../helpers/client.js';
import { startTestEmulator } from '../../helpers/emulator.js';

// Bad input on the Rooms, Phone Numbers and Teams-user routes: always a 4xx in the ACS error
// envelope that says what was wrong, never a 5xx.

let emulator: RunningEmulator;
let roomId: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  roomId = ((await raw('POST', '/rooms?api-version=2025-03-13', '{}')).json as { id: string }).id;
});
afterAll(() => emulator.close());

function raw(method: string, target: string, body?: string, contentType = 'application/json') {
  return send(emulator.endpoint, {
    method,
    target,
    ...(body === undefined ? {} : { body }),
    headers: {
      ...hmacHeaders(emulator.endpoint, emulator.accessKey, {
        method,
        target,
        ...(body === undefined ? {} : { body }),
      }),
      ...(body === undefined ? {} : { 'content-type': contentType }),
    },
  });
}

const ROOMS = 'api-version=2025-03-13';
const NUMBERS = 'api-version=2025-06-01';
const IDENTITY = 'api-version=2023-10-01';

describe('bad input is a 4xx with a reason', () => {
  const cases: Array<[string, string, () => string, string | undefined, number, RegExp]> = [
    ['POST', 'a room body that is an array', () => `/rooms?${ROOMS}`, '[]', 400, /JSON object/],
    [
      'POST',
      'a validFrom that is a number',
      () => `/rooms?${ROOMS}`,
      '{"validFrom":5}',
      400,
      /ValidFrom must be an RFC 3339/,
    ],
    [
      'POST',
      'a malformed validUntil',
      () => `/rooms?${ROOMS}`,
      '{"validUntil":"tomorrow"}',
      400,
      /ValidUntil must be an RFC 3339/,
    ],
    [
      'POST',
      'pstnDialOutEnabled not a boolean',
      () => `/rooms?${ROOMS}`,
      '{"pstnDialOutEnabled":"yes"}',
      400,
      /true or false/,
    ],
    ['POST', 'participants not an object', () => `/rooms?${ROOMS}`, '{"participants":"x"}', 400, /keys are raw ids/],
    ['POST', 'not JSON', () => `/rooms?${ROOMS}`, '{', 400, /not valid JSON/],
    [
      'PATCH',
      'a role that is null',
      () => `/rooms/${roomId}/participants?${ROOMS}`,
      '{"participants":{"8:acs:r_1":{"role":null}}}',
      400,
      /must be one of Presenter/,
    ],
    [
      'PATCH',
      'a participants patch without a body',
      () => `/rooms/${roomId}/participants?${ROOMS}`,
      undefined,
      400,
      /"participants"/,
    ],
    [
      'PATCH',
      'an unknown api-version',
      () => `/rooms/${roomId}?api-version=2020-01-01`,
      '{}',
      400,
      /api-version|version/i,
    ],
    [
      'POST',
      'a search without a body',
      () => `/availablePhoneNumbers/countries/US/:search?${NUMBERS}`,
      undefined,
      400,
      /search body/,
    ],
    [
      'POST',
      'a search for an unknown country',
      () => `/availablePhoneNumbers/countries/ZZ/:search?${NUMBERS}`,
      '{"phoneNumberType":"tollFree","assignmentType":"application","capabilities":{"sms":"outbound","calling":"none"}}',
      400,
      /inventory/,
    ],
    [
      'POST',
      'a purchase with a numeric searchId',
      () => `/availablePhoneNumbers/:purchase?${NUMBERS}`,
      '{"searchId":123}',
      400,
      /searchId/,
    ],
    ['GET', 'a number that is not E.164', () => `/phoneNumbers/18005550100?${NUMBERS}`, undefined, 400, /E\.164/],
    [
      'GET',
      'an unknown operation',
      () => `/phoneNumbers/operations/search_nope?${NUMBERS}`,
      undefined,
      404,
      /cannot be found/,
    ],
    [
      'GET',
      'an unknown search result',
      () => `/availablePhoneNumbers/searchResults/nope?${NUMBERS}`,
      undefined,
      404,
      /cannot be found/,
    ],
    [
      'POST',
      'a Teams exchange body that is an array',
      () => `/teamsUser/:exchangeAccessToken?${IDENTITY}`,
      '[]',
      400,
      /token field is required/,
    ],
    [
      'POST',
      'a Teams exchange without userId',
      () => `/teamsUser/:exchangeAccessToken?${IDENTITY}`,
      '{"token":"x","appId":"2c3e1e83-8fd7-4615-ad2b-b8c1229845ac"}',
      400,
      /userId field is required/,
    ],
  ];
  for (const [method, what, target, body, status, reason] of cases) {
    it(`${what} → ${status}`, async () => {
      const answer = await raw(method, target(), body);
      expect(answer.status).toBe(status);
      const error = (answer.json as { error: { code: string; message: string; details?: Array<{ message: string }> } })
        .error;
      expect(typeof error.code).toBe('string');
      expect([error.message, ...(error.details ?? []).map((d) => d.message)].join(' ')).toMatch(reason);
    });
  }

  it('a wrong content type is 415', async () => {
    expect((await raw('POST', `/rooms?${ROOMS}`, '{}', 'text/plain')).status).toBe(415);
  });
});
