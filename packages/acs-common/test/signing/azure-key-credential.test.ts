import { inspect } from 'node:util';
import { AzureKeyCredential as CoreAzureKeyCredential } from '@azure/core-auth';
import { describe, expect, it } from 'vitest';
import { AzureKeyCredential } from '../../src/signing/azure-key-credential.js';

const SECRET = 'c2VjcmV0LWFjY2Vzcy1rZXktdmFsdWU=';

describe('AzureKeyCredential', () => {
  it("has core-auth's prototype shape: own names only from {constructor, key, update} (upstream assertPropertyNames)", () => {
    const credential = new AzureKeyCredential(SECRET);
    const ours = Object.getOwnPropertyNames(Object.getPrototypeOf(credential));
    const cores = Object.getOwnPropertyNames(CoreAzureKeyCredential.prototype);
    expect(ours.every((name) => cores.includes(name))).toBe(true);
    expect(ours.sort()).toEqual(['constructor', 'key', 'update']);
    expect(Object.getOwnPropertyNames(credential)).toEqual([]);
    expect(inspect(credential)).toBe('AzureKeyCredential { key: REDACTED }');
  });

  it('returns the key and takes a new one with update()', () => {
    const credential = new AzureKeyCredential(SECRET);
    expect(credential.key).toBe(SECRET);
    credential.update('bmV3LWtleQ==');
    expect(credential.key).toBe('bmV3LWtleQ==');
  });

  it.each([[''], [undefined], [null], [42], [{}]])('refuses %j as a key with a TypeError', (bad) => {
    expect(() => new AzureKeyCredential(bad as string)).toThrow(TypeError);
    expect(() => new AzureKeyCredential(bad as string)).toThrow('key must be a non-empty string');
    const credential = new AzureKeyCredential(SECRET);
    expect(() => credential.update(bad as string)).toThrow(TypeError);
    expect(credential.key).toBe(SECRET);
  });

  it('keeps the key out of JSON.stringify, util.inspect, Object.keys and spreads', () => {
    const credential = new AzureKeyCredential(SECRET);
    expect(JSON.stringify(credential)).toBe('{}');
    expect(JSON.stringify({ credential })).not.toContain(SECRET);
    expect(inspect(credential, { depth: 10, showHidden: true, getters: true })).not.toContain(SECRET);
    expect(inspect(credential)).not.toContain(SECRET);
    expect(Object.keys(credential)).toEqual([]);
    expect({ ...credential }).toEqual({});
    expect(String(credential)).not.toContain(SECRET);
  });

  it('is a KeyCredential wherever core-auth expects one', () => {
    const credential: import('@azure/core-auth').KeyCredential = new AzureKeyCredential(SECRET);
    expect(credential.key).toBe(SECRET);
  });
});
