import type { Agent } from 'node:http';
import { describe, expect, it } from 'vitest';
import { type CrashTarget, crashRounds, signedJson } from '../../helpers/crash.js';

// Durability of the Rooms and Phone Numbers collections under fire: the built CLI with --data
// is SIGKILLed mid-flight while workers create rooms, patch their participants, delete rooms,
// search and purchase numbers and release them. After each restart on the same file, every
// acknowledged change is there: rooms and their participant maps as last acknowledged (a
// request cut by the kill may or may not have landed — both outcomes are right), deleted rooms
// gone, purchased numbers owned, released numbers not.

const ROOMS = 'api-version=2025-03-13';
const NUMBERS = 'api-version=2025-06-01';
const RAW = (n: number) => `8:acs:crash_${String(n).padStart(8, '0')}`;

type Participants = Record<string, string>;
interface RoomState {
  /** The participants as last acknowledged; `null` once its delete was acknowledged. */
  acknowledged: Participants | null;
  /** What an unacknowledged (cut) request would have made it. */
  pending?: Participants | null;
}

const rooms = new Map<string, RoomState>();
const owned = new Set<string>();
const released = new Set<string>();
const releasing = new Set<string>();
let acknowledgedThisRound = 0;
let counter = 0;

const hmac = (target: CrashTarget, agent: Agent | undefined, method: string, path: string, body?: unknown) =>
  signedJson(target, agent, method, path, body, 'application/merge-patch+json');

async function roomLoad(target: CrashTarget, agent: Agent, stopped: () => boolean): Promise<void> {
  const first = RAW(counter++);
  const created = await hmac(target, agent, 'POST', `/rooms?${ROOMS}`, {
    participants: { [first]: { role: 'Presenter' } },
  });
  if (created.status !== 201) return;
  const id = (created.json as { id: string }).id;
  const state: RoomState = { acknowledged: { [first]: 'Presenter' } };
  rooms.set(id, state);
  acknowledgedThisRound++;
  for (let step = 0; step < 3 && !stopped(); step++) {
    const added = RAW(counter++);
    const next: Participants = { ...(state.acknowledged as Participants), [added]: 'Attendee' };
    const patch: Record<string, { role: string } | null> = { [added]: { role: 'Attendee' } };
    if (step === 2) {
      delete next[first];
      patch[first] = null;
    }
    state.pending = next;
    const answer = await hmac(target, agent, 'PATCH', `/rooms/${id}/participants?${ROOMS}`, { participants: patch });
    if (answer.status !== 200) return;
    state.acknowledged = next;
    delete state.pending;
    acknowledgedThisRound++;
  }
  if (Math.random() < 0.3 && !stopped()) {
    state.pending = null;
    if ((await hmac(target, agent, 'DELETE', `/rooms/${id}?${ROOMS}`)).status === 204) {
      state.acknowledged = null;
      delete state.pending;
      acknowledgedThisRound++;
    }
  }
}

async function numberLoad(target: CrashTarget, agent: Agent, stopped: () => boolean): Promise<void> {
  const search = await hmac(target, agent, 'POST', `/availablePhoneNumbers/countries/US/:search?${NUMBERS}`, {
    phoneNumberType: 'geographic',
    assignmentType: 'application',
    capabilities: { sms: 'inbound+outbound', calling: 'none' },
    quantity: 1,
  });
  if (search.status !== 202 || stopped()) return;
  const { searchId, phoneNumbers } = search.json as { searchId: string; phoneNumbers: string[] };
  const purchase = await hmac(target, agent, 'POST', `/availablePhoneNumbers/:purchase?${NUMBERS}`, { searchId });
  if (purchase.status !== 202) return;
  const number = phoneNumbers[0] as string;
  owned.add(number);
  acknowledgedThisRound++;
  if (Math.random() < 0.4 && !stopped()) {
    releasing.add(number);
    if (
      (await hmac(target, agent, 'DELETE', `/phoneNumbers/${encodeURIComponent(number)}?${NUMBERS}`)).status === 202
    ) {
      owned.delete(number);
      released.add(number);
      acknowledgedThisRound++;
    }
  }
}

async function load(target: CrashTarget, agent: Agent, stopped: () => boolean): Promise<void> {
  await (Math.random() < 0.6 ? roomLoad(target, agent, stopped) : numberLoad(target, agent, stopped));
}

async function verify(target: CrashTarget): Promise<void> {
  acknowledgedThisRound = 0;
  for (const [id, state] of rooms) {
    const room = await hmac(target, undefined, 'GET', `/rooms/${id}?${ROOMS}`);
    const possible = [state.acknowledged, ...('pending' in state ? [state.pending] : [])];
    if (room.status === 404) {
      expect(possible, `room ${id} is gone`).toContain(null);
      state.acknowledged = null;
    } else {
      expect(room.status).toBe(200);
      const listed = await hmac(target, undefined, 'GET', `/rooms/${id}/participants?${ROOMS}&maxPageSize=200`);
      const found = Object.fromEntries(
        (listed.json as { value: Array<{ rawId: string; role: string }> }).value.map((p) => [p.rawId, p.role]),
      );
      expect(possible, `participants of room ${id}`).toContainEqual(found);
      state.acknowledged = found;
    }
    delete state.pending;
  }
  const list = await hmac(target, undefined, 'GET', `/phoneNumbers?skip=0&top=200&${NUMBERS}`);
  expect(list.status).toBe(200);
  const listed = new Set(
    (list.json as { phoneNumbers: Array<{ phoneNumber: string }> }).phoneNumbers.map((n) => n.phoneNumber),
  );
  for (const number of owned) if (!releasing.has(number)) expect(listed.has(number), `${number} is owned`).toBe(true);
  for (const number of released) expect(listed.has(number), `${number} was released`).toBe(false);
  for (const number of releasing) {
    if (listed.has(number)) owned.add(number);
    else owned.delete(number);
  }
  releasing.clear();
}

describe('rooms and phone numbers survive SIGKILL', () => {
  it('loses nothing acknowledged', { timeout: 120_000 }, async () => {
    await crashRounds({ rounds: 3, workers: 6, load, enough: () => acknowledgedThisRound >= 40, verify });
    expect([...rooms.values()].filter((state) => state.acknowledged !== null).length).toBeGreaterThan(10);
    expect(owned.size + released.size).toBeGreaterThan(5);
  });
});
