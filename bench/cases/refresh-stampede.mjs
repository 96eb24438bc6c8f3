import { AzureCommunicationTokenCredential as Official } from '@azure/communication-common';
import { AzureCommunicationTokenCredential as Ours } from 'acs-common';
import { createTestToken } from 'acs-common/testing';
import { row } from '../lib/row.mjs';
import { median } from '../lib/stats.mjs';

const CALLERS = 10_000;
const ROUNDS = 9;

/** One stampede: CALLERS concurrent getToken calls on an expired token; the refresher answers after a microtask. */
async function stampede(Credential) {
  const fresh = createTestToken({ lifetimeInMs: 60 * 60_000 });
  let refresherCalls = 0;
  const credential = new Credential({
    token: createTestToken({ lifetimeInMs: -60_000 }),
    tokenRefresher: async () => {
      refresherCalls++;
      await Promise.resolve();
      return fresh;
    },
  });
  const start = performance.now();
  const tokens = await Promise.all(Array.from({ length: CALLERS }, () => credential.getToken()));
  const elapsedInMs = performance.now() - start;
  credential.dispose();
  if (!tokens.every((t) => t.token === fresh)) throw new Error('a caller got a token other than the refreshed one');
  return { refresherCalls, elapsedInMs };
}

/** (b) 10,000 concurrent `getToken()` calls at expiry: refresher calls and wall time. */
export async function refreshStampede() {
  const runs = { ours: [], official: [] };
  for (let i = 0; i < ROUNDS; i++) {
    // Alternate the order so neither side always runs on a warmer heap.
    const order = i % 2 === 0 ? ['ours', 'official'] : ['official', 'ours'];
    for (const side of order) runs[side].push(await stampede(side === 'ours' ? Ours : Official));
  }
  const calls = (side) => Math.max(...runs[side].map((r) => r.refresherCalls));
  const wall = (side) => median(runs[side].map((r) => r.elapsedInMs));
  return [
    row({
      id: 'b1',
      name: `${CALLERS.toLocaleString('en-US')} concurrent getToken at expiry: wall time`,
      unit: 'ms',
      ours: wall('ours'),
      official: wall('official'),
    }),
    row({
      id: 'b2',
      name: `${CALLERS.toLocaleString('en-US')} concurrent getToken at expiry: refresher calls`,
      unit: 'calls',
      ours: calls('ours'),
      official: calls('official'),
      goalText: 'ours = 1',
      pass: calls('ours') === 1,
      note: `most refresher calls in ${ROUNDS} runs`,
    }),
  ];
}
