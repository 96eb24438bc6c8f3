// The smoke suite of `npm run test:runtimes`: written once, run unchanged on every runtime of the
// matrix, through the published entry points of the packed package (bare `acs-common/...`
// specifiers, resolved by each runtime or bundler the way an application's are). Plain modern
// JavaScript with no test framework: each check is a function that throws on failure.
//
// `runSmoke(config, host)`:
// - `config`: the vectors computed in Node at matrix start (scripts/runtimes/vectors.mjs) and the
//   loopback origin of the matrix's Entra exchange route (`entraOrigin`, absent: no fetch there).
// - `host`: what differs per runtime and is not the library's business: its name, how to try the
//   `using` syntax (`tryUsing`), and extra signing options (`signingOptions`, e.g. an injected HMAC
//   where the runtime has no WebCrypto).
// Returns `{ checks: [{ name, ok, detail? }], notes: [...] }`; the matrix decides pass or fail.
import * as root from 'acs-common';
import * as credentialEntry from 'acs-common/credential';
import * as entraEntry from 'acs-common/entra';
import * as identifiersEntry from 'acs-common/identifiers';
import * as signingEntry from 'acs-common/signing';
import * as testingEntry from 'acs-common/testing';

const ENTRY_POINTS = {
  'acs-common': [root, ['AzureCommunicationTokenCredential', 'createIdentifierFromRawId', 'createHmacHeaders']],
  'acs-common/credential': [credentialEntry, ['AzureCommunicationTokenCredential', 'AcsError', 'isAccessToken']],
  'acs-common/identifiers': [
    identifiersEntry,
    ['createIdentifierFromRawId', 'getIdentifierRawId', 'getIdentifierKind'],
  ],
  'acs-common/signing': [signingEntry, ['createHmacHeaders', 'createCommunicationAccessKeyCredentialPolicy']],
  'acs-common/entra': [entraEntry, ['AzureCommunicationTokenCredential']],
  'acs-common/testing': [testingEntry, ['ManualClock', 'createTestToken', 'FakeTokenCredential']],
};

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function describe(error) {
  if (error instanceof Error) {
    const code = error.code === undefined ? '' : ` [${error.code}]`;
    return `${error.name}${code}: ${error.message}`;
  }
  return String(error);
}

function bodyOf(input) {
  if (input.bytes === undefined) return input.body;
  const bytes = new Uint8Array(input.bytes);
  return input.asArrayBuffer ? bytes.buffer : bytes;
}

/** A core-rest-pipeline-shaped request: what the access-key policy reads and writes. */
function pipelineRequest(input) {
  const headers = new Map();
  const body = bodyOf(input);
  return {
    url: input.url,
    method: input.method,
    ...(body === undefined ? {} : { body }),
    headers: {
      get: (name) => headers.get(name.toLowerCase()),
      set: (name, value) => void headers.set(name.toLowerCase(), value),
      has: (name) => headers.has(name.toLowerCase()),
      delete: (name) => void headers.delete(name.toLowerCase()),
      toJSON: () => Object.fromEntries(headers),
    },
  };
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url of an ASCII string, by hand: the tokens below must not need TextEncoder or btoa. */
function base64UrlOfAscii(text) {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const [a, b, c] = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)];
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += BASE64URL[(n >> 18) & 63] + BASE64URL[(n >> 12) & 63];
    if (i + 1 < text.length) out += BASE64URL[(n >> 6) & 63];
    if (i + 2 < text.length) out += BASE64URL[n & 63];
  }
  return out;
}

/**
 * An unsigned ACS-shaped token expiring at `expiresOnTimestamp`, made without the library: what an
 * application gets from its server. (acs-common/testing's createTestToken is checked on its own.)
 */
function token(expiresOnTimestamp, n = 0) {
  const claims = { skypeid: 'acs:smoke', scp: 1792, exp: Math.floor(expiresOnTimestamp / 1000), n };
  return `${base64UrlOfAscii('{"alg":"none","typ":"JWT"}')}.${base64UrlOfAscii(JSON.stringify(claims))}.`;
}

/** Which headers differ; the values only of those that are not secret (no signature is shown). */
function differences(actual, expected) {
  return Object.keys(expected)
    .filter((name) => actual[name] !== expected[name])
    .map((name) => (name === 'authorization' ? 'signature' : `${name} ${JSON.stringify(actual[name])}`))
    .concat(actual.host === undefined ? [] : [`host header ${JSON.stringify(actual.host)}`])
    .join(', ');
}

function sameHeaders(actual, expected) {
  return Object.keys(expected).every((name) => actual[name] === expected[name]);
}

export async function runSmoke(config, host) {
  const checks = [];
  const notes = [];
  const check = async (name, body) => {
    try {
      const note = await body();
      checks.push({ name, ok: true, ...(typeof note === 'string' ? { detail: note } : {}) });
    } catch (error) {
      checks.push({ name, ok: false, detail: describe(error) });
    }
  };
  const { AzureCommunicationTokenCredential } = credentialEntry;
  const { createTestToken, ManualClock, FakeTokenCredential } = testingEntry;
  const hasTextEncoder = typeof TextEncoder === 'function';
  /** Runs `body`; where this runtime lacks a Web API the library needs, expects its clear error instead. */
  const unlessUnsupported = async (needs, body) => {
    if (needs.every(Boolean)) return body();
    try {
      await body();
    } catch (error) {
      assert(
        error?.code === 'ERR_UNSUPPORTED_RUNTIME',
        `without the Web APIs it needs, expected AcsError ERR_UNSUPPORTED_RUNTIME, got ${describe(error)}`,
      );
      return `unsupported here, with the library's clear error: ${error.message}`;
    }
    return 'works here even without every Web API it was expected to need';
  };
  const canSign = [
    hasTextEncoder,
    typeof globalThis.crypto?.subtle === 'object' || Object.keys(host.signingOptions).length > 0,
  ];

  await check('every entry point imports and has its exports', () => {
    for (const [specifier, [module, names]] of Object.entries(ENTRY_POINTS)) {
      for (const name of names) assert(typeof module[name] === 'function', `${specifier} lacks ${name}`);
    }
    assert(
      root.AzureCommunicationTokenCredential === entraEntry.AzureCommunicationTokenCredential,
      'acs-common and acs-common/entra export different credential classes',
    );
  });

  await check(`identifiers: ${config.identifiers.length} raw ids of every kind round-trip`, () => {
    const { createIdentifierFromRawId, getIdentifierRawId, getIdentifierKind, isIdentifierEqual } = identifiersEntry;
    const { serializeCommunicationIdentifier, deserializeCommunicationIdentifier } = identifiersEntry;
    const kinds = new Set();
    for (const { rawId, kind, wire } of config.identifiers) {
      const identifier = createIdentifierFromRawId(rawId);
      const label = JSON.stringify(rawId);
      assert(getIdentifierKind(identifier).kind === kind, `${label}: kind ${getIdentifierKind(identifier).kind}`);
      assert(getIdentifierRawId(identifier) === rawId, `${label} came back as ${getIdentifierRawId(identifier)}`);
      const serialized = serializeCommunicationIdentifier(identifier);
      assert(JSON.stringify(serialized) === wire, `${label}: wire form ${JSON.stringify(serialized)} ≠ Node's ${wire}`);
      assert(isIdentifierEqual(identifier, deserializeCommunicationIdentifier(serialized)), `${label}: serializer`);
      kinds.add(kind);
    }
    assert(kinds.size === 6, `only ${[...kinds].join(', ')}`);
  });

  await check('a static token credential serves its token and expiry', async () => {
    const expiresOnTimestamp = Date.parse('2031-05-06T07:08:09Z');
    const served = token(expiresOnTimestamp);
    const credential = new AzureCommunicationTokenCredential(served);
    const accessToken = await credential.getToken();
    assert(accessToken.token === served, 'another token');
    assert(accessToken.expiresOnTimestamp === expiresOnTimestamp, `expiry ${accessToken.expiresOnTimestamp}`);
    credential.dispose();
  });

  await check('a proactive refresh on ManualClock (acs-common/testing), 10 minutes before expiry', async () => {
    const clock = new ManualClock(Date.parse('2026-01-01T00:00:00Z'));
    const lifetimeInMs = 60 * 60_000;
    const issued = [];
    const first = token(clock.now() + lifetimeInMs);
    const credential = new AzureCommunicationTokenCredential({
      token: first,
      tokenRefresher: async () => {
        const next = token(clock.now() + lifetimeInMs, issued.length + 1);
        issued.push(next);
        return next;
      },
      refreshProactively: true,
      clock,
    });
    await clock.advanceAsync(49 * 60_000);
    assert(issued.length === 0, `refreshed ${issued.length} times before the window`);
    assert((await credential.getToken()).token === first, 'the first token is not served before the window');
    await clock.advanceAsync(60_000 + 1000);
    assert(issued.length === 1, `${issued.length} refreshes after entering the window`);
    assert((await credential.getToken()).token === issued[0], 'the refreshed token is not served');
    credential.dispose();
    assert(clock.pendingTimers === 0, `${clock.pendingTimers} timers left after dispose`);
  });

  await check("a proactive refresh on the runtime's own timers (a 2-second token)", async () => {
    let refreshed;
    const done = new Promise((resolve) => {
      refreshed = resolve;
    });
    const credential = new AzureCommunicationTokenCredential({
      token: token(Date.now() + 2000),
      tokenRefresher: async () => {
        refreshed('refreshed');
        return token(Date.now() + 60 * 60_000);
      },
      refreshProactively: true,
    });
    // A liveness bound, not a timing assertion: the refresh is due after about one second.
    let bound;
    const outcome = await Promise.race([
      done,
      new Promise((resolve) => {
        bound = setTimeout(() => resolve('timeout'), 20_000);
      }),
    ]);
    clearTimeout(bound);
    credential.dispose();
    assert(outcome === 'refreshed', 'no proactive refresh within 20 s');
  });

  await check("acs-common/testing's createTestToken makes a token the credential reads", () =>
    unlessUnsupported([hasTextEncoder], async () => {
      const expiresOnTimestamp = Date.parse('2030-01-01T00:00:00Z');
      const credential = new AzureCommunicationTokenCredential(createTestToken({ expiresOnTimestamp }));
      assert((await credential.getToken()).expiresOnTimestamp === expiresOnTimestamp, 'wrong expiry');
      credential.dispose();
    }),
  );

  await check(`HMAC: ${config.signatures.length} requests signed as node:crypto signs them`, () =>
    unlessUnsupported(canSign, async () => {
      // Where the runtime's URL is not WHATWG (React Native's), a URL it would serialise unlike
      // fetch must be refused with the library's clear error; every other one signs as Node does.
      const whatwg = new URL('HTTPS://EXAMPLE.com:443/a b?c=\u00e9').href === 'https://example.com/a%20b?c=%C3%A9';
      const wrong = [];
      let refused = 0;
      for (const { input, headers: expected } of config.signatures) {
        const body = bodyOf(input);
        let headers;
        try {
          headers = await signingEntry.createHmacHeaders({
            method: input.method,
            url: input.url,
            key: input.key,
            requestTimestamp: input.requestTimestamp,
            ...(body === undefined ? {} : { body }),
            ...host.signingOptions,
          });
        } catch (error) {
          if (!whatwg && error?.code === 'ERR_UNSUPPORTED_RUNTIME' && /WHATWG URL/.test(error.message)) {
            refused++;
            continue;
          }
          throw error;
        }
        if (!sameHeaders(headers, expected))
          wrong.push(`${input.method} ${input.url} (${differences(headers, expected)})`);
      }
      assert(wrong.length === 0, `${wrong.length} differ: ${wrong.join('; ')}`);
      if (refused > 0)
        notes.push(
          `non-WHATWG URL: ${refused} URLs refused with ERR_UNSUPPORTED_RUNTIME, the rest signed as by node:crypto`,
        );
    }),
  );

  await check('the access-key policy signs pipeline requests and calls the next policy', () =>
    unlessUnsupported(canSign, async () => {
      const credential = new signingEntry.AzureKeyCredential(config.accessKey);
      const policy = signingEntry.createCommunicationAccessKeyCredentialPolicy(credential, host.signingOptions);
      const signed = config.signatures.filter(({ input }) => input.key === config.accessKey);
      assert(signed.length > 0, 'no vector with the access key');
      for (const { input, headers: expected } of signed) {
        const request = pipelineRequest(input);
        let forwarded;
        // The policy stamps the current time: its signature is checked by re-signing at that time.
        await policy.sendRequest(request, async (next) => {
          forwarded = next;
          return { request: next, status: 200, headers: next.headers };
        });
        assert(forwarded === request, 'the next policy was not called with the request');
        const headers = request.headers.toJSON();
        assert(headers['x-ms-content-sha256'] === expected['x-ms-content-sha256'], `content hash of ${input.url}`);
        assert(
          /^HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=/.test(headers.authorization ?? ''),
          'no HMAC authorization header',
        );
        const again = await signingEntry.createHmacHeaders({
          method: input.method,
          url: input.url,
          key: input.key,
          requestTimestamp: Date.parse(headers['x-ms-date']),
          ...(bodyOf(input) === undefined ? {} : { body: bodyOf(input) }),
          ...host.signingOptions,
        });
        assert(again.authorization === headers.authorization, `the policy's signature of ${input.url} does not verify`);
      }
    }),
  );

  if (config.entraOrigin === undefined) {
    notes.push('Entra exchange not run: no fetch to a loopback server here');
  } else {
    await check('an Entra exchange against the loopback server', async () => {
      const entra = new FakeTokenCredential({ token: `entra-token-${host.runtime}` });
      const credential = new root.AzureCommunicationTokenCredential({
        resourceEndpoint: config.entraOrigin,
        tokenCredential: entra,
      });
      const first = await credential.getToken();
      const second = await credential.getToken();
      assert(first.token === second.token, 'the exchanged token was not cached');
      assert(first.expiresOnTimestamp > Date.now(), 'the exchanged token is already expired');
      assert(entra.calls.length >= 1, 'the Entra credential was never asked');
      credential.dispose();
      assert(first.token.split('.').length === 3, 'not a JWT');
      return `exchanged ${JSON.stringify(JSON.parse(fromBase64Url(first.token.split('.')[1])).skypeid)}`;
    });
  }

  await check(
    "dispose() and [Symbol.dispose]() (or Symbol.for('Symbol.dispose')): getToken() then rejects with ERR_DISPOSED",
    async () => {
      const credential = new AzureCommunicationTokenCredential(token(Date.now() + 60 * 60_000));
      const names = Object.getOwnPropertyNames(Object.getPrototypeOf(credential));
      assert(
        !names.includes('undefined'),
        'a method named "undefined" (Symbol.dispose missing when the class was defined)',
      );
      credential.dispose();
      let caught;
      await credential.getToken().catch((error) => {
        caught = error;
      });
      assert(caught?.code === 'ERR_DISPOSED', `getToken after dispose: ${describe(caught)}`);
      // Without a native Symbol.dispose, the key is Symbol.for('Symbol.dispose'), the one TypeScript's
      // and esbuild's `using` helpers look up.
      const native = typeof Symbol.dispose === 'symbol';
      const key = native ? Symbol.dispose : Symbol.for('Symbol.dispose');
      assert(
        typeof credential[key] === 'function',
        `no [${native ? 'Symbol.dispose' : "Symbol.for('Symbol.dispose')"}] method`,
      );
      const other = new AzureCommunicationTokenCredential(token(Date.now() + 60 * 60_000));
      other[key]();
      let otherCaught;
      await other.getToken().catch((error) => {
        otherCaught = error;
      });
      assert(otherCaught?.code === 'ERR_DISPOSED', 'the dispose symbol method did not dispose');
      return native
        ? 'Symbol.dispose is native here'
        : "no Symbol.dispose here: disposes via Symbol.for('Symbol.dispose')";
    },
  );

  await check('`using` disposes the credential at the end of its block', async () => {
    const credential = new AzureCommunicationTokenCredential(token(Date.now() + 60 * 60_000));
    const how = await host.tryUsing(credential);
    if (how.startsWith('unsupported')) {
      credential.dispose();
      return how;
    }
    let caught;
    await credential.getToken().catch((error) => {
      caught = error;
    });
    assert(caught?.code === 'ERR_DISPOSED', `after the using block: ${describe(caught)} (${how})`);
    return how;
  });

  for (const item of checks) if (item.ok && item.detail) notes.push(item.detail);
  return { checks, notes };
}

function fromBase64Url(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const char of base64) {
    value = (value << 6) | alphabet.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return out;
}
