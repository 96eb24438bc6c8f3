import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildExchangeRequest } from '../../src/entra/exchange-request.js';
import { exchangeFailure, readExchangedToken } from '../../src/entra/exchange-response.js';
import { isRestError, RestError } from '../../src/signing/index.js';

const ENTRA = 'entra-secret-Zq81';
const ACS = 'acs-secret-Pw27';

function thrown(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('buildExchangeRequest', () => {
  it('is POST with Bearer, JSON content type and accept, body {}', () => {
    expect(buildExchangeRequest('https://r/x?api-version=1', ENTRA)).toEqual({
      url: 'https://r/x?api-version=1',
      method: 'POST',
      headers: { Authorization: `Bearer ${ENTRA}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{}',
    });
  });
});

describe('readExchangedToken', () => {
  it('reads token and expiresOn (the .NET test body)', () => {
    const body = `{"identity":{"id":"8:acs:52a5e676-39a3-4f45-a8ed-5a162dbbd7eb_cdc5aeea-15c5-4db6-b079-fcadd2505dc2_cab309e5-a2e7-4ac8-b04e-5fadc3aa90fa"},"accessToken":{"token":"${ACS}","expiresOn":"2034-10-04T10:21:29.4729393+00:00"}}`;
    expect(readExchangedToken(body)).toEqual({ token: ACS, expiresOnTimestamp: Date.UTC(2034, 9, 4, 10, 21, 29, 472) });
  });

  it('does not require identity (the upstream JS test replies without it)', () => {
    expect(
      readExchangedToken(JSON.stringify({ accessToken: { token: ACS, expiresOn: '2034-01-01T00:00:00Z' } })).token,
    ).toBe(ACS);
  });

  it('rejects a missing or invalid field with a PARSE_ERROR RestError that never quotes the token', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /not a JSON object/],
      ['not json', /not a JSON object/],
      ['[]', /not a JSON object/],
      ['{"error":{"code":"BadRequest","message":"Invalid request."}}', /accessToken is missing/],
      [JSON.stringify({ accessToken: { expiresOn: '2034-01-01T00:00:00Z' } }), /accessToken.token is missing/],
      [
        JSON.stringify({ accessToken: { token: '  ', expiresOn: '2034-01-01T00:00:00Z' } }),
        /accessToken.token is missing/,
      ],
      [JSON.stringify({ accessToken: { token: ACS } }), /accessToken.expiresOn is missing/],
      [JSON.stringify({ accessToken: { token: ACS, expiresOn: 1234 } }), /accessToken.expiresOn is missing/],
      [JSON.stringify({ accessToken: { token: ACS, expiresOn: 'tomorrow' } }), /"tomorrow" is not an RFC 3339/],
      [JSON.stringify({ accessToken: { token: ACS, expiresOn: `x${ACS}` } }), /not an RFC 3339/],
    ];
    for (const [body, message] of cases) {
      const error = thrown(() => readExchangedToken(body));
      expect(isRestError(error), body).toBe(true);
      expect(error).toBeInstanceOf(RestError);
      expect(error.message).toMatch(message);
      expect((error as RestError).code).toBe('PARSE_ERROR');
      expect((error as RestError).statusCode).toBe(200);
      expect(`${error.message} ${inspect(error)} ${JSON.stringify(error)}`).not.toContain(ACS);
    }
  });
});

describe('exchangeFailure', () => {
  it('carries statusCode, the service error code and message (.NET test 11 body)', () => {
    const error = exchangeFailure(
      { status: 400, bodyText: '{"error":{"code":"BadRequest","message":"Invalid request."}}' },
      [ENTRA],
    );
    expect(error).toBeInstanceOf(RestError);
    expect(error.name).toBe('RestError');
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('BadRequest');
    expect(error.message).toBe('Service request failed. Status: 400, Code: BadRequest, Message: Invalid request.');
    expect(error.details).toEqual({ code: 'BadRequest', message: 'Invalid request.' });
  });

  it('quotes a body that is not an error envelope, as 2.5.0 does (upstream tests match "Unauthorized")', () => {
    const error = exchangeFailure({ status: 401, bodyText: '{"error":"Unauthorized"}' }, []);
    expect(error.message).toBe('Service request failed. Status: 401, Body: {"error":"Unauthorized"}');
    expect(error.code).toBeUndefined();
    expect(exchangeFailure({ status: 503, bodyText: 'Service Unavailable' }, []).message).toContain(
      'Service Unavailable',
    );
    expect(exchangeFailure({ status: 502, bodyText: '', statusText: 'Bad Gateway' }, []).message).toBe(
      'Service request failed. Status: 502 (Bad Gateway)',
    );
  });

  it('falls back to the x-ms-error-code header for the code', () => {
    expect(exchangeFailure({ status: 403, bodyText: '', errorCodeHeader: 'Forbidden' }, []).code).toBe('Forbidden');
  });

  it('removes the Entra token and JWT-shaped strings even when the service echoes them', () => {
    const jwt = 'eyJhbGciOiJub25lIn0.eyJleHAiOjF9.c2ln';
    const echoed = [
      { status: 401, bodyText: `{"error":{"code":"Bad${ENTRA}","message":"token ${ENTRA} and ${jwt} rejected"}}` },
      { status: 401, bodyText: `rejected Bearer ${ENTRA} / ${jwt}` },
      { status: 401, bodyText: '', statusText: `bad ${ENTRA}` },
      { status: 401, bodyText: '', errorCodeHeader: ENTRA },
    ];
    for (const response of echoed) {
      const error = exchangeFailure(response, [ENTRA]);
      const seen = `${error.message} ${inspect(error)} ${JSON.stringify(error)} ${JSON.stringify(error.details)} ${error.code}`;
      expect(seen).not.toContain(ENTRA);
      expect(seen).not.toContain(jwt);
    }
  });

  it('cuts a long body', () => {
    const error = exchangeFailure({ status: 500, bodyText: 'x'.repeat(50_000) }, []);
    expect(error.message.length).toBeLessThan(1100);
  });
});
