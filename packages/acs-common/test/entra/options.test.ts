import { SCOPES_VALIDATION_MESSAGE } from 'acs-protocol';
import { describe, expect, it, vi } from 'vitest';
import { AzureCommunicationTokenCredential as CredentialOnly } from '../../src/credential/index.js';
import { AzureCommunicationTokenCredential } from '../../src/entra/index.js';
import { AzureCommunicationTokenCredential as Root } from '../../src/index.js';
import { AcsError } from '../../src/lib/errors.js';
import { FakeTokenCredential } from '../../src/testing/index.js';
import { startExchangeServer } from './exchange-server.js';

const ENDPOINT = 'https://contoso.communication.azure.com';
const TEAMS = 'https://auth.msft.communication.azure.com/TeamsExtension.ManageCalls';
const VOIP = 'https://communication.azure.com/clients/VoIP';

function construct(options: Record<string, unknown>): AzureCommunicationTokenCredential {
  return new AzureCommunicationTokenCredential(options as never);
}

function constructionError(options: Record<string, unknown>): Error {
  try {
    construct(options);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the constructor to throw');
}

describe('Entra options are validated at construction (SPEC §4)', () => {
  const tokenCredential = new FakeTokenCredential();

  it('rejects empty, mixed, unknown and non-string scopes with the official text, as a TypeError', () => {
    for (const scopes of [
      [],
      [VOIP, TEAMS],
      [TEAMS, VOIP],
      ['invalidScope'],
      [''],
      ['https://contoso.com/clients/unknown'],
      [VOIP, 42],
      'https://communication.azure.com/clients/VoIP',
      null,
    ]) {
      const error = constructionError({ resourceEndpoint: ENDPOINT, tokenCredential, scopes });
      expect(error, JSON.stringify(scopes)).toBeInstanceOf(TypeError);
      expect(error.message.startsWith(SCOPES_VALIDATION_MESSAGE), error.message).toBe(true);
    }
    expect(tokenCredential.calls).toHaveLength(0);
  });

  it('rejects a missing or malformed resourceEndpoint without quoting it', () => {
    const secretish = 'endpoint=https://r.communication.azure.com/;accesskey=c2VjcmV0LWtleQ==';
    for (const resourceEndpoint of [
      undefined,
      '',
      '   ',
      42,
      'r.communication.azure.com',
      secretish,
      'ftp://r.example',
      'https://u:p@r.example',
      'https://r.example/#x',
    ]) {
      const error = constructionError({ resourceEndpoint, tokenCredential });
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(/^AzureCommunicationTokenCredential: resourceEndpoint must/);
      expect(error.message).not.toContain('c2VjcmV0LWtleQ');
      expect(error.message).not.toContain('u:p');
    }
  });

  it('rejects a tokenCredential without getToken', () => {
    for (const bad of [undefined, null, {}, { getToken: 'x' }, 'token']) {
      const error = constructionError({ resourceEndpoint: ENDPOINT, tokenCredential: bad });
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(/tokenCredential must be a TokenCredential/);
    }
  });

  it('rejects bad fetch, clock and routes options', () => {
    const base = { resourceEndpoint: ENDPOINT, tokenCredential };
    expect(constructionError({ ...base, fetch: 'fetch' }).message).toMatch(/fetch must be a fetch-compatible function/);
    expect(constructionError({ ...base, clock: {} }).message).toMatch(/clock must be/);
    expect(constructionError({ ...base, routes: 'x' }).message).toMatch(/routes must be an object/);
    expect(constructionError({ ...base, routes: { teams: {} } }).message).toMatch(
      /the keys are teamsExtension and communicationClients/,
    );
    expect(constructionError({ ...base, routes: { teamsExtension: { path: 'no-slash' } } }).message).toMatch(
      /path must be a path/,
    );
    expect(constructionError({ ...base, routes: { teamsExtension: { apiVersion: '' } } }).message).toMatch(
      /apiVersion must be/,
    );
  });

  it('refuses http to a non-loopback host before any connection is made', async () => {
    const server = await startExchangeServer();
    const fetch = vi.fn(globalThis.fetch);
    try {
      // 0.0.0.0 and the machine's other names reach the same server but are not loopback names.
      for (const host of ['example.com', '0.0.0.0', '128.0.0.1', '[::2]', '10.0.0.1', '127.0.0.1.nip.io']) {
        const port = new URL(server.origin).port;
        const error = constructionError({ resourceEndpoint: `http://${host}:${port}`, tokenCredential, fetch });
        expect(error).toBeInstanceOf(TypeError);
        expect(error.message).toMatch(/must use https/);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(fetch).not.toHaveBeenCalled();
      expect(server.connections).toBe(0);
      expect(tokenCredential.calls).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('allows http for localhost, 127.0.0.0/8 and [::1]', () => {
    for (const endpoint of [
      'http://localhost:1',
      'http://LOCALHOST',
      'http://127.0.0.1:8080/',
      'http://127.255.0.9',
      'http://127.1',
      'http://[::1]:9',
    ]) {
      expect(() => construct({ resourceEndpoint: endpoint, tokenCredential })).not.toThrow();
    }
  });

  it('never mutates the options object, and copies the scopes', async () => {
    const scopes = [VOIP];
    const options = {
      resourceEndpoint: `${ENDPOINT}/`,
      tokenCredential: new FakeTokenCredential(),
      scopes,
      fetch: vi.fn(),
    };
    const snapshot = { ...options, scopes: [...scopes] };
    construct(options);
    expect(options).toEqual(snapshot);
    expect(Object.keys(options)).toEqual(['resourceEndpoint', 'tokenCredential', 'scopes', 'fetch']);
    const withoutScopes = { resourceEndpoint: ENDPOINT, tokenCredential: new FakeTokenCredential() };
    construct(withoutScopes);
    expect('scopes' in withoutScopes).toBe(false); // 2.5.0 writes the default scopes into the caller's object
  });

  it('a runtime without the URL global gets an AcsError naming URL, not "not an absolute URL" (issue 8, defect 8)', () => {
    vi.stubGlobal('URL', undefined);
    try {
      const error = constructionError({ resourceEndpoint: ENDPOINT, tokenCredential });
      expect(error).toBeInstanceOf(AcsError);
      expect((error as AcsError).code).toBe('ERR_UNSUPPORTED_RUNTIME');
      expect(error.message).toMatch(/no URL global/);
      expect(error.message).not.toMatch(/absolute URL/);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('is lazy: construction calls neither the Entra credential nor the network', async () => {
    const entra = new FakeTokenCredential();
    const fetch = vi.fn();
    construct({ resourceEndpoint: ENDPOINT, tokenCredential: entra, fetch });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(entra.calls).toHaveLength(0);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('the root entry exports the full class; acs-common/credential the small one', () => {
    expect(Root).toBe(AzureCommunicationTokenCredential);
    expect(new Root({ resourceEndpoint: ENDPOINT, tokenCredential })).toBeInstanceOf(CredentialOnly);
    // Types refuse this (the Entra overload is only where it works); JavaScript callers get a TypeError.
    expect(() => new CredentialOnly({ resourceEndpoint: ENDPOINT, tokenCredential } as never)).toThrow(
      /'acs-common\/entra'/,
    );
    // the other two forms still work through the full class
    expect(() => new Root({ tokenRefresher: async () => 'x' })).not.toThrow();
  });
});
