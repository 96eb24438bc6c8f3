import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACS_TOKEN_SCOPES,
  COMMUNICATION_CLIENTS_SCOPE_PREFIX,
  isAcsTokenScope,
  isBase64,
  isLoopbackHost,
  SCOPE_PREFIXES,
  SCOPES_VALIDATION_MESSAGE,
  splitScope,
  TEAMS_EXTENSION_SCOPE_PREFIXES,
} from '../src/index.js';

describe('isBase64 (canonical standard base64, what an access key is)', () => {
  it('accepts what Node encodes, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 100 }), (bytes) =>
        isBase64(Buffer.from(bytes).toString('base64')),
      ),
    );
  });

  it('accepts a string exactly when Node decodes it and re-encodes the same spelling', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'AQgwB+/=-_ z9'), maxLength: 12 }), (text) => {
        const canonical = text !== '' && Buffer.from(text, 'base64').toString('base64') === text;
        expect(isBase64(text)).toBe(canonical);
      }),
    );
  });

  it('refuses the empty string, missing padding, stray bits and the url-safe alphabet', () => {
    expect(isBase64('')).toBe(false);
    expect(isBase64('pw')).toBe(false);
    expect(isBase64('QR==')).toBe(false);
    expect(isBase64('QQ==')).toBe(true);
    expect(isBase64('a-_b')).toBe(false);
    expect(isBase64(' QQ==')).toBe(false);
  });
});

describe('isLoopbackHost (SPEC §4: http only for these)', () => {
  it.each(['localhost', '127.0.0.1', '127.255.0.9', '[::1]'])('%s is loopback', (host) => {
    expect(isLoopbackHost(new URL(`http://${host}:1/`).hostname)).toBe(true);
  });
  it.each(['example.com', '0.0.0.0', '128.0.0.1', 'localhost.example.com', '[::2]'])('%s is not', (host) => {
    expect(isLoopbackHost(new URL(`http://${host}/`).hostname)).toBe(false);
  });
});

describe('scope tables', () => {
  it('lists the Identity API Scope enum', () => {
    expect(ACS_TOKEN_SCOPES).toEqual(['chat', 'voip', 'chat.join', 'chat.join.limited', 'voip.join']);
    expect(isAcsTokenScope('chat.join.limited')).toBe(true);
    expect(isAcsTokenScope('VoIP')).toBe(false);
    expect(isAcsTokenScope(undefined)).toBe(false);
  });

  it('has one prefix entry per family prefix, and the 2.5.0 message names every one', () => {
    expect(SCOPE_PREFIXES.map((entry) => entry.prefix)).toEqual([
      ...TEAMS_EXTENSION_SCOPE_PREFIXES,
      COMMUNICATION_CLIENTS_SCOPE_PREFIX,
    ]);
    expect(SCOPES_VALIDATION_MESSAGE).toBe(
      `Scopes validation failed. Ensure all scopes start with one of ${SCOPE_PREFIXES.map((e) => e.prefix).join(', ')}.`,
    );
  });

  it('splits a scope case-insensitively and keeps the name as written', () => {
    expect(splitScope('HTTPS://Auth.MSFT.communication.azure.us/TeamsExtension.ManageCalls')).toEqual({
      prefix: 'https://auth.msft.communication.azure.us/',
      family: 'teamsExtension',
      name: 'TeamsExtension.ManageCalls',
    });
    expect(splitScope('https://communication.azure.com/VoIP')).toBeUndefined();
  });
});
