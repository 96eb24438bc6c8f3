import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AzureCommunicationTokenCredential as Official } from '@azure/communication-common';
import { SCOPES_VALIDATION_MESSAGE } from 'acs-protocol';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AzureCommunicationTokenCredential } from '../../src/entra/index.js';
import { FakeTokenCredential } from '../../src/testing/index.js';
import { type ExchangeServer, type RecordedRequest, startExchangeServer } from './exchange-server.js';

// Differential tests against @azure/communication-common@2.5.0 where the two agree by design.
// 2.5.0 refuses plain http (its pipeline has allowInsecureConnection false), so both credentials
// talk to a loopback HTTPS server with a throw-away self-signed certificate; certificate checks
// are switched off for this test process only (vitest runs each file in its own fork). 2.5.0
// also sends a pre-warm exchange from its constructor; each case calls getToken in the same
// tick, which awaits that pre-warm, so it is the one request 2.5.0 makes.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const HOUR = 3_600_000;
const TEAMS = 'https://auth.msft.communication.azure.com/TeamsExtension.ManageCalls';
const TEAMS_US = 'https://auth.msft.communication.azure.us/TeamsExtension.ManageCalls';
const VOIP = 'https://communication.azure.com/clients/VoIP';
const EXPIRES_ON = '2034-10-04T10:21:29.4729393+00:00'; // the .NET test vector: 7 fractional digits

let tls: { key: string; cert: string };
let folder: string;
let server: ExchangeServer;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'acs-entra-tls-'));
  const key = join(folder, 'key.pem');
  const cert = join(folder, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1']
      .concat(['-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'])
      .concat(['-keyout', key, '-out', cert]),
    { stdio: 'ignore' },
  );
  tls = { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
});

beforeEach(async () => {
  server = await startExchangeServer({ tls });
  server.defaultReply = () => ({
    status: 200,
    body: { identity: { id: '8:acs:r_u' }, accessToken: { token: 'acsToken', expiresOn: EXPIRES_ON } },
  });
});

afterEach(async () => {
  await server.close();
});

function entra(): FakeTokenCredential {
  return new FakeTokenCredential({ token: 'entraToken', expiresOnTimestamp: Date.now() + HOUR });
}

/** The parts of a request that the exchange contract fixes. */
function contract(request: RecordedRequest | undefined) {
  return {
    method: request?.method,
    target: request?.target,
    authorization: request?.headers.authorization,
    contentType: request?.headers['content-type'],
    accept: request?.headers.accept,
    body: request?.body,
  };
}

async function settle(promise: Promise<unknown>): Promise<{ value?: unknown; error?: Error }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error: error as Error };
  }
}

/** Runs the official credential, then ours, on the same server; returns each one's requests and outcome. */
async function both(options: { scopes?: string[]; resourceEndpoint?: string }) {
  const resourceEndpoint = options.resourceEndpoint ?? server.origin;
  const officialEntra = entra();
  const officialCredential = new Official({
    resourceEndpoint,
    tokenCredential: officialEntra,
    ...(options.scopes ? { scopes: options.scopes } : {}),
  });
  const official = await settle(officialCredential.getToken());
  const officialRequests = server.requests.splice(0);
  const oursEntra = entra();
  const ourCredential = new AzureCommunicationTokenCredential({
    resourceEndpoint,
    tokenCredential: oursEntra,
    ...(options.scopes ? { scopes: options.scopes } : {}),
  });
  const ours = await settle(ourCredential.getToken());
  const ourRequests = server.requests.splice(0);
  return { official, ours, officialRequests, ourRequests, officialEntra, oursEntra };
}

describe('differential: acs-common vs @azure/communication-common@2.5.0 (Entra exchange)', () => {
  for (const [name, scopes] of [
    ['communication clients', [VOIP]],
    ['Teams Extension', [TEAMS]],
    ['Teams Extension, US Government', [TEAMS_US]],
    ['default scopes', undefined],
  ] as const) {
    it(`same request and same token: ${name}`, async () => {
      const run = await both(scopes ? { scopes: [...scopes] } : {});
      expect(run.official.error).toBeUndefined();
      expect(run.ours.value).toEqual(run.official.value);
      expect(run.ours.value).toEqual({ token: 'acsToken', expiresOnTimestamp: Date.parse(EXPIRES_ON) });
      expect(run.officialRequests).toHaveLength(1);
      expect(run.ourRequests).toHaveLength(1);
      expect(contract(run.ourRequests[0])).toEqual(contract(run.officialRequests[0]));
      // Both ask the Entra credential with the scopes and `undefined` options when no signal is given.
      expect(run.oursEntra.calls).toEqual(run.officialEntra.calls);
    });
  }

  it('both retry a 503 with Retry-After: 0 and then succeed', async () => {
    const busy = { status: 503, headers: { 'retry-after': '0' }, body: 'Service Unavailable' };
    server.enqueue(busy);
    const official = await new Official({ resourceEndpoint: server.origin, tokenCredential: entra() }).getToken();
    const officialCount = server.requests.splice(0).length;
    server.enqueue(busy);
    const ours = await new AzureCommunicationTokenCredential({
      resourceEndpoint: server.origin,
      tokenCredential: entra(),
    }).getToken();
    expect(ours).toEqual(official);
    expect(server.requests.length).toBe(officialCount);
    expect(officialCount).toBe(2);
  });

  it('both give up after 4 attempts on a busy service, with the body text in the message', async () => {
    server.defaultReply = () => ({ status: 503, headers: { 'retry-after': '0' }, body: 'Service Unavailable' });
    const run = await both({});
    expect(run.officialRequests).toHaveLength(4);
    expect(run.ourRequests).toHaveLength(4);
    expect(run.official.error?.message).toContain('Service Unavailable');
    expect(run.ours.error?.message).toContain('Service Unavailable');
    expect(run.ours.error?.message).toContain('Status: 503');
    expect(run.official.error?.message).toContain('Status: 503');
  });

  it('both report a 401 with the body text', async () => {
    server.defaultReply = () => ({ status: 401, body: { error: 'Unauthorized' } });
    const run = await both({});
    expect(run.official.error?.message).toContain('Unauthorized');
    expect(run.ours.error?.message).toContain('Unauthorized');
    expect(run.officialRequests).toHaveLength(1);
    expect(run.ourRequests).toHaveLength(1);
  });

  it('same scope message for mixed scopes; ours at construction, 2.5.0 at getToken; neither sends a request', async () => {
    const official = await settle(
      new Official({ resourceEndpoint: server.origin, tokenCredential: entra(), scopes: [VOIP, TEAMS] }).getToken(),
    );
    expect(official.error?.message).toBe(SCOPES_VALIDATION_MESSAGE);
    expect(
      () =>
        new AzureCommunicationTokenCredential({
          resourceEndpoint: server.origin,
          tokenCredential: entra(),
          scopes: [VOIP, TEAMS],
        }),
    ).toThrow(SCOPES_VALIDATION_MESSAGE);
    expect(server.requests).toHaveLength(0);
  });

  it('deliberate differences: no // for a trailing slash, and the options object is left alone', async () => {
    const officialOptions: { resourceEndpoint: string; tokenCredential: FakeTokenCredential; scopes?: string[] } = {
      resourceEndpoint: `${server.origin}/`,
      tokenCredential: entra(),
    };
    await new Official(officialOptions).getToken().catch(() => undefined);
    const officialTarget = server.requests.splice(0)[0]?.target;
    const ourOptions: typeof officialOptions = { resourceEndpoint: `${server.origin}/`, tokenCredential: entra() };
    await new AzureCommunicationTokenCredential(ourOptions).getToken();
    expect(officialTarget?.startsWith('//access/entra/')).toBe(true);
    expect(server.requests[0]?.target.startsWith('/access/entra/')).toBe(true);
    expect(officialOptions.scopes).toEqual(['https://communication.azure.com/clients/.default']);
    expect('scopes' in ourOptions).toBe(false);
  });
});
