import { describe, expect, it } from 'vitest';
import { EMPTY_CONTENT_HASH, signedParts, stringToSign } from '../src/index.js';

describe('stringToSign', () => {
  it('matches the .NET reference form (dotnet-common §4.2)', () => {
    expect(
      stringToSign({
        method: 'get',
        ...signedParts('http://example.com/'),
        date: 'Mon, 01 Jan 2024 00:00:00 GMT',
        contentHash: EMPTY_CONTENT_HASH,
      }),
    ).toBe('GET\n/\nMon, 01 Jan 2024 00:00:00 GMT;example.com;47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
  });

  it('keeps the query exactly as sent and the non-default port', () => {
    expect(signedParts('https://EXAMPLE.com:8443/a%20b?x=%20&flag#frag')).toEqual({
      pathAndQuery: '/a%20b?x=%20&flag',
      host: 'example.com:8443',
    });
    expect(signedParts('https://example.com:443').host).toBe('example.com');
  });
});
