import type { Agent } from 'node:http';
import { describe, expect, it } from 'vitest';
import { hmacHeaders, type RawResponse, send } from '../../helpers/client.js';
import { type CrashTarget, crashRounds } from '../../helpers/crash.js';

// Durability of chat under fire: the built CLI with --data is SIGKILLed mid-flight while workers
// send, edit and delete messages in two threads. After each restart on the same file every
// acknowledged message is there with its acknowledged content (an edit or delete cut by the kill
// may or may not have landed — both are right), deleted ones as tombstones, sequenceIds unique and
// in order, and the next message continues the sequence.

const CHAT = 'api-version=2025-03-15';
const KEY = Buffer.alloc(32, 7).toString('base64');

interface Tracked {
  threadPath: string;
  sender: 'a' | 'b';
  /** Acknowledged content; `null` once a delete was acknowledged. */
  content: string | null;
  /** What a cut edit or delete may have made it. */
  pending?: string | null;
}

const tokens: Record<'a' | 'b', string> = { a: '', b: '' };
const threadPaths: string[] = [];
const messages = new Map<string, Tracked>();
let acknowledgedThisRound = 0;
let counter = 0;

function bearer(
  target: CrashTarget,
  agent: Agent | undefined,
  who: 'a' | 'b',
  method: string,
  path: string,
  body?: unknown,
): Promise<RawResponse> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const contentType = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
  return send(
    target.endpoint,
    {
      method,
      target: path,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(text === undefined ? {} : { 'content-type': contentType }),
      },
      ...(text === undefined ? {} : { body: text }),
    },
    agent === undefined ? {} : { agent },
  );
}

async function setUp(target: CrashTarget): Promise<void> {
  const ids: Record<'a' | 'b', string> = { a: '', b: '' };
  for (const who of ['a', 'b'] as const) {
    const path = `/identities?api-version=2023-10-01`;
    const body = JSON.stringify({ createTokenWithScopes: ['chat'] });
    const created = await send(target.endpoint, {
      method: 'POST',
      target: path,
      headers: {
        ...hmacHeaders(target.endpoint, target.accessKey, { method: 'POST', target: path, body }),
        'content-type': 'application/json',
      },
      body,
    });
    const json = created.json as { identity: { id: string }; accessToken: { token: string } };
    ids[who] = json.identity.id;
    tokens[who] = json.accessToken.token;
  }
  for (const topic of ['one', 'two']) {
    const created = await bearer(target, undefined, 'a', 'POST', `/chat/threads?${CHAT}`, {
      topic,
      participants: [{ communicationIdentifier: { communicationUser: { id: ids.b } } }],
    });
    expect(created.status).toBe(201);
    threadPaths.push(
      `/chat/threads/${encodeURIComponent((created.json as { chatThread: { id: string } }).chatThread.id)}`,
    );
  }
}

async function load(target: CrashTarget, agent: Agent): Promise<void> {
  const n = ++counter;
  const own = [...messages].filter(([, m]) => m.content !== null && m.pending === undefined);
  const choice = n % 5;
  if (choice < 3 || own.length === 0) {
    const who = n % 2 === 0 ? 'a' : 'b';
    const threadPath = threadPaths[n % threadPaths.length] as string;
    const content = `message ${n}`;
    const response = await bearer(target, agent, who, 'POST', `${threadPath}/messages?${CHAT}`, { content });
    if (response.status === 201) {
      messages.set((response.json as { id: string }).id, { threadPath, sender: who, content });
      acknowledgedThisRound++;
    }
    return;
  }
  const [id, message] = own[n % own.length] as [string, Tracked];
  const path = `${message.threadPath}/messages/${id}?${CHAT}`;
  if (choice === 3) {
    const content = `edited ${n}`;
    message.pending = content;
    const response = await bearer(target, agent, message.sender, 'PATCH', path, { content });
    if (response.status === 204) {
      message.content = content;
      delete message.pending;
      acknowledgedThisRound++;
    }
  } else {
    message.pending = null;
    const response = await bearer(target, agent, message.sender, 'DELETE', path);
    if (response.status === 204) {
      message.content = null;
      delete message.pending;
      acknowledgedThisRound++;
    }
  }
}

async function listAll(target: CrashTarget, threadPath: string) {
  const all: { id: string; sequenceId: string; type: string; content?: { message?: string }; deletedOn?: string }[] =
    [];
  let next: string | undefined = `${threadPath}/messages?maxPageSize=200&${CHAT}`;
  while (next !== undefined) {
    const page = await bearer(target, undefined, 'a', 'GET', next);
    expect(page.status).toBe(200);
    const body = page.json as { value: typeof all; nextLink?: string };
    all.push(...body.value);
    next = body.nextLink === undefined ? undefined : new URL(body.nextLink).pathname + new URL(body.nextLink).search;
  }
  return all;
}

async function verify(target: CrashTarget, round: number): Promise<void> {
  if (round === 0) {
    await setUp(target);
    return;
  }
  for (const threadPath of threadPaths) {
    const listed = await listAll(target, threadPath);
    const sequence = listed.map((m) => Number(m.sequenceId));
    expect(sequence, 'sequenceIds descend without gaps').toEqual(sequence.map((_, i) => sequence.length - i));
    expect(new Set(listed.map((m) => m.id)).size).toBe(listed.length);
    const byId = new Map(listed.map((m) => [m.id, m]));
    for (const [id, tracked] of messages) {
      if (tracked.threadPath !== threadPath) continue;
      const found = byId.get(id);
      expect(found, `acknowledged message ${id} (round ${round})`).toBeDefined();
      const now = found?.deletedOn === undefined ? (found?.content?.message ?? '') : null;
      const allowed = tracked.pending === undefined ? [tracked.content] : [tracked.content, tracked.pending];
      expect(allowed, `content of ${id} (round ${round})`).toContain(now);
      // Settle what the restart shows, so the next round starts from the truth.
      tracked.content = now;
      delete tracked.pending;
    }
    const next = await bearer(target, undefined, 'a', 'POST', `${threadPath}/messages?${CHAT}`, {
      content: 'after restart',
    });
    expect(next.status).toBe(201);
    const id = (next.json as { id: string }).id;
    const got = await bearer(target, undefined, 'a', 'GET', `${threadPath}/messages/${id}?${CHAT}`);
    expect(Number((got.json as { sequenceId: string }).sequenceId)).toBe(sequence.length + 1);
    messages.set(id, { threadPath, sender: 'a', content: 'after restart' });
  }
  acknowledgedThisRound = 0;
}

describe('chat across SIGKILL', () => {
  it('keeps every acknowledged message, edit and delete', async () => {
    await crashRounds({
      rounds: 4,
      workers: 8,
      args: ['--access-key', KEY],
      load: (target, agent) => load(target, agent),
      enough: () => acknowledgedThisRound >= 60,
      verify,
    });
    expect(messages.size).toBeGreaterThan(100);
  }, 120_000);
});
