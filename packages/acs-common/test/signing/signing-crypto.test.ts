import { execFile } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AcsError } from '../../src/lib/errors.js';
import * as browser from '../../src/platform/browser.js';
import { createCommunicationAccessKeyCredentialPolicy } from '../../src/signing/access-key-policy.js';
import { createCommunicationAuthPolicy } from '../../src/signing/auth-policy.js';
import { AzureKeyCredential } from '../../src/signing/azure-key-credential.js';
import { createHmacHeaders } from '../../src/signing/hmac-headers.js';
import type { SigningCrypto } from '../../src/signing/signing-crypto.js';

// Issue 8, defect 8: signing where there is no WebCrypto (React Native) fails with a clear
// AcsError, and a caller can supply SHA-256 and HMAC-SHA256 instead.
const NOW = Date.parse('2022-04-13T18:09:12.451Z');
const VECTOR_URL = 'https://example.com/testPath?testQuery=test';
const VECTOR_AUTHORIZATION =
  'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=DGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3tU=';

/** node:crypto behind the SigningCrypto shape, recording what it was given. */
function nodeSigningCrypto(style: 'sync' | 'async' | 'arrayBuffer' = 'sync') {
  const calls: { name: string; input: unknown }[] = [];
  const wrap = (bytes: Buffer) =>
    style === 'sync'
      ? new Uint8Array(bytes)
      : style === 'async'
        ? Promise.resolve(new Uint8Array(bytes))
        : new Uint8Array(bytes).buffer;
  const crypto: SigningCrypto = {
    sha256(data) {
      calls.push({ name: 'sha256', input: data });
      return wrap(createHash('sha256').update(data).digest());
    },
    hmacSha256(key, data) {
      calls.push({ name: 'hmacSha256', input: data });
      return wrap(createHmac('sha256', key).update(data).digest());
    },
  };
  return { crypto, calls };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a supplied crypto option', () => {
  it.each(['sync', 'async', 'arrayBuffer'] as const)('signs the js-common §5.2 vector (%s results)', async (style) => {
    const { crypto, calls } = nodeSigningCrypto(style);
    const headers = await createHmacHeaders({
      method: 'GET',
      url: VECTOR_URL,
      key: 'pw==',
      requestTimestamp: NOW,
      crypto,
    });
    expect(headers.authorization).toBe(VECTOR_AUTHORIZATION);
    // An empty body is not hashed; the string to sign reaches the implementation as UTF-8 bytes.
    expect(calls.map((call) => call.name)).toEqual(['hmacSha256']);
    expect(calls[0]?.input).toBeInstanceOf(Uint8Array);
  });

  it('gives the same headers as the built-in signer for any key, body and URL', async () => {
    const { crypto } = nodeSigningCrypto();
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 80 }),
        fc.oneof(fc.string({ unit: 'grapheme', maxLength: 100 }), fc.uint8Array({ maxLength: 100 })),
        fc.webPath(),
        async (keyBytes, body, path) => {
          const input = {
            method: 'POST',
            url: `https://example.com${path}`,
            body,
            key: Buffer.from(keyBytes).toString('base64'),
            requestTimestamp: NOW,
          };
          expect(await createHmacHeaders({ ...input, crypto })).toEqual(await createHmacHeaders(input));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is checked where it is passed: a TypeError naming the function and the option', async () => {
    const bad = { sha256: () => new Uint8Array(32) } as unknown as SigningCrypto;
    await expect(createHmacHeaders({ method: 'GET', url: VECTOR_URL, key: 'pw==', crypto: bad })).rejects.toThrow(
      /^createHmacHeaders: options\.crypto must be an object with two functions, sha256\(data\) and hmacSha256\(key, data\)/,
    );
    expect(() => createCommunicationAccessKeyCredentialPolicy(new AzureKeyCredential('pw=='), { crypto: bad })).toThrow(
      TypeError,
    );
    expect(() => createCommunicationAuthPolicy(new AzureKeyCredential('pw=='), { crypto: bad })).toThrow(
      /createCommunicationAccessKeyCredentialPolicy: options\.crypto must be/,
    );
  });

  it('refuses a result that is not a 32-byte digest, saying which function returned what', async () => {
    const { crypto } = nodeSigningCrypto();
    const short: SigningCrypto = { ...crypto, hmacSha256: () => new Uint8Array(20) };
    const text: SigningCrypto = { ...crypto, sha256: async () => 'abc' as unknown as Uint8Array };
    const sign = (c: SigningCrypto) =>
      createHmacHeaders({ method: 'POST', url: VECTOR_URL, body: 'x', key: 'pw==', crypto: c });
    await expect(sign(short)).rejects.toThrow(
      new TypeError(
        'options.crypto.hmacSha256 returned 20 bytes; it must return the 32-byte digest as a Uint8Array or ArrayBuffer (or a promise of one).',
      ),
    );
    await expect(sign(text)).rejects.toThrow(/^options\.crypto\.sha256 returned a string;/);
  });

  it('is used by the policies for every request', async () => {
    const { crypto, calls } = nodeSigningCrypto('async');
    const headers = new Map<string, string>();
    const request = {
      method: 'POST',
      url: VECTOR_URL,
      body: '{}',
      headers: { set: (name: string, value: string) => headers.set(name.toLowerCase(), value), get: () => undefined },
    };
    for (const policy of [
      createCommunicationAccessKeyCredentialPolicy(new AzureKeyCredential('pw=='), { crypto }),
      createCommunicationAuthPolicy(new AzureKeyCredential('pw=='), { crypto }),
    ]) {
      await policy.sendRequest(request as never, async () => ({}) as never);
    }
    expect(calls.map((call) => call.name)).toEqual(['sha256', 'hmacSha256', 'sha256', 'hmacSha256']);
    expect(headers.get('authorization')).toMatch(/^HMAC-SHA256 SignedHeaders=/);
  });
});

it('a runtime without the URL global gets ERR_UNSUPPORTED_RUNTIME naming URL, not a ReferenceError', async () => {
  vi.stubGlobal('URL', undefined);
  const error = await createHmacHeaders({ method: 'GET', url: 'https://other.example/x', key: 'pw==' }).catch((e) => e);
  vi.unstubAllGlobals();
  expect(error).toBeInstanceOf(AcsError);
  expect(error.code).toBe('ERR_UNSUPPORTED_RUNTIME');
  expect(error.message).toMatch(/^This JavaScript runtime has no URL global, which request signing/);
});

describe('without WebCrypto (the browser platform file)', () => {
  it.each([
    ['no crypto global', undefined],
    ['crypto without subtle (an insecure browser context)', {}],
  ])('%s: AcsError ERR_UNSUPPORTED_RUNTIME saying what is missing and what to do', async (_what, value) => {
    vi.stubGlobal('crypto', value);
    const error = await browser.hashAndSign(new Uint8Array([1]), 'body', 'EMPTY', (hash) => hash).catch((e) => e);
    expect(error).toBeInstanceOf(AcsError);
    expect(error.code).toBe('ERR_UNSUPPORTED_RUNTIME');
    expect(error.message).toContain('no WebCrypto (crypto.subtle)');
    expect(error.message).toContain('`crypto` option of createCommunicationAccessKeyCredentialPolicy');
    await expect(browser.hmacSha256Base64(new Uint8Array([1]), 'x')).rejects.toThrow(/crypto\.subtle/);
  });
});

// The browser build as a bundler makes it (esbuild, browser platform, from dist), run by a
// fresh `node` after deleting `crypto`: what a React Native app gets.
const run = promisify(execFile);
const PROBE = `
import { createHmacHeaders, createCommunicationAccessKeyCredentialPolicy, AzureKeyCredential } from 'acs-common/signing';
import { createHash, createHmac } from 'node:crypto';
delete globalThis.crypto;
const input = { method: 'GET', url: ${JSON.stringify(VECTOR_URL)}, key: 'pw==', requestTimestamp: ${NOW} };
const out = {};
try { await createHmacHeaders(input); out.withoutOption = 'signed'; }
catch (error) { out.withoutOption = { name: error.name, code: error.code, message: error.message }; }
const crypto = {
  sha256: (data) => createHash('sha256').update(data).digest(),
  hmacSha256: (key, data) => createHmac('sha256', key).update(data).digest(),
};
out.withOption = (await createHmacHeaders({ ...input, crypto })).authorization;
const headers = new Map();
const policy = createCommunicationAccessKeyCredentialPolicy(new AzureKeyCredential('pw=='), { crypto });
await policy.sendRequest({ method: 'POST', url: input.url, body: 'x', headers: { set: (k, v) => headers.set(k, v) } }, async () => ({}));
out.policy = headers.get('Authorization')?.startsWith('HMAC-SHA256 ');
console.log(JSON.stringify(out));
`;

it('the browser build without crypto: a clear AcsError, and signing works with the crypto option', async () => {
  const result = await build({
    stdin: { contents: PROBE, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    external: ['node:crypto'],
    write: false,
    logLevel: 'silent',
    tsconfigRaw: {}, // the package's own imports map picks dist/platform/browser.js
  });
  const dir = mkdtempSync(join(tmpdir(), 'acs-common-no-webcrypto-'));
  try {
    const file = join(dir, 'probe.mjs');
    writeFileSync(file, result.outputFiles[0]?.text ?? '');
    const { stdout } = await run(process.execPath, [file]);
    const out = JSON.parse(stdout.trim());
    expect(out.withoutOption).toMatchObject({ name: 'AcsError', code: 'ERR_UNSUPPORTED_RUNTIME' });
    expect(out.withoutOption.message).toMatch(/^This JavaScript runtime has no WebCrypto \(crypto\.subtle\)/);
    expect(out.withOption).toBe(VECTOR_AUTHORIZATION);
    expect(out.policy).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
