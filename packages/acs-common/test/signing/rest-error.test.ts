import { inspect } from 'node:util';
import { RestError as OfficialRestError, isRestError as officialIsRestError } from '@azure/communication-common';
import {
  RestError as CoreRestError,
  isRestError as coreIsRestError,
  createHttpHeaders,
  createPipelineRequest,
} from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { isRestError, RestError } from '../../src/signing/rest-error.js';

const SIGNATURE = 'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=c2VjcmV0c2lnbmF0dXJl';

function failedRequest() {
  const request = createPipelineRequest({
    url: 'https://contoso.communication.azure.com/identities?api-version=2023-10-01&sig=topsecret',
    method: 'POST',
    body: '{"password":"hunter2"}',
  });
  request.headers.set('Authorization', SIGNATURE);
  request.headers.set('x-ms-client-request-id', 'req-1');
  const headers = createHttpHeaders({ 'x-ms-request-id': 'srv-1', 'set-cookie': 'session=abc' });
  return { request, response: { request, status: 401, headers, bodyAsText: '{"error":{"code":"Denied"}}' } };
}

describe('RestError', () => {
  it("has core-rest-pipeline's shape: name, fields, statics", () => {
    const { request, response } = failedRequest();
    const error = new RestError('Unauthorized', { code: 'Denied', statusCode: 401, request, response });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RestError');
    expect(error.message).toBe('Unauthorized');
    expect(error.code).toBe('Denied');
    expect(error.statusCode).toBe(401);
    expect(error.request).toBe(request);
    expect(error.response).toBe(response);
    expect(RestError.REQUEST_SEND_ERROR).toBe(CoreRestError.REQUEST_SEND_ERROR);
    expect(RestError.PARSE_ERROR).toBe(CoreRestError.PARSE_ERROR);
    expect(RestError.REQUEST_SEND_ERROR).toBe('REQUEST_SEND_ERROR');
    expect(RestError.PARSE_ERROR).toBe('PARSE_ERROR');
    expect(new RestError('x').code).toBeUndefined();
  });

  it("has the same enumerable own properties as core-rest-pipeline's (request and response hidden)", () => {
    const { request, response } = failedRequest();
    const options = { code: 'Denied', statusCode: 401, request, response };
    const ours = new RestError('Unauthorized', options);
    const core = new CoreRestError('Unauthorized', options);
    expect(Object.keys(ours).sort()).toEqual(Object.keys(core).sort());
    expect(JSON.parse(JSON.stringify(ours))).toEqual(JSON.parse(JSON.stringify(core)));
    expect(JSON.stringify(ours)).not.toContain('Signature');
  });

  it('is recognised by isRestError in both directions, and by 2.5.0', () => {
    const ours = new RestError('ours', { statusCode: 500 });
    const core = new CoreRestError('core', { statusCode: 500 });
    expect(isRestError(ours)).toBe(true);
    expect(isRestError(core)).toBe(true);
    expect(coreIsRestError(ours)).toBe(true);
    expect(coreIsRestError(core)).toBe(true);
    expect(officialIsRestError(ours)).toBe(true);
    expect(OfficialRestError).toBe(CoreRestError);
  });

  it("answers instanceof for core-rest-pipeline's RestError too (drop-in for 2.5.0's re-export)", () => {
    const core = new CoreRestError('core');
    expect(core instanceof RestError).toBe(true);
    expect(new RestError('ours') instanceof RestError).toBe(true);
    expect(new Error('plain') instanceof RestError).toBe(false);
    class Narrower extends RestError {}
    expect(new Narrower('n') instanceof Narrower).toBe(true);
    expect(new RestError('ours') instanceof Narrower).toBe(false);
    expect(core instanceof Narrower).toBe(false);
  });

  it.each([
    [undefined],
    [null],
    ['RestError'],
    [new Error('plain')],
    [{ name: 'RestError' }],
    [{ name: 'Other', message: 'x' }],
  ])('isRestError(%j) is false', (value) => {
    expect(isRestError(value)).toBe(false);
  });

  it('accepts an error-shaped object named RestError from another realm, like core', () => {
    const foreign = { name: 'RestError', message: 'from an iframe' };
    expect(isRestError(foreign)).toBe(coreIsRestError(foreign));
    expect(isRestError(foreign)).toBe(true);
  });

  it('keeps the signature, cookies, secret query values and bodies out of util.inspect', () => {
    const { request, response } = failedRequest();
    const error = new RestError('Unauthorized', { code: 'Denied', statusCode: 401, request, response });
    const shown = inspect(error, { depth: 10 });
    expect(shown).toContain('Unauthorized');
    expect(shown).toContain('"statusCode":401');
    expect(shown).toContain('api-version=2023-10-01');
    expect(shown).toContain('req-1'); // allow-listed request id
    expect(shown).toContain('srv-1');
    for (const secret of ['c2VjcmV0c2lnbmF0dXJl', 'topsecret', 'hunter2', 'session=abc']) {
      expect(shown).not.toContain(secret);
    }
    expect(shown).toContain('REDACTED');
    expect(inspect(error, { showHidden: true, depth: 10 })).not.toContain('c2VjcmV0c2lnbmF0dXJl');
  });

  it('survives details that JSON cannot represent', () => {
    const error = new RestError('x');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    error.details = cyclic;
    expect(inspect(error)).toContain('RestError: x');
  });
});
