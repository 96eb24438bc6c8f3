import {
  isKeyCredential as officialIsKeyCredential,
  parseClientArguments as officialParseClientArguments,
} from '@azure/communication-common';
import {
  AzureKeyCredential as CoreAzureKeyCredential,
  isTokenCredential as coreIsTokenCredential,
} from '@azure/core-auth';
import { describe, expect, it, vi } from 'vitest';
import type { AcsError } from '../../src/lib/errors.js';
import { AzureKeyCredential } from '../../src/signing/azure-key-credential.js';
import { parseClientArguments } from '../../src/signing/client-arguments.js';
import { isKeyCredential, isTokenCredential } from '../../src/signing/credential-guards.js';

// Fixtures of the upstream clientArguments.spec.ts (js-common.md §6.5).
const host = 'https://contoso.communicationservices.azure.com';
const connectionString = 'endpoint=https://contoso.communicationservices.azure.com:443/;accesskey=secret';
const tokenCredential = { getToken: async () => ({ token: 't', expiresOnTimestamp: 0 }) };

function outcome(run: () => { url: string; credential: unknown }) {
  try {
    const { url, credential } = run();
    return { url, key: (credential as { key?: string }).key };
  } catch (error) {
    return { error: (error as Error).constructor.name, message: (error as Error).message };
  }
}

describe('parseClientArguments (upstream clientArguments.spec)', () => {
  it('accepts a valid host URL and returns the same credential object', () => {
    const credential = new AzureKeyCredential('secret');
    const result = parseClientArguments(host, credential);
    expect(result.url).toBe(host);
    expect(result.credential).toBe(credential);
  });

  it('throws for an invalid host URL', () => {
    expect(() => parseClientArguments('file://banana/fofana.txt', new AzureKeyCredential('secret'))).toThrow(
      'Invalid endpoint',
    );
  });

  it("handles a valid connection string and returns an AzureKeyCredential shaped like core-auth's", () => {
    const { url, credential } = parseClientArguments(connectionString);
    expect(url).toBe('https://contoso.communicationservices.azure.com:443/');
    const names = Object.getOwnPropertyNames(Object.getPrototypeOf(credential));
    const allowed = Object.getOwnPropertyNames(CoreAzureKeyCredential.prototype);
    expect(names.every((name) => allowed.includes(name))).toBe(true);
    expect((credential as AzureKeyCredential).key).toBe('secret');
  });

  it('throws for an invalid connection string', () => {
    expect(() => parseClientArguments('Lorem ipsum dolor connection string')).toThrow('Invalid connection string');
  });

  it('returns a TokenCredential as the same object and ignores an options bag in second position', () => {
    expect(parseClientArguments(`${host}/`, tokenCredential).credential).toBe(tokenCredential);
    expect(parseClientArguments(connectionString, { retryOptions: {} }).url).toBe(
      'https://contoso.communicationservices.azure.com:443/',
    );
  });
});

describe('parseClientArguments: parity with 2.5.0 on every endpoint form', () => {
  const key = new CoreAzureKeyCredential('secret');
  it.each([
    'https://contoso.communication.azure.com',
    'https://contoso.communication.azure.com/',
    'HTTPS://CONTOSO.communication.azure.com',
    'https://contoso.communication.azure.com:443/',
    'http://127.0.0.1:8080/',
    'httpx://a.com',
    'https://a.com/?x=1',
    'https://a.com/#frag',
    'https://user:pw@a.com/',
  ])('accepts %j with a credential and in a connection string, returning the original string', (url) => {
    expect(outcome(() => parseClientArguments(url, key))).toEqual(
      outcome(() => officialParseClientArguments(url, key)),
    );
    expect(parseClientArguments(url, key).url).toBe(url);
    const cs = `endpoint=${url};accesskey=secret`;
    expect(outcome(() => parseClientArguments(cs))).toEqual(outcome(() => officialParseClientArguments(cs)));
  });

  it.each([
    ['file://banana/fofana.txt', 'Invalid endpoint url file://banana'],
    ['ftp://a.com/', 'Invalid endpoint url ftp://a.com'],
    ['https://a.com/path', 'Invalid endpoint url https://a.com'],
    ['https://a.com/path/', 'it has a path'],
    ['mailto:someone@a.com', 'Invalid endpoint url mailto:'],
  ])('refuses %j like 2.5.0, with a message that says why', (url, message) => {
    const official = outcome(() => officialParseClientArguments(url, key));
    const ours = outcome(() => parseClientArguments(url, key));
    expect(official).toMatchObject({ error: 'Error', message: `Invalid endpoint url ${url}` });
    expect(ours).toMatchObject({ error: 'AcsError' });
    expect((ours as { message: string }).message).toContain(message);
  });

  it.each(['not a url', '', 'contoso.communication.azure.com'])(
    'refuses the unparseable %j with the same kind of error as every other bad endpoint (2.5.0: a native TypeError)',
    (url) => {
      expect(() => officialParseClientArguments(url, key)).toThrow(TypeError);
      const ours = outcome(() => parseClientArguments(url, key));
      expect(ours).toMatchObject({
        error: 'AcsError',
        message: expect.stringMatching(/^Invalid endpoint url: it is not an absolute URL\. /),
      });
      try {
        parseClientArguments(url, key);
      } catch (error) {
        expect((error as AcsError).code).toBe('ERR_INVALID_ENDPOINT');
      }
    },
  );

  it('a runtime without the URL global gets ERR_UNSUPPORTED_RUNTIME naming URL, not "not an absolute URL"', () => {
    vi.stubGlobal('URL', undefined);
    try {
      expect(() => parseClientArguments('https://contoso.communication.azure.com/', key)).toThrow(
        /^This JavaScript runtime has no URL global, which parseClientArguments \(to check the endpoint\) needs/,
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('never echoes an access key: not from a connection string passed with a credential, nor from a URL path', () => {
    const secret = 'U0VDUkVUS0VZU0VDUkVUS0VZ';
    for (const input of [
      `endpoint=https://a.com/;accesskey=${secret}`,
      `https://a.com/;accesskey=${secret}`,
      `https://a.com/x?accesskey=${secret}`,
      `https://user:${secret}@a.com/x`,
    ]) {
      expect(() => parseClientArguments(input, key)).toThrow();
      try {
        parseClientArguments(input, key);
      } catch (error) {
        expect((error as Error).message).not.toContain(secret);
        expect(JSON.stringify(error)).not.toContain(secret);
      }
    }
    // A connection string whose endpoint has a path: the key is not echoed either.
    expect(() => parseClientArguments(`endpoint=https://a.com/x;accesskey=${secret}`)).toThrow('Invalid endpoint url');
    try {
      parseClientArguments(`endpoint=https://a.com/x;accesskey=${secret}`);
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it('refuses a non-string first argument with a TypeError', () => {
    expect(() => parseClientArguments(undefined as never, key)).toThrow(TypeError);
  });
});

describe('isKeyCredential and isTokenCredential', () => {
  const candidates: [string, unknown][] = [
    ['AzureKeyCredential', new AzureKeyCredential('k')],
    ["core-auth's AzureKeyCredential", new CoreAzureKeyCredential('k')],
    ['{ key: "" }', { key: '' }],
    ['{ key: 1 }', { key: 1 }],
    ['key and getToken', { key: 'k', getToken: () => null }],
    ['token credential', tokenCredential],
    ['getToken() with signRequest', { getToken: () => null, signRequest: () => null }],
    ['getToken(scopes) with signRequest', { getToken: (_scopes: string) => null, signRequest: () => null }],
    ['getToken not a function', { getToken: 'x' }],
    ['function with key', Object.assign(() => 0, { key: 'k' })],
    ['undefined', undefined],
    ['null', null],
    ['0', 0],
    ['empty string', ''],
    ['a string', 'key'],
    ['options bag', { retryOptions: {} }],
  ];

  it.each(candidates)('isKeyCredential(%s) agrees with 2.5.0 (as a boolean)', (_name, value) => {
    const ours = isKeyCredential(value);
    expect(typeof ours).toBe('boolean');
    expect(ours).toBe(Boolean(officialIsKeyCredential(value)));
  });

  it('returns false where 2.5.0 returns the falsy input itself (deliberate: a type guard returns a boolean)', () => {
    expect(officialIsKeyCredential(undefined)).toBeUndefined();
    expect(officialIsKeyCredential(null)).toBeNull();
    expect(isKeyCredential(undefined)).toBe(false);
    expect(isKeyCredential(null)).toBe(false);
  });

  it.each(candidates)("isTokenCredential(%s) agrees with core-auth's", (_name, value) => {
    expect(isTokenCredential(value)).toBe(Boolean(coreIsTokenCredential(value)));
  });
});
