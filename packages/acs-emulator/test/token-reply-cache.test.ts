import { describe, expect, it } from 'vitest';
import type { EmulatorContext, EmulatorRequest } from '../src/context.js';
import { issueAccessToken } from '../src/handlers/identities.js';
import { hmacSha256 } from '../src/hmac-sha256.js';
import { createJwtSigner } from '../src/jwt.js';
import { type IdentityRecord, IdentityStore } from '../src/store.js';
import { formatExpiresOn } from '../src/time.js';
import { TokenReplyCache, type TokenReplyKey } from '../src/token-reply-cache.js';
import { mintAcsToken, verifyAcsToken } from '../src/tokens.js';

// The :issueAccessToken reply is reused within a second when nothing it depends on changed. These
// tests check every reply against a token minted independently from the same inputs, so a stale
// reuse (after a revoke, a new second, other scopes or another lifetime) cannot pass.

const RESOURCE = 'res';

function setup(startTimestamp: number) {
  let nowTimestamp = startTimestamp;
  const store = new IdentityStore();
  const record = store.create(`8:acs:${RESOURCE}_a`, startTimestamp);
  const context: EmulatorContext = {
    resourceId: RESOURCE,
    store,
    commit: () => Promise.resolve(),
    accessKeyHmac: hmacSha256(Buffer.alloc(32, 1)),
    acsSigner: createJwtSigner(Buffer.alloc(32, 2), { kid: '1' }),
    entraSigner: createJwtSigner(Buffer.alloc(32, 3)),
    now: () => nowTimestamp,
    minTokenLifetimeInMinutes: 60,
    bodyLimitInBytes: 1024,
    log: () => {},
  };
  const issue = (json: unknown): string => {
    const request: EmulatorRequest = {
      method: 'POST',
      target: '/',
      params: { id: encodeURIComponent(record.id) },
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify(json)),
      remoteAddress: undefined,
    };
    const reply = issueAccessToken(context, request, { kind: 'hmac' });
    if (reply instanceof Promise) throw new Error('issueAccessToken is synchronous');
    return reply.json ?? '';
  };
  /** The reply a fresh signature of the current inputs gives. */
  const expected = (scopes: string[], minutes: number): string => {
    const { token, expiresOnTimestamp } = mintAcsToken(context.acsSigner, {
      identityId: record.id,
      resourceId: RESOURCE,
      scopes,
      issuedAtTimestamp: nowTimestamp,
      expiresOnTimestamp: nowTimestamp + minutes * 60_000,
      revision: store.revision,
    });
    return `{"token":"${token}","expiresOn":"${formatExpiresOn(expiresOnTimestamp)}"}`;
  };
  const setNow = (timestamp: number) => {
    nowTimestamp = timestamp;
  };
  return { context, store, record, issue, expected, setNow };
}

describe(':issueAccessToken reply reuse', () => {
  it('gives exactly the freshly signed reply, repeated or not, within one second', () => {
    const { issue, expected, setNow } = setup(1_800_000_000_000);
    const body = { scopes: ['chat', 'voip'], expiresInMinutes: 60 };
    const first = issue(body);
    expect(first).toBe(expected(['chat', 'voip'], 60));
    setNow(1_800_000_000_999);
    expect(issue(body)).toBe(first);
    expect(issue(body)).toBe(expected(['chat', 'voip'], 60));
  });

  it('signs again for another second, other scopes, another lifetime', () => {
    const { issue, expected, setNow } = setup(1_800_000_000_500);
    const first = issue({ scopes: ['chat'], expiresInMinutes: 60 });
    const otherScopes = issue({ scopes: ['voip'], expiresInMinutes: 60 });
    expect(otherScopes).toBe(expected(['voip'], 60));
    expect(otherScopes).not.toBe(first);
    const otherLifetime = issue({ scopes: ['voip'], expiresInMinutes: 61 });
    expect(otherLifetime).toBe(expected(['voip'], 61));
    setNow(1_800_000_001_000);
    const nextSecond = issue({ scopes: ['voip'], expiresInMinutes: 61 });
    expect(nextSecond).toBe(expected(['voip'], 61));
    expect(nextSecond).not.toBe(otherLifetime);
  });

  it('never hands out a pre-revocation token after a revoke in the same millisecond', () => {
    const { context, store, record, issue, expected } = setup(1_800_000_000_000);
    const body = { scopes: ['chat'] };
    const before = (JSON.parse(issue(body)) as { token: string }).token;
    store.revoke(record.id);
    const afterReply = issue(body);
    expect(afterReply).toBe(expected(['chat'], 1440));
    const after = (JSON.parse(afterReply) as { token: string }).token;
    expect(after).not.toBe(before);
    const revisionOf = (token: string) => {
      const verified = verifyAcsToken(context.acsSigner, token, context.now());
      if (!('claims' in verified)) throw new Error(verified.reason);
      return verified.claims.revision;
    };
    expect(store.accepts(record.id, revisionOf(before))).toBe(false);
    expect(store.accepts(record.id, revisionOf(after))).toBe(true);
  });

  it('answers 404 for a deleted identity even right after a reply was cached', () => {
    const { store, record, issue } = setup(1_800_000_000_000);
    issue({ scopes: ['chat'] });
    store.delete(record.id);
    expect(() => issue({ scopes: ['chat'] })).toThrow(expect.objectContaining({ status: 404 }));
  });
});

describe('TokenReplyCache', () => {
  const signer = createJwtSigner(Buffer.alloc(32, 2));
  const key: TokenReplyKey = {
    signer,
    resourceId: 'res',
    acsScope: 'chat',
    revision: 3,
    issuedAtInSeconds: 100,
    expiresOnInSeconds: 3700,
  };
  const record: IdentityRecord = { id: '8:acs:res_a', createdAtTimestamp: 0, minRevision: 1 };

  it('hits only when every part of the key matches, per record', () => {
    const cache = new TokenReplyCache();
    expect(cache.get(record, key)).toBeUndefined();
    expect(cache.set(record, key, 'reply')).toBe('reply');
    expect(cache.get(record, { ...key })).toBe('reply');
    expect(cache.get({ ...record }, key)).toBeUndefined();
    for (const changed of [
      { signer: createJwtSigner(Buffer.alloc(32, 2)) },
      { resourceId: 'other' },
      { acsScope: 'chat,voip' },
      { revision: 4 },
      { issuedAtInSeconds: 101 },
      { expiresOnInSeconds: 3701 },
    ]) {
      expect(cache.get(record, { ...key, ...changed })).toBeUndefined();
    }
  });
});
