import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AzureCommunicationTokenCredential } from '../../src/entra/index.js';
import { AbortError, AcsError } from '../../src/lib/errors.js';
import { type LogLevel, setLogLevel, setLogSink } from '../../src/lib/log.js';
import { RestError } from '../../src/signing/index.js';
import { createTestToken, FakeTokenCredential, ManualClock } from '../../src/testing/index.js';
import { closedPort, type ExchangeServer, startExchangeServer, tokenReply } from './exchange-server.js';

// Real HTTP: a loopback node:http server, reached through the real global fetch unless a test
// injects one. Time is a ManualClock wherever a timing rule is under test.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = Date.parse('2026-05-01T08:00:00Z');
const TEAMS = 'https://auth.msft.communication.azure.com/TeamsExtension.ManageCalls';
const TEAMS_US = 'https://auth.msft.communication.azure.us/TeamsExtension.ManageCalls';
const VOIP = 'https://communication.azure.com/clients/VoIP';
const CLIENTS_PATH = '/access/entra/:exchangeAccessToken?api-version=2025-03-02-preview';
const TEAMS_PATH = '/access/teamsExtension/:exchangeAccessToken?api-version=2025-06-30';
// Not JWT-shaped, so only our own scrubbing (not the log's JWT redaction) can keep it out of text.
const ENTRA_1 = 'entra-secret-one-7Qx';
const ENTRA_2 = 'entra-secret-two-3Kd';

let server: ExchangeServer;
let clock: ManualClock;
let entra: FakeTokenCredential;
let issued: string[];

/** An ACS-shaped token, distinct per call, valid for `lifetimeInMs` from the manual clock. */
function acsToken(lifetimeInMs = HOUR): string {
  const token = createTestToken({ nowInMs: clock.now(), lifetimeInMs, extraClaims: { n: issued.length } });
  issued.push(token);
  return token;
}

function okReply(lifetimeInMs = HOUR) {
  return () => tokenReply(acsToken(lifetimeInMs), clock.now() + lifetimeInMs);
}

function credential(extra: Record<string, unknown> = {}): AzureCommunicationTokenCredential {
  return new AzureCommunicationTokenCredential({
    resourceEndpoint: server.origin,
    tokenCredential: entra,
    scopes: [VOIP],
    clock,
    ...extra,
  } as never);
}

/** Waits (real time) until `predicate` holds: for real I/O while the manual clock stands still. */
async function until(predicate: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !predicate(); waited += 5) {
    if (waited > 5000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

beforeEach(async () => {
  server = await startExchangeServer();
  clock = new ManualClock(START);
  entra = new FakeTokenCredential({ token: ENTRA_1, expiresOnTimestamp: START + 24 * HOUR });
  issued = [];
  server.defaultReply = okReply();
});

afterEach(async () => {
  await server.close();
});

describe('the request (SPEC §4, js-common §3.6)', () => {
  it('POSTs {} with Bearer, JSON content type and accept to the communication clients route', async () => {
    const token = await credential().getToken();
    expect(token).toEqual({ token: issued[0], expiresOnTimestamp: START + HOUR });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.target).toBe(CLIENTS_PATH);
    expect(request?.headers.authorization).toBe(`Bearer ${ENTRA_1}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.body).toBe('{}');
    // 2.5.0 passes `undefined` options when there is no abort signal (upstream test 1)
    expect(entra.calls).toEqual([{ scopes: [VOIP], options: undefined }]);
  });

  it('uses the Teams Extension route for the public and .us prefixes, in any case', async () => {
    for (const scopes of [[TEAMS], [TEAMS_US], [TEAMS.toUpperCase()], [TEAMS, TEAMS_US]]) {
      await credential({ scopes }).getToken();
      expect(server.requests.at(-1)?.target, scopes.join()).toBe(TEAMS_PATH);
      expect(entra.calls.at(-1)?.scopes).toEqual(scopes);
    }
  });

  it('uses the default scope and the clients route without scopes', async () => {
    await credential({ scopes: undefined }).getToken();
    expect(entra.calls[0]?.scopes).toEqual(['https://communication.azure.com/clients/.default']);
    expect(server.requests[0]?.target).toBe(CLIENTS_PATH);
  });

  it('never sends // for a trailing slash, keeps a base path, and honours route overrides', async () => {
    await credential({ resourceEndpoint: `${server.origin}/` }).getToken();
    await credential({ resourceEndpoint: `${server.origin}/gateway/acs//` }).getToken();
    await credential({ routes: { communicationClients: { apiVersion: '2099-01-01-preview' } } }).getToken();
    expect(server.requests.map((r) => r.target)).toEqual([
      CLIENTS_PATH,
      `/gateway/acs${CLIENTS_PATH}`,
      '/access/entra/:exchangeAccessToken?api-version=2099-01-01-preview',
    ]);
  });

  it('sends through an injected fetch', async () => {
    const fetch = vi.fn(globalThis.fetch);
    await credential({ fetch }).getToken();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[0]).toBe(`${server.origin}${CLIENTS_PATH}`);
  });
});

describe('caching through the refresh engine', () => {
  it('N getToken calls, concurrent and sequential, make one exchange while the Entra token is unchanged', async () => {
    const cred = credential();
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => cred.getToken()));
    for (let i = 0; i < 5; i++) concurrent.push(await cred.getToken());
    expect(new Set(concurrent.map((t) => t.token))).toEqual(new Set([issued[0]]));
    expect(server.requests).toHaveLength(1);
    expect(entra.calls).toHaveLength(1);
  });

  it('exchanges again when the Entra token string changes (seen when the Entra token is refreshed)', async () => {
    entra.setToken(ENTRA_1, START + 10 * MINUTE);
    const cred = credential();
    expect((await cred.getToken()).token).toBe(issued[0]);
    entra.setToken(ENTRA_2, START + 2 * HOUR);
    // 6 minutes on, 4 remain: inside the 5-minute Entra window, while the ACS token has 54 minutes.
    clock.advance(6 * MINUTE);
    const second = await cred.getToken();
    expect(second.token).toBe(issued[1]);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${ENTRA_1}`, `Bearer ${ENTRA_2}`]);
    expect((await cred.getToken()).token).toBe(issued[1]);
    expect(server.requests).toHaveLength(2);
  });

  it('refreshes the Entra token 5 minutes early, and does not exchange again if its string is the same', async () => {
    entra.setToken(ENTRA_1, START + 30 * MINUTE);
    const cred = credential();
    await cred.getToken();
    clock.advance(24 * MINUTE); // 6 minutes left: cached
    await cred.getToken();
    expect(entra.calls).toHaveLength(1);
    clock.advance(MINUTE + 1); // just under 5 minutes left: refreshed
    entra.setToken(ENTRA_1, START + 90 * MINUTE);
    await cred.getToken();
    expect(entra.calls).toHaveLength(2);
    expect(server.requests).toHaveLength(1);
  });

  it('exchanges again when the ACS token enters its 2-minute on-demand window', async () => {
    const cred = credential();
    await cred.getToken();
    clock.advance(57 * MINUTE); // 3 minutes left
    expect((await cred.getToken()).token).toBe(issued[0]);
    expect(server.requests).toHaveLength(1);
    clock.advance(MINUTE); // 2 minutes left
    expect((await cred.getToken()).token).toBe(issued[1]);
    expect(server.requests).toHaveLength(2);
    expect(entra.calls).toHaveLength(1); // the Entra token was still good
  });

  it('rejects an already expired expiresOn with the .NET/JS message, and tries again next time', async () => {
    server.enqueue(() => tokenReply(acsToken(), clock.now() - MINUTE));
    const cred = credential();
    const error = await rejection(cred.getToken());
    expect(error).toBeInstanceOf(AcsError);
    expect(error.message).toBe('The token returned from the tokenRefresher is expired.');
    expect((error as AcsError).code).toBe('ERR_TOKEN_EXPIRED');
    expect((await cred.getToken()).token).toBe(issued[1]);
    expect(server.requests).toHaveLength(2);
  });

  it('exchanges an Entra token whose expiry is not in the future, as 2.5.0 and .NET do: the service decides (issue 8, defect 2)', async () => {
    entra.setToken(ENTRA_1, START - MINUTE);
    const cred = credential();
    expect((await cred.getToken()).token).toBe(issued[0]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${ENTRA_1}`);
    server.enqueue({ status: 401, body: { error: { code: 'InvalidToken', message: 'expired' } } });
    entra.setToken(ENTRA_2, START - MINUTE);
    const error = await rejection(cred.getToken()); // a new Entra token string: exchanged, and the 401 reported
    expect(error).toBeInstanceOf(RestError);
    expect((error as RestError).statusCode).toBe(401);
  });

  it('refuses an Entra token whose expiry is not a date, names the tokenCredential, sends nothing, and asks again next time (issue 8, defect 1)', async () => {
    for (const expiresOnTimestamp of [Number.NaN, Number.POSITIVE_INFINITY, 1e300]) {
      entra.setToken(ENTRA_1, expiresOnTimestamp);
      const cred = credential();
      const calls = entra.calls.length;
      const error = await rejection(cred.getToken());
      expect(error).toBeInstanceOf(AcsError);
      expect((error as AcsError).code).toBe('ERR_ENTRA_TOKEN');
      expect(error.message).toMatch(/tokenCredential/);
      expect(error.message).toContain('expiresOnTimestamp');
      expect(error.message).not.toContain(ENTRA_1);
      await rejection(cred.getToken());
      expect(entra.calls.length - calls).toBe(2);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('reports a null Entra token as an error and sends nothing', async () => {
    const tokenCredential = { getToken: vi.fn(async () => null) };
    const error = await rejection(credential({ tokenCredential }).getToken());
    expect(error).toBeInstanceOf(AcsError);
    expect((error as AcsError).code).toBe('ERR_ENTRA_TOKEN');
    expect(error.message).toMatch(/returned null/);
    expect(server.requests).toHaveLength(0);
  });

  it("passes the Entra credential's own error through, and sends nothing", async () => {
    const failure = new Error('AADSTS50076: multi-factor authentication required');
    entra.failWith(failure);
    await expect(credential().getToken()).rejects.toBe(failure);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects after dispose', async () => {
    const cred = credential();
    await cred.getToken();
    cred.dispose();
    await expect(cred.getToken()).rejects.toThrow('User credential is disposed');
  });

  it('a dispose while the Entra token is on its way rejects that call and sends no exchange', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowEntra = {
      async getToken(scopes: string | string[], options?: object) {
        await gate;
        return entra.getToken(scopes, options as never);
      },
    };
    const cred = credential({ tokenCredential: slowEntra });
    const pending = cred.getToken();
    cred.dispose();
    release();
    await expect(pending).rejects.toThrow('User credential is disposed');
    expect(server.requests).toHaveLength(0);
  });
});

describe('retries (Azure Core defaults: 408, 429, 500, 502, 503, 504, network; 3 retries)', () => {
  it('retries a 503 with Retry-After: 0, then succeeds (upstream test 5)', async () => {
    server.enqueue({ status: 503, headers: { 'retry-after': '0' }, body: 'Service Unavailable' });
    const token = await credential().getToken();
    expect(token.token).toBe(issued[0]);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after four 503s with a RestError carrying statusCode 503 (upstream test 9)', async () => {
    server.defaultReply = () => ({ status: 503, headers: { 'retry-after': '0' }, body: 'Service Unavailable' });
    const error = await rejection(credential().getToken());
    expect(error).toBeInstanceOf(RestError);
    expect((error as RestError).statusCode).toBe(503);
    expect(error.message).toContain('Service Unavailable');
    expect(error.message).toContain('Status: 503');
    expect(server.requests).toHaveLength(4);
  });

  it('retries each retryable status, and not the others', async () => {
    for (const status of [408, 429, 500, 502, 504]) {
      server.enqueue({ status, headers: { 'retry-after': '0' } });
      await credential().getToken();
    }
    expect(server.requests).toHaveLength(10);
    for (const status of [400, 403, 404, 409, 501]) {
      server.enqueue({ status, body: { error: { code: `E${status}`, message: 'no' } } });
      const error = await rejection(credential().getToken());
      expect((error as RestError).statusCode).toBe(status);
    }
    expect(server.requests).toHaveLength(15);
  });

  it('backs off 0.8 s then 1.6 s on the injected clock, and honours Retry-After (capped at 60 s)', async () => {
    server.enqueue({ status: 500 }, { status: 500 }, { status: 429, headers: { 'retry-after': '3600' } });
    const pending = credential().getToken();
    await until(() => clock.pendingTimers === 1, 'the first back-off timer');
    expect(clock.nextTimerAt).toBe(START + 800);
    clock.advance(799);
    expect(server.requests).toHaveLength(1);
    clock.advance(1);
    await until(() => server.requests.length === 2 && clock.pendingTimers === 1, 'the second back-off timer');
    expect(clock.nextTimerAt).toBe(clock.now() + 1600);
    clock.advance(1600);
    await until(() => server.requests.length === 3 && clock.pendingTimers === 1, 'the Retry-After timer');
    expect(clock.nextTimerAt).toBe(clock.now() + 60_000);
    clock.advance(60_000);
    expect((await pending).token).toBe(issued[0]);
    expect(server.requests).toHaveLength(4);
  });

  it('retries network errors (a fetch TypeError), then succeeds', async () => {
    let calls = 0;
    const fetch = vi.fn(async (url: string, init: never) => {
      calls++;
      if (calls === 1) throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      return globalThis.fetch(url, init);
    });
    const pending = credential({ fetch }).getToken();
    await until(() => clock.pendingTimers === 1, 'the back-off timer');
    clock.advance(800);
    expect((await pending).token).toBe(issued[0]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('does not retry a 200 whose body is not a token response, and reports PARSE_ERROR', async () => {
    server.enqueue({ status: 200, body: { error: { code: 'BadRequest', message: 'Invalid request.' } } });
    const error = await rejection(credential().getToken());
    expect((error as RestError).code).toBe('PARSE_ERROR');
    expect(server.requests).toHaveLength(1);
  });
});

describe('failures', () => {
  it('400 and 401 with an error envelope: RestError with statusCode, the service code and message, no retry', async () => {
    server.enqueue(
      { status: 400, body: { error: { code: 'BadRequest', message: 'Invalid request.' } } },
      { status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'The Entra token is expired.' } } },
    );
    const bad = (await rejection(credential().getToken())) as RestError;
    expect(bad).toBeInstanceOf(RestError);
    expect(bad.name).toBe('RestError');
    expect(bad.statusCode).toBe(400);
    expect(bad.code).toBe('BadRequest');
    expect(bad.message).toContain('Invalid request.');
    const unauthorized = (await rejection(credential().getToken())) as RestError;
    expect(unauthorized.statusCode).toBe(401);
    expect(unauthorized.code).toBe('InvalidAuthenticationToken');
    expect(unauthorized.message).toContain('The Entra token is expired.');
    expect(server.requests).toHaveLength(2);
  });

  it('401 with a plain body: the message contains it (upstream test 10)', async () => {
    server.enqueue({ status: 401, body: { error: 'Unauthorized' } });
    await expect(credential().getToken()).rejects.toThrow('Unauthorized');
  });

  it('a service that is down at construction: no unhandled rejection, and getToken rejects promptly', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const port = await closedPort();
      const fetch = vi.fn(globalThis.fetch);
      // Back-off timers fire at once: the rule is tested above; here only the outcome matters.
      const instant = { now: () => Date.now(), setTimeout: (cb: () => void) => setTimeout(cb, 0), clearTimeout };
      const cred = new AzureCommunicationTokenCredential({
        resourceEndpoint: `http://127.0.0.1:${port}`,
        tokenCredential: new FakeTokenCredential({ token: ENTRA_1, expiresOnTimestamp: Date.now() + HOUR }),
        fetch,
        clock: instant,
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fetch).not.toHaveBeenCalled(); // lazy: nothing was started, so nothing can reject unhandled
      const error = (await rejection(cred.getToken())) as RestError;
      expect(error).toBeInstanceOf(RestError);
      expect(error.code).toBe('REQUEST_SEND_ERROR');
      expect(error.statusCode).toBeUndefined();
      expect(error.message).toMatch(
        /could not send the token exchange request to http:\/\/127\.0\.0\.1:\d+\/access\/entra/,
      );
      expect(error.message).toContain('ECONNREFUSED');
      expect(fetch).toHaveBeenCalledTimes(4);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('per-caller abort (SPEC §3)', () => {
  function held() {
    let release!: () => void;
    const hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    return { hold, release };
  }

  it('a caller that joined the exchange aborts alone; the starter gets the token', async () => {
    const { hold, release } = held();
    server.enqueue(() => ({ ...okReply()(), hold }));
    const cred = credential();
    const starter = cred.getToken();
    await until(() => server.requests.length === 1, 'the exchange request');
    const controller = new AbortController();
    const joiner = cred.getToken({ abortSignal: controller.signal });
    controller.abort(new Error('user left'));
    const error = await rejection(joiner);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).code).toBe('ERR_ABORTED');
    release();
    expect((await starter).token).toBe(issued[0]);
    expect(server.requests).toHaveLength(1);
  });

  it('when the starter aborts, its request is cancelled and the other caller gets a token of its own', async () => {
    const first = held();
    server.enqueue(() => ({ ...okReply()(), hold: first.hold }));
    const cred = credential();
    const controller = new AbortController();
    const starter = cred.getToken({ abortSignal: controller.signal });
    await until(() => server.requests.length === 1, 'the first exchange request');
    const other = cred.getToken();
    controller.abort();
    await expect(starter).rejects.toBeInstanceOf(AbortError);
    expect((await other).token).toBe(issued[1]);
    expect(server.requests).toHaveLength(2);
    first.release();
  });

  it('an aborted signal with nothing cached rejects at once and calls nothing (2.5.0 returns an empty token)', async () => {
    const error = await rejection(credential().getToken({ abortSignal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortError);
    expect(entra.calls).toHaveLength(0);
    expect(server.requests).toHaveLength(0);
  });

  it('an abort during the back-off wait rejects at once and leaves no timer', async () => {
    server.enqueue({ status: 503 });
    const controller = new AbortController();
    const pending = credential().getToken({ abortSignal: controller.signal });
    await until(() => clock.pendingTimers === 1, 'the back-off timer');
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
    expect(clock.pendingTimers).toBe(0);
    expect(server.requests).toHaveLength(1);
  });
});

describe('no token in errors or logs', () => {
  let lines: Array<[LogLevel, string]>;

  beforeEach(() => {
    lines = [];
    setLogLevel('verbose');
    setLogSink((level, message) => lines.push([level, message]));
  });

  afterEach(() => {
    setLogSink(undefined);
    setLogLevel(undefined);
  });

  it('keeps the Entra and ACS tokens out of every message, log line and inspected object', async () => {
    const cred = credential();
    server.enqueue({ status: 503, headers: { 'retry-after': '0' }, body: `busy; token ${ENTRA_1}` });
    await cred.getToken();
    entra.setToken(ENTRA_2, START + 2 * HOUR);
    const cred2 = credential();
    server.enqueue(
      { status: 401, body: { error: { code: 'InvalidToken', message: `Bearer ${ENTRA_2} is not valid` } } },
      { status: 401, body: `rejected ${ENTRA_2}` },
      () => ({ status: 200, body: { accessToken: { token: acsToken(), expiresOn: 'not a date' } } }),
    );
    const errors = [
      await rejection(cred2.getToken()),
      await rejection(cred2.getToken()),
      await rejection(cred2.getToken()),
    ];
    expect(lines.some(([, line]) => line.includes('Entra exchange'))).toBe(true);
    const seen = [
      ...lines.map(([, line]) => line),
      ...errors.flatMap((e) => [e.message, inspect(e), JSON.stringify(e), String(e.stack)]),
      inspect(cred, { showHidden: true, depth: 10 }),
      inspect(cred2, { showHidden: true, depth: 10 }),
      JSON.stringify(cred),
    ].join('\n');
    for (const secret of [ENTRA_1, ENTRA_2, ...issued]) expect(seen).not.toContain(secret);
    expect(errors[0]?.message).toContain('is not valid'); // the service message survives, the token does not
  });

  it('an exchange response that echoes the opaque Entra token in expiresOn: not in the message, stack or inspect (issue 8, defect 4)', async () => {
    server.enqueue({ status: 200, body: { accessToken: { token: acsToken(), expiresOn: `bad ${ENTRA_1}` } } });
    const error = await rejection(credential().getToken());
    expect(error).toBeInstanceOf(RestError);
    expect(error.message).toContain('is not an RFC 3339 date-time');
    expect(error.message).toContain('REDACTED');
    const seen = [
      error.message,
      String(error.stack),
      inspect(error),
      JSON.stringify(error),
      ...lines.map(([, l]) => l),
    ];
    for (const text of seen) for (const secret of [ENTRA_1, ...issued]) expect(text).not.toContain(secret);
  });
});
