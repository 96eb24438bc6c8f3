import { EXCHANGE_ROUTES } from 'acs-protocol';
import { describe, expect, it } from 'vitest';
import { acsScopesOfEntraNames, splitEntraScopes } from '../../src/host/auth/scopes.js';
import { DEFAULT_CLI_PORT, parseCliArgs } from '../../src/host/cli-args.js';
import { resolveOptions } from '../../src/host/options.js';
import { compileRoutes, matchRoute } from '../../src/host/router.js';
import { defineRoute, defineService, reply } from '../../src/host/service.js';
import { Store } from '../../src/host/store/store.js';
import { formatExpiresOn, parseRfc1123 } from '../../src/host/time.js';
import { entraUserId, identityIdOfResource } from '../../src/services/identity/ids.js';
import { SERVICES } from '../../src/services/index.js';

const TABLE = compileRoutes(SERVICES);
const versionsOf = (name: string) => new Set(SERVICES.find((service) => service.name === name)?.apiVersions);

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
});

describe('routing', () => {
  it('matches ids with raw or percent-encoded colons, and encoded action segments', () => {
    for (const path of ['/identities/8:acs:r_x/:issueAccessToken', '/identities/8%3Aacs%3Ar_x/%3AissueAccessToken']) {
      const match = matchRoute(TABLE, 'POST', path);
      expect('compiled' in match && match.compiled.route.path).toBe('/identities/{id}/:issueAccessToken');
      expect('params' in match && match.params).toEqual({ id: '8:acs:r_x' });
    }
  });

  it('matches `{param}:action` segments before a bare parameter, and refuses duplicate routes', () => {
    const handle = () => reply(204);
    const service = defineService({
      name: 'calls',
      apiVersions: null,
      routes: [
        defineRoute({ method: 'POST', path: '/calls/{id}', auth: ['hmac'], handle }),
        defineRoute({ method: 'POST', path: '/calls/{id}:terminate', auth: ['hmac'], handle }),
        defineRoute({ method: 'POST', path: '/calls:answer', auth: ['hmac'], handle }),
      ],
    });
    const table = compileRoutes([service]);
    const pathOf = (path: string) => {
      const match = matchRoute(table, 'POST', path);
      return 'compiled' in match ? [match.compiled.route.path, match.params] : match;
    };
    expect(pathOf('/calls/abc:terminate')).toEqual(['/calls/{id}:terminate', { id: 'abc' }]);
    expect(pathOf('/calls/abc%3Aterminate')).toEqual(['/calls/{id}:terminate', { id: 'abc' }]);
    expect(pathOf('/calls/abc')).toEqual(['/calls/{id}', { id: 'abc' }]);
    expect(pathOf('/calls/:terminate')).toEqual(['/calls/{id}', { id: ':terminate' }]);
    expect(pathOf('/calls:answer')).toEqual(['/calls:answer', {}]);
    expect(() => compileRoutes([service, service])).toThrow(/Two routes/);
  });

  it('answers 404 for unknown paths and 405 with the allowed methods', () => {
    expect(matchRoute(TABLE, 'GET', '/nope')).toEqual({ status: 404 });
    expect(matchRoute(TABLE, 'GET', '/identities/')).toEqual({ status: 404 });
    expect(matchRoute(TABLE, 'GET', 'identities')).toEqual({ status: 404 });
    expect(matchRoute(TABLE, 'GET', '/identities/%E0%A4%A')).toMatchObject({ params: { id: '%E0%A4%A' } });
    const put = matchRoute(TABLE, 'PUT', '/identities/x');
    expect('allow' in put && [...put.allow].sort()).toEqual(['DELETE', 'GET']);
    expect(matchRoute(TABLE, 'GET', '/identities')).toEqual({ status: 405, allow: ['POST'] });
  });

  it('decodes and checks ids of this resource only', () => {
    expect(identityIdOfResource('8:acs:res_x', 'res')).toBe('8:acs:res_x');
    expect(identityIdOfResource('8:acs:other_x', 'res')).toBeUndefined();
    expect(identityIdOfResource(`8:acs:res_${'x'.repeat(600)}`, 'res')).toBeUndefined();
  });

  it('accepts the api-versions the official clients send', () => {
    expect(versionsOf('identity').has('2023-10-01')).toBe(true); // communication-identity 1.3.1
    expect(versionsOf('chat').has('2025-03-15')).toBe(true); // communication-chat 1.6.0
    const exchange = (path: string) => {
      const match = matchRoute(TABLE, 'POST', path);
      return 'compiled' in match ? match.compiled.apiVersions : null;
    };
    expect(exchange('/access/entra/:exchangeAccessToken')?.has('2025-03-02-preview')).toBe(true); // SPEC §4
    expect(exchange('/access/entra/:exchangeAccessToken')?.has('2025-06-30')).toBe(false);
    expect(exchange('/access/teamsExtension/:exchangeAccessToken')?.has('2025-06-30')).toBe(true);
    // What acs-common sends (acs-protocol's route table) is accepted on the route it names.
    for (const route of Object.values(EXCHANGE_ROUTES)) expect(exchange(route.path)?.has(route.apiVersion)).toBe(true);
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
    for (const admin of ['https://communication.azure.com/.default', 'https://communication.azure.com//.default']) {
      expect(splitEntraScopes([admin])).toEqual({
        family: 'admin',
        audience: 'https://communication.azure.com',
        names: ['.default'],
      });
    }
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

describe('store transactions', () => {
  it('buffers writes, reads them back, and applies them only on commit', async () => {
    const store = new Store();
    const tx = store.begin('chat');
    const threads = tx.collection<{ id: string }>('chat.threads');
    threads.put('t1', { id: 't1' });
    threads.put('t2', { id: 't2' });
    expect(threads.get('t1')).toEqual({ id: 't1' });
    expect(store.read('chat.threads').size).toBe(0);
    await store.commit(tx);
    expect([...store.read('chat.threads').keys()]).toEqual(['t1', 't2']);
    const next = store.begin('chat');
    next.collection('chat.threads').delete('t1');
    next.collection('chat.threads').put('t3', { id: 't3' });
    expect(next.collection('chat.threads').keys()).toEqual(['t2', 't3']);
    expect(next.collection('chat.threads').scan('t3')).toEqual([{ id: 't3' }]);
    expect(store.read('chat.threads').has('t1')).toBe(true); // not committed: a handler that throws changes nothing
  });

  it("lets a service read another's collections but write only its own", () => {
    const store = new Store();
    const tx = store.begin('sms');
    expect(tx.collection('phone-numbers.numbers').values()).toEqual([]);
    expect(() => tx.collection('phone-numbers.numbers').put('x', {})).toThrow(/belongs to another service/);
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
    expect(parseCliArgs([])).toEqual({ kind: 'run', options: { port: DEFAULT_CLI_PORT } });
    expect(parseCliArgs(['--phone-number', '+14255550100', '--phone-number=+14255550101'])).toMatchObject({
      options: { phoneNumbers: ['+14255550100', '+14255550101'] },
    });
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
    [['--phone-number', '555'], '--phone-number must be E.164'],
    [['--http=1'], '--http takes no value'],
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
    [{ phoneNumbers: ['5550100'] }, 'options.phoneNumbers'],
    [{ bogus: 1 } as never, 'options.bogus is not an emulator option'],
  ])('rejects %o with a TypeError naming the option', (options, name) => {
    expect(() => resolveOptions(options)).toThrow(TypeError);
    expect(() => resolveOptions(options)).toThrow(name);
  });
});
