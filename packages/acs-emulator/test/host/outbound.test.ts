import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Outbound, shownUrl } from '../../src/host/outbound.js';

// Webhook URLs often carry a key in the query (Azure Functions' `?code=…`): the delivery goes to
// the whole URL, but records (which the dashboard and the log show) keep origin and path only.

let server: Server;
let base: string;
const received: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    received.push(request.url ?? '');
    request.resume();
    request.on('end', () => response.writeHead(200).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const settings = {
  timeoutInMs: 2000,
  maxAttempts: 2,
  retryBaseDelayInMs: 10,
  retryMaxDelayInMs: 10,
  allowedHosts: [],
  historySize: 10,
};

describe('outbound deliveries', () => {
  it('deliver to the whole URL but record it without its query', async () => {
    const outbound = new Outbound(settings, Date.now, () => {});
    const record = await new Promise<ReturnType<Outbound['enqueue']>>((resolve) => {
      outbound.enqueue({ url: `${base}/api/events?code=webhook-secret`, body: [], label: 'test', onSettled: resolve });
    });
    expect(record.status).toBe('delivered');
    expect(received).toContain('/api/events?code=webhook-secret');
    expect(JSON.stringify(outbound.list())).not.toContain('webhook-secret');
    expect(record.url).toBe(`${base}/api/events`);
    outbound.close();
  });

  it('never show credentials or a query, also for refused targets', () => {
    const logs: string[] = [];
    const outbound = new Outbound(settings, Date.now, (line) => logs.push(line));
    const record = outbound.enqueue({ url: 'https://user:pass@example.com/hook?code=k', body: [], label: 'x' });
    expect(record.status).toBe('dead');
    expect(JSON.stringify([record, logs])).not.toMatch(/pass|code=k/);
    expect(shownUrl('not a url')).toBe('(not a URL)');
    outbound.close();
  });
});
