import { describe, expect, it } from 'vitest';
import { API_VERSIONS } from '../src/api-versions.js';
import { DEFAULT_CLI_PORT, parseCliArgs } from '../src/cli-args.js';
import { decodeIdentityId, entraUserId } from '../src/ids.js';
import { resolveOptions } from '../src/options.js';
import { matchRoute } from '../src/router.js';
import { ROUTES } from '../src/routes.js';
import { acsScopesOfEntraNames, splitEntraScopes } from '../src/scopes.js';
import { IdentityStore } from '../src/store.js';
import { formatExpiresOn, parseRfc1123 } from '../src/time.js';

describe('time formats', () => {
  it('writes expiresOn like the service: RFC 3339, seven fractional digits, offset', () => {
    expect(formatExpiresOn(Date.UTC(2025, 3, 10, 21, 39, 39, 324))).toBe('2025-04-10T21:39:39.3240000+00:00');
    expect(Date.parse(formatExpiresOn(0))).toBe(0);
  });

  it('reads RFC 1123 dates only', () => {
    expect(parseRfc1123('Wed, 13 Apr 2022 18:09:12 GMT')).toBe(Date.UTC(2022, 3, 13, 18, 9, 12));
    expect(parseRfc1123(new Date(1_700_000_000_000).toUTCString())).toBe(1_700_000_000_000);
    expect(parseRfc1123('Wed, 13 Apr 2022 25:09:12 GMT')).toBeUndefined();
    expect(parseRfc1123('13 Apr 2022 18:09:12 GMT')).toBeUndefined();
  });

  it('reads the same date again, and others in between, identically (it remembers the last one)', () => {
    const dates = ['Wed, 13 Apr 2022 18:09:12 GMT', 'Wed, 31 Feb 2022 18:09:12 GMT', 'Thu, 14 Apr 2022 18:09:12 GMT'];
    const expected = [Date.UTC(2022, 3, 13, 18, 9, 12), undefined, Date.UTC(2022, 3, 14, 18, 9, 12)];
    for (const order of [
      [0, 0, 1, 1, 0, 2, 2, 1],
      [2, 1, 0, 0, 1, 2],
    ]) {
      for (const index of order) expect(parseRfc1123(dates[index] as string)).toBe(expected[index]);
    }
  });
});

describe('routing', () => {
  it('matches ids with raw or percent-encoded colons, and encoded action segments', () => {
    for (const path of ['/identities/8:acs:r_x/:issueAccessToken', '/identities/8%3Aacs%3Ar_x/%3AissueAccessToken']) {
      const match = matchRoute(ROUTES, 'POST', path);
      expect('route' in match && match.route.pattern.at(-1)).toBe(':issueAccessToken');
    }
  });

  it('answers 404 for unknown paths and 405 with the allowed methods', () => {
    expect(matchRoute(ROUTES, 'GET', '/nope')).toEqual({ status: 404 });
    expect(matchRoute(ROUTES, 'GET', '/identities/')).toEqual({ status: 404 });
    expect(matchRoute(ROUTES, 'GET', 'identities')).toEqual({ status: 404 });
    expect(matchRoute(ROUTES, 'PUT', '/identities/x')).toEqual({ status: 405, allow: ['GET', 'DELETE'] });
    expect(matchRoute(ROUTES, 'GET', '/identities')).toEqual({ status: 405, allow: ['POST'] });
  });

  it('decodes and checks ids of this resource only', () => {
    expect(decodeIdentityId('8%3Aacs%3Ares_x', 'res')).toBe('8:acs:res_x');
    expect(decodeIdentityId('8:acs:res_x', 'res')).toBe('8:acs:res_x');
    expect(decodeIdentityId('8:acs:other_x', 'res')).toBeUndefined();
    expect(decodeIdentityId('%E0%A4%A', 'res')).toBeUndefined();
  });

  it('accepts the api-versions the official clients send', () => {
    expect(API_VERSIONS.identity.has('2023-10-01')).toBe(true); // communication-identity 1.3.1
    expect(API_VERSIONS.chat.has('2025-03-15')).toBe(true); // communication-chat 1.6.0
    expect(API_VERSIONS.entraExchange.has('2025-03-02-preview')).toBe(true); // SPEC §4
    expect(API_VERSIONS.teamsExtensionExchange.has('2025-06-30')).toBe(true);
    expect(API_VERSIONS.entraExchange.has('2025-06-30')).toBe(false);
  });
});

describe('scopes', () => {
  it('splits Entra scopes of one family, case-insensitively', () => {
    expect(splitEntraScopes(['https://communication.azure.com/clients/.default'])).toEqual({
      family: 'entra',
      audience: 'https://communication.azure.com/clients',
      names: ['.default'],
    });
    expect(splitEntraScopes(['HTTPS://AUTH.MSFT.COMMUNICATION.AZURE.COM/TeamsExtension.ManageCalls'])).toMatchObject({
      family: 'teamsExtension',
    });
    expect(
      splitEntraScopes(['https://communication.azure.com/clients/VoIP', 'https://auth.msft.communication.azure.com/x']),
    ).toMatchObject({ reason: expect.stringContaining('one family') });
    expect(splitEntraScopes([])).toMatchObject({ reason: expect.any(String) });
    expect(splitEntraScopes(['https://graph.microsoft.com/.default'])).toMatchObject({ reason: expect.any(String) });
  });

  it('maps Entra permissions to ACS scopes', () => {
    expect(acsScopesOfEntraNames(['.default'])).toEqual(['chat', 'voip']);
    expect(acsScopesOfEntraNames(['TeamsExtension.ManageCalls'])).toEqual(['voip']);
    expect(acsScopesOfEntraNames(['Something'])).toEqual(['voip']);
  });

  it('derives a stable communication-user id for an Entra user', () => {
    const id = entraUserId('res', 'tenant', 'oid');
    expect(id).toBe(entraUserId('res', 'tenant', 'oid'));
    expect(id).toMatch(/^8:acs:res_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(id).not.toBe(entraUserId('res', 'tenant', 'oid2'));
  });
});

describe('identity store revocation', () => {
  it('rejects tokens issued before a revoke and accepts those issued after, in the same millisecond', () => {
    const store = new IdentityStore();
    const { id } = store.create('8:acs:r_a', 0);
    const before = store.revision;
    expect(store.accepts(id, before)).toBe(true);
    store.revoke(id);
    expect(store.accepts(id, before)).toBe(false);
    expect(store.accepts(id, store.revision)).toBe(true);
  });

  it('rejects old tokens of an id deleted and created again', () => {
    const store = new IdentityStore();
    store.create('8:acs:r_a', 0);
    const old = store.revision;
    store.delete('8:acs:r_a');
    expect(store.accepts('8:acs:r_a', old)).toBe(false);
    store.ensure('8:acs:r_a', 1);
    expect(store.accepts('8:acs:r_a', old)).toBe(false);
    expect(store.accepts('8:acs:r_a', store.revision)).toBe(true);
  });
});

describe('CLI arguments', () => {
  it('parses every flag, in both spellings', () => {
    expect(
      parseCliArgs([
        '--host',
        '0.0.0.0',
        '--port=0',
        '--access-key',
        'pw==',
        '--data',
        'state.json',
        '--cert',
        'c.pem',
        '--key=k.pem',
        '--min-token-lifetime',
        '1',
      ]),
    ).toEqual({
      kind: 'run',
      options: {
        host: '0.0.0.0',
        port: 0,
        accessKey: 'pw==',
        dataFile: 'state.json',
        certFile: 'c.pem',
        keyFile: 'k.pem',
        minTokenLifetimeInMinutes: 1,
      },
    });
    expect(parseCliArgs([])).toEqual({ kind: 'run', options: { host: '127.0.0.1', port: DEFAULT_CLI_PORT } });
    expect(parseCliArgs(['--http'])).toMatchObject({ options: { http: true } });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--port'], '--port needs a value'],
    [['--port', 'abc'], '--port must be an integer'],
    [['--port', '70000'], '--port must be an integer'],
    [['--port', '-1'], '--port must be an integer'],
    [['--access-key', 'not base64!'], '--access-key must be base64'],
    [['--cert', 'c.pem'], '--cert and --key go together'],
    [['--http', '--cert', 'c', '--key', 'k'], '--http cannot be combined'],
    [['--bogus'], 'unknown option --bogus'],
    [['stray'], "unexpected argument 'stray'"],
    [['--port', '1', '--port', '2'], 'more than once'],
    [['--min-token-lifetime', '61'], '--min-token-lifetime must be'],
    [['--data', '--http'], '--data needs a value'],
  ])('rejects %j clearly', (argv, message) => {
    const parsed = parseCliArgs(argv);
    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' ? parsed.message : '').toContain(message);
  });

  it('never echoes a rejected access key', () => {
    const parsed = parseCliArgs(['--access-key', 'sekrit!value']);
    expect(JSON.stringify(parsed)).not.toContain('sekrit');
  });
});

describe('startEmulator options', () => {
  it.each([
    [{ port: -1 }, 'options.port'],
    [{ port: 1.5 }, 'options.port'],
    [{ accessKey: 'abc' }, 'options.accessKey'],
    [{ certFile: 'x' }, 'options.certFile and options.keyFile'],
    [{ http: true, certFile: 'c', keyFile: 'k' }, 'options.http'],
    [{ minTokenLifetimeInMinutes: 0 }, 'options.minTokenLifetimeInMinutes'],
    [{ bodyLimitInBytes: 10 }, 'options.bodyLimitInBytes'],
    [{ host: '' }, 'options.host'],
  ])('rejects %o with a TypeError naming the option', (options, name) => {
    expect(() => resolveOptions(options)).toThrow(TypeError);
    expect(() => resolveOptions(options)).toThrow(name);
  });
});
