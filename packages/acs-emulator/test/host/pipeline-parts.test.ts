// The pipeline's parts: the request log ring, the body deadlines, the store's durability flag.
import { describe, expect, it } from 'vitest';
import { BodyDeadlines } from '../../src/host/body.js';
import { RequestLog, type RequestLogInput } from '../../src/host/request-log.js';

const input = (target: string, extra: Partial<RequestLogInput> = {}): RequestLogInput => ({
  timestamp: 1_700_000_000_000,
  method: 'GET',
  target,
  route: '/chat/threads',
  service: 'chat',
  status: 200,
  durationInMs: 0.4,
  callerKind: 'acsToken',
  identityId: '8:acs:r_a',
  outcome: 'ok',
  errorCode: undefined,
  reason: undefined,
  hmac: undefined,
  details: undefined,
  ...extra,
});

describe('request log', () => {
  it('keeps the newest `capacity` requests, oldest first, with increasing ids, across wraps', () => {
    const log = new RequestLog(3);
    for (let index = 1; index <= 8; index++) log.add(input(`/r${index}`));
    expect(log.size).toBe(3);
    expect(log.entries().map((entry) => [entry.id, entry.target])).toEqual([
      [6, '/r6'],
      [7, '/r7'],
      [8, '/r8'],
    ]);
    expect(log.entries(6).map((entry) => entry.id)).toEqual([7, 8]);
    expect(log.entries(8)).toEqual([]);
  });

  it('gives entries with the caller as an object, or null before authentication', () => {
    const log = new RequestLog(10);
    log.add(input('/a'));
    log.add(input('/b', { callerKind: 'hmac', identityId: undefined }));
    log.add(input('/c', { callerKind: null, identityId: undefined, status: 404, outcome: 'routing' }));
    const [token, hmac, none] = log.entries();
    expect(token?.caller).toEqual({ kind: 'acsToken', identityId: '8:acs:r_a' });
    expect(hmac?.caller).toEqual({ kind: 'hmac' });
    expect(none).toMatchObject({ caller: null, status: 404, outcome: 'routing', route: '/chat/threads' });
  });

  it('hands each new entry to listeners, and entries read later do not change when the ring wraps', () => {
    const log = new RequestLog(2);
    const seen: string[] = [];
    const stop = log.subscribe((entry) => seen.push(`${entry.id}${entry.target}`));
    log.add(input('/x'));
    const first = log.entries()[0];
    log.add(input('/y'));
    log.add(input('/z'));
    stop();
    log.add(input('/w'));
    expect(seen).toEqual(['1/x', '2/y', '3/z']);
    expect(first).toMatchObject({ id: 1, target: '/x' });
  });
});

describe('body deadlines', () => {
  it('expires a body still waiting after the limit, and never one that settled', async () => {
    const deadlines = new BodyDeadlines(40);
    const expired: string[] = [];
    const started = performance.now();
    deadlines.watch(() => expired.push(`late after ${performance.now() - started}`));
    const settled = deadlines.watch(() => expired.push('settled'));
    deadlines.settle(settled);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(expired).toHaveLength(1);
    expect(Number((expired[0] as string).split(' ').at(-1))).toBeGreaterThanOrEqual(40);
  });
});

describe('store durability', () => {
  it('is durable at once in memory; with a journal only after the write settles, and not after a failed one', async () => {
    const { Store } = await import('../../src/host/store/store.js');
    const memory = new Store();
    const tx = memory.begin();
    tx.collection('chat.threads').put('t', { id: 't' });
    void memory.commit(tx);
    expect(memory.isDurable()).toBe(true);

    let finish: (() => void) | undefined;
    let fail: ((error: Error) => void) | undefined;
    const journaled = new Store();
    journaled.attach({
      append: () =>
        new Promise<void>((resolve, reject) => {
          finish = resolve;
          fail = reject;
        }),
    });
    const write = (key: string) => {
      const change = journaled.begin();
      change.collection('chat.threads').put(key, { id: key });
      return journaled.commit(change);
    };
    expect(journaled.isDurable()).toBe(true);
    const first = write('a');
    expect(journaled.isDurable()).toBe(false);
    finish?.();
    await first;
    expect(journaled.isDurable()).toBe(true);
    const second = write('b');
    fail?.(new Error('disk full'));
    await expect(second).rejects.toThrow('disk full');
    expect(journaled.isDurable()).toBe(false);
    const readOnly = journaled.begin();
    readOnly.collection('chat.threads').get('a');
    await expect(journaled.commit(readOnly)).rejects.toThrow('disk full');
  });
});
