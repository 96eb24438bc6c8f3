import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_PROVIDERS } from '../../src/host/auth/providers.js';
import { type RunningEmulator, startEmulator } from '../../src/index.js';
import type {
  DeliveryView,
  IdentityView,
  OverviewView,
  RequestLogEntryView,
  RequestLogView,
  Section,
} from '../../src/services/dashboard/api-types.js';
import { send, signed } from '../helpers/client.js';

// The dashboard's page, assets and JSON API against a real emulator over loopback HTTP: what the
// page reads after real (signed) requests, the stream's live events, the security headers, and
// the refusal of a caller that is not on loopback — over a real non-loopback address of this
// machine when it has one (the emulator bound to 0.0.0.0), and in any case through the loopback
// auth provider with a fake remote address.

const IDENTITY = 'api-version=2023-10-01';
let emulator: RunningEmulator;

const get = async (path: string) => send(emulator.endpoint, { method: 'GET', target: path });

beforeAll(async () => {
  emulator = await startEmulator({ http: true });
});
afterAll(async () => {
  await emulator?.close();
});

describe('the page and its assets', () => {
  it('GET /emulator/ is the page shell with a strict CSP; /emulator redirects to it', async () => {
    const page = await get('/emulator/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.text).toContain('<script type="module" src="/emulator/assets/dashboard.js">');
    expect(page.text).not.toMatch(/<script>|accesskey/i);
    const redirect = await get('/emulator');
    expect(redirect.status).toBe(308);
    expect(redirect.headers.location).toBe('/emulator/');
  });

  it('serves the bundled script and stylesheet, and 404 for any other name', async () => {
    const script = await get('/emulator/assets/dashboard.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.text.length).toBeGreaterThan(10_000);
    expect(script.text).not.toMatch(/\bimport\s*\(?\s*['"]https?:|cdn\.|unpkg|esm\.sh/);
    const css = await get('/emulator/assets/dashboard.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const other = await get('/emulator/assets/..%2Fcli.js');
    expect(other.status).toBe(404);
    expect((other.json as { error: { message: string } }).error.message).toMatch(/dashboard\.js and dashboard\.css/);
  });
});

describe('the JSON API after real requests', () => {
  let identityId: string;

  beforeAll(async () => {
    const created = await signed(emulator, 'POST', `/identities?${IDENTITY}`, { createTokenWithScopes: ['chat'] });
    identityId = (created.json as { identity: { id: string } }).identity.id;
    const wrongKey = { endpoint: emulator.endpoint, accessKey: Buffer.alloc(64, 1).toString('base64') };
    const refused = await signed(wrongKey, 'POST', `/identities?${IDENTITY}`, {});
    expect(refused.status).toBe(401);
  });

  it('overview: the services, the actions (route or a note), the log size, no key', async () => {
    const response = await get('/emulator/api/overview');
    const overview = response.json as OverviewView;
    expect(overview.services).toEqual(expect.arrayContaining(['identity', 'dashboard']));
    expect(overview.endpoint).toBe(emulator.endpoint);
    const replay = overview.actions.find((action) => action.name === 'replayDelivery');
    expect(replay).toMatchObject({ available: true, path: '/emulator/deliveries/{id}:replay' });
    for (const action of overview.actions) {
      expect(action.available || (action.note ?? '').includes(action.path)).toBe(true);
    }
    expect(response.text).not.toContain(emulator.accessKey);
  });

  it('requests: the refused request with its reason and HMAC diagnosis, never the key or a signature', async () => {
    const response = await get('/emulator/api/requests');
    const log = response.json as RequestLogView;
    const refused = log.value.find((entry) => entry.status === 401) as RequestLogEntryView;
    expect(refused).toMatchObject({ method: 'POST', route: '/identities', service: 'identity', outcome: 'auth' });
    expect(refused.reason).toMatch(/signature/i);
    expect(refused.hmac?.stringToSign?.startsWith(`POST\n/identities?${IDENTITY}\n`)).toBe(true);
    expect(refused.hmac?.computedContentHash).toBe(refused.hmac?.received['x-ms-content-sha256']);
    expect(response.text).not.toContain(emulator.accessKey);
    expect(response.text).not.toMatch(/Signature=/);
    const later = (await get(`/emulator/api/requests?after=${refused.id}`)).json as RequestLogView;
    expect(later.value.every((entry) => entry.id > refused.id)).toBe(true);
  });

  it('identities: the created identity, and no token in the answer', async () => {
    const response = await get('/emulator/api/identities');
    const section = response.json as Section<IdentityView>;
    expect(section.present).toBe(true);
    expect(section.value.map((identity) => identity.id)).toContain(identityId);
    expect(response.text).not.toMatch(/eyJ[\w-]+\.eyJ/); // no JWT
  });

  it('every view answers for services that are absent, saying so', async () => {
    for (const view of ['chat', 'rooms', 'calls', 'deliveries']) {
      const response = await get(`/emulator/api/${view}`);
      expect(response.status).toBe(200);
      const section = response.json as Section<unknown>;
      expect(Array.isArray(section.value)).toBe(true);
      expect(typeof section.present).toBe('boolean');
    }
    const outbox = (await get('/emulator/api/outbox')).json as Record<string, Section<unknown>>;
    expect(Object.keys(outbox)).toEqual(['sms', 'email', 'messages']);
  });

  it('an unknown email, attachment or delivery is a clear 404; a replay needs a dead delivery', async () => {
    expect((await get('/emulator/api/outbox/email/nope/html')).status).toBe(404);
    expect((await get('/emulator/api/outbox/email/nope/attachments/0')).status).toBe(404);
    const replay = await send(emulator.endpoint, { method: 'POST', target: '/emulator/deliveries/999:replay' });
    expect(replay.status).toBe(404);
    expect((replay.json as { error: { message: string } }).error.message).toMatch(/No delivery #999/);
  });
});

describe('deliveries and the replay action', () => {
  it('a failed event delivery is listed dead with its attempt, and the replay sends it again (delivered)', async () => {
    // A webhook that answers the Event Grid handshake, then fails events until told otherwise.
    let failing = true;
    const received: string[] = [];
    const webhook: Server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '[]') as {
          eventType?: string;
          data?: { validationCode?: string };
        }[];
        if (request.headers['aeg-event-type'] === 'SubscriptionValidation') {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ validationResponse: body[0]?.data?.validationCode }));
          return;
        }
        received.push(body[0]?.eventType ?? '?');
        response.writeHead(failing ? 500 : 200).end();
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/events`;
    const events = await startEmulator({
      http: true,
      eventSubscriptions: [`${hook},types=Microsoft.Communication.SMSReceived`],
      deliveryMaxAttempts: 1,
    });
    const call = (method: string, target: string, body?: unknown) =>
      send(events.endpoint, {
        method,
        target,
        ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      });
    const deliveries = async () =>
      ((await call('GET', '/emulator/api/deliveries')).json as Section<DeliveryView>).value.filter((d) =>
        d.label.includes('SMSReceived'),
      );
    const settle = async (predicate: (list: DeliveryView[]) => boolean) => {
      // Deliveries are asynchronous: poll the API (no timing assertion; the test timeout bounds it).
      for (;;) {
        const list = await deliveries();
        if (predicate(list)) return list;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    try {
      const injected = await call('POST', '/emulator/sms/inbound', { from: '+14255550123', message: 'hello' });
      expect(injected.status).toBe(202);
      const [dead] = await settle((list) => list.some((d) => d.status === 'dead'));
      expect(dead).toMatchObject({ status: 'dead', attempts: 1, lastStatusCode: 500, url: hook });

      failing = false;
      const replay = await call('POST', `/emulator/deliveries/${dead?.id}:replay`);
      expect(replay.status).toBe(202);
      expect((replay.json as DeliveryView).label).toContain(`replay of #${dead?.id}`);
      const after = await settle((list) => list.some((d) => d.status === 'delivered'));
      expect(after.find((d) => d.status === 'delivered')?.label).toContain(`replay of #${dead?.id}`);
      expect(received).toEqual(['Microsoft.Communication.SMSReceived', 'Microsoft.Communication.SMSReceived']);

      const again = await call(
        'POST',
        `/emulator/deliveries/${after.find((d) => d.status === 'delivered')?.id}:replay`,
      );
      expect(again.status).toBe(400);
      expect((again.json as { error: { code: string } }).error.code).toBe('DeliveryNotDead');
    } finally {
      await events.close();
      await new Promise((resolve) => webhook.close(resolve));
    }
  });
});

describe('the stream', () => {
  it('sends the backlog, then each new request and a change event naming the view', async () => {
    const url = new URL(emulator.endpoint);
    const events: { event: string; id?: string; data: string }[] = [];
    let buffer = '';
    let notify: () => void = () => undefined;
    const stream = httpRequest({ host: url.hostname, port: url.port, path: '/emulator/api/stream' }, (response) => {
      expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((line) => !line.startsWith(':') && line.includes(': '))
              .map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]),
          );
          if (fields.event !== undefined) events.push(fields as { event: string; data: string });
          end = buffer.indexOf('\n\n');
        }
        notify();
      });
    });
    stream.end();
    const until = (predicate: () => boolean) =>
      new Promise<void>((resolve) => {
        const test = () => {
          if (predicate()) resolve();
        };
        notify = test;
        test();
      });
    try {
      await until(() => events.some((event) => event.event === 'request'));
      const backlogIds = events.map((event) => Number(event.id));
      expect(backlogIds).toEqual([...backlogIds].sort((a, b) => a - b));

      const created = await signed(emulator, 'POST', `/identities?${IDENTITY}`, {});
      const id = (created.json as { identity: { id: string } }).identity.id;
      await until(() => events.some((event) => event.event === 'change' && event.data.includes('identities')));
      const live = events
        .filter((event) => event.event === 'request')
        .map((event) => JSON.parse(event.data) as RequestLogEntryView);
      expect(
        live.some((entry) => entry.method === 'POST' && entry.route === '/identities' && entry.status === 201),
      ).toBe(true);
      expect(JSON.stringify(events)).not.toContain(emulator.accessKey);
      expect(id.startsWith('8:acs:')).toBe(true);
    } finally {
      stream.destroy();
    }
  });
});

describe('loopback only', () => {
  it('the loopback provider refuses a remote address and accepts 127.0.0.1, ::1 and ::ffff:127.0.0.1', () => {
    const provider = AUTH_PROVIDERS.loopback;
    const request = (remoteAddress: string) => ({
      method: 'GET',
      target: '/emulator/api/overview',
      headers: {},
      rawBody: Buffer.alloc(0),
      remoteAddress,
    });
    // biome-ignore lint/suspicious/noExplicitAny: the provider's environment is not used by the loopback check
    const environment = {} as any;
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(provider.authenticate(request(address), environment)).toEqual({ kind: 'loopback' });
    }
    for (const address of ['192.0.2.2', '10.0.0.1', '::ffff:192.0.2.2', 'fe80::1']) {
      expect(() => provider.authenticate(request(address), environment)).toThrow(/loopback/i);
    }
  });

  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address !== undefined && address.family === 'IPv4' && !address.internal)?.address;

  it.runIf(external !== undefined)(
    `a caller on a non-loopback address of this machine (${external}) gets 403 from the page and the API`,
    async () => {
      const wide = await startEmulator({ http: true, host: '0.0.0.0' });
      try {
        const remote = `http://${external}:${wide.port}/`;
        for (const path of ['/emulator/', '/emulator/api/overview', '/emulator/api/requests', '/emulator/api/stream']) {
          const response = await send(remote, { method: 'GET', target: path });
          expect(response.status, path).toBe(403);
          expect(response.text).not.toContain('stringToSign');
        }
        const local = await send(wide.endpoint, { method: 'GET', target: '/emulator/api/overview' });
        expect(local.status).toBe(200);
      } finally {
        await wide.close();
      }
    },
  );
});
