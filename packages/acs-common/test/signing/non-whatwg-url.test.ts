import { afterEach, describe, expect, it, vi } from 'vitest';

// React Native's built-in URL is not WHATWG: it keeps an upper-case host, a default port and
// unencoded characters as written, while fetch sends the normalised form. A signature over such a
// URL could never verify, so signing refuses it with a clear error; an already-normal URL signs
// as everywhere else (found by the runtime matrix on Hermes with React Native's globals).

/** A URL like React Native's: splits the string, normalises nothing. */
class VerbatimUrl {
  readonly href: string;
  readonly protocol: string;
  readonly host: string;
  readonly pathname: string;
  readonly search: string;
  constructor(text: string) {
    const match = /^([a-z]+:)\/\/([^/?#]+)([^?#]*)(\?[^#]*)?/i.exec(text);
    if (match === null) throw new TypeError(`Invalid URL: ${text}`);
    this.protocol = (match[1] as string).toLowerCase();
    this.host = match[2] as string;
    this.pathname = match[3] || '/';
    this.search = match[4] ?? '';
    this.href = text;
  }
  toString(): string {
    return this.href;
  }
}

const KEY = 'pw==';
const TIMESTAMP = Date.UTC(2022, 3, 13, 18, 9, 12);

async function sign(url: string) {
  vi.resetModules(); // a fresh module: it probes the runtime's URL on first use
  const { createHmacHeaders } = await import('../../src/signing/hmac-headers.js');
  vi.stubGlobal('URL', VerbatimUrl); // after the import: module loading itself needs a real URL
  try {
    return await createHmacHeaders({ method: 'GET', url, key: KEY, requestTimestamp: TIMESTAMP });
  } finally {
    vi.unstubAllGlobals();
  }
}

describe('signing where URL is not WHATWG (React Native)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('signs an already-normal URL exactly as with a WHATWG URL (the reference vector)', async () => {
    const headers = await sign('https://example.com/testPath?testQuery=test');
    expect(headers.authorization).toBe(
      'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=DGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3tU=',
    );
  });

  it.each([
    'https://EXAMPLE.com/testPath',
    'https://example.com:443/testPath',
    'http://example.com:80/testPath',
    'https://example.com/a b',
    'https://example.com/p?x=\u00e9',
  ])('refuses %s with ERR_UNSUPPORTED_RUNTIME naming the fix', async (url) => {
    await expect(sign(url)).rejects.toMatchObject({
      name: 'AcsError',
      code: 'ERR_UNSUPPORTED_RUNTIME',
      message: expect.stringMatching(/WHATWG URL.*react-native-url-polyfill/),
    });
  });

  it('keeps a non-default port', async () => {
    const headers = await sign('https://example.com:8443/p?api-version=2021-03-07');
    expect(headers.host).toBe('example.com:8443');
  });
});
