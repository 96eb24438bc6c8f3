import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ENTRA_SCOPES,
  EXCHANGE_ROUTES,
  exchangeRouteFor,
  exchangeUrl,
  SCOPES_VALIDATION_MESSAGE,
  scopeFamily,
} from '../src/index.js';

const TEAMS = 'https://auth.msft.communication.azure.com/TeamsExtension.ManageCalls';
const TEAMS_US = 'https://auth.msft.communication.azure.us/TeamsExtension.ManageCalls';
const VOIP = 'https://communication.azure.com/clients/VoIP';
const CHAT = 'https://communication.azure.com/clients/Chat';

describe('route table (SPEC §4, js-common §3.6)', () => {
  it('maps Teams Extension scopes, public and US Government, to teamsExtension 2025-06-30', () => {
    const expected = { path: '/access/teamsExtension/:exchangeAccessToken', apiVersion: '2025-06-30' };
    expect(exchangeRouteFor([TEAMS])).toEqual(expected);
    expect(exchangeRouteFor([TEAMS_US])).toEqual(expected);
    expect(exchangeRouteFor([TEAMS, TEAMS_US])).toEqual(expected);
  });

  it('maps communication clients scopes (and the default) to entra 2025-03-02-preview', () => {
    const expected = { path: '/access/entra/:exchangeAccessToken', apiVersion: '2025-03-02-preview' };
    expect(exchangeRouteFor([VOIP])).toEqual(expected);
    expect(exchangeRouteFor([VOIP, CHAT])).toEqual(expected);
    expect(exchangeRouteFor(DEFAULT_ENTRA_SCOPES)).toEqual(expected);
    expect(DEFAULT_ENTRA_SCOPES).toEqual(['https://communication.azure.com/clients/.default']);
  });

  it('matches the prefixes case-insensitively (.NET 1.4.1); 2.5.0 is case-sensitive', () => {
    expect(scopeFamily(['HTTPS://AUTH.MSFT.COMMUNICATION.AZURE.COM/TeamsExtension.ManageCalls'])).toBe(
      'teamsExtension',
    );
    expect(scopeFamily(['https://Auth.Msft.Communication.Azure.US/x'])).toBe('teamsExtension');
    expect(scopeFamily(['https://COMMUNICATION.azure.com/Clients/VoIP'])).toBe('communicationClients');
  });

  it('gives no route for empty, mixed or unknown scopes', () => {
    for (const scopes of [
      [],
      [VOIP, TEAMS],
      [TEAMS, VOIP],
      ['invalidScope'],
      [''],
      ['https://contoso.com/clients/unknown'],
    ]) {
      expect(exchangeRouteFor(scopes), JSON.stringify(scopes)).toBeUndefined();
    }
    // a prefix without its trailing slash is not the prefix
    expect(scopeFamily(['https://communication.azure.com/clientsX'])).toBeUndefined();
    expect(scopeFamily(['https://auth.msft.communication.azure.comevil/x'])).toBeUndefined();
  });

  it('applies overrides per family, field by field', () => {
    const overrides = { communicationClients: { apiVersion: '2099-01-01' }, teamsExtension: { path: '/x/:y' } };
    expect(exchangeRouteFor([VOIP], overrides)).toEqual({
      path: EXCHANGE_ROUTES.communicationClients.path,
      apiVersion: '2099-01-01',
    });
    expect(exchangeRouteFor([TEAMS], overrides)).toEqual({ path: '/x/:y', apiVersion: '2025-06-30' });
  });

  it('keeps the official validation text', () => {
    expect(SCOPES_VALIDATION_MESSAGE).toBe(
      'Scopes validation failed. Ensure all scopes start with one of https://auth.msft.communication.azure.com/, https://auth.msft.communication.azure.us/, https://communication.azure.com/clients/.',
    );
  });
});

describe('exchangeUrl', () => {
  const route = EXCHANGE_ROUTES.communicationClients;
  const tail = '/access/entra/:exchangeAccessToken?api-version=2025-03-02-preview';

  it('never produces // after the host, with or without trailing slashes', () => {
    expect(exchangeUrl('https://r.communication.azure.com', route)).toBe(`https://r.communication.azure.com${tail}`);
    expect(exchangeUrl('https://r.communication.azure.com/', route)).toBe(`https://r.communication.azure.com${tail}`);
    expect(exchangeUrl('https://r.communication.azure.com//', route)).toBe(`https://r.communication.azure.com${tail}`);
  });

  it('keeps a base path (without its trailing slash), a port and an existing query', () => {
    expect(exchangeUrl('https://proxy.example/acs/', route)).toBe(`https://proxy.example/acs${tail}`);
    expect(exchangeUrl('http://127.0.0.1:8080/base', route)).toBe(`http://127.0.0.1:8080/base${tail}`);
    expect(exchangeUrl('https://proxy.example/acs?tenant=a%20b', route)).toBe(
      'https://proxy.example/acs/access/entra/:exchangeAccessToken?tenant=a%20b&api-version=2025-03-02-preview',
    );
    expect(exchangeUrl('http://[::1]:9/', EXCHANGE_ROUTES.teamsExtension)).toBe(
      'http://[::1]:9/access/teamsExtension/:exchangeAccessToken?api-version=2025-06-30',
    );
  });

  it('property: one slash between the endpoint path and the route, whatever the endpoint', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 3 }), fc.integer({ min: 0, max: 3 }), (segments, slashes) => {
        const endpoint = `https://r.example/${segments.join('/')}${'/'.repeat(slashes)}`;
        const url = exchangeUrl(endpoint, route);
        expect(url.slice('https://'.length)).not.toContain('//');
        expect(url).toBe(`https://r.example${segments.map((s) => `/${s}`).join('')}${tail}`);
      }),
    );
  });
});
