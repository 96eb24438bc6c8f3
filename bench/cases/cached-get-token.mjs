import { AzureCommunicationTokenCredential as Official } from '@azure/communication-common';
import { AzureCommunicationTokenCredential as Ours } from 'acs-common';
import { createTestToken } from 'acs-common/testing';
import { compareMicro } from '../lib/micro.mjs';
import { row } from '../lib/row.mjs';

/**
 * (a) `getToken()` on a cached token: refresher form, token valid for an hour. The measured loop
 * awaits every call, as callers do. Two references explain the result: the same loop over an object
 * whose getToken is `Promise.resolve(token)` (the cost of the loop and its await), and the loop
 * awaiting only the last of its calls (the credential's own cost).
 */
export async function cachedGetToken() {
  const token = createTestToken({ lifetimeInMs: 60 * 60_000 });
  const options = () => ({ tokenRefresher: async () => token, token });
  const ours = new Ours(options());
  const official = new Official(options());
  const cached = { token, expiresOnTimestamp: Date.now() + 60 * 60_000 };
  const floor = { getToken: () => Promise.resolve(cached) };
  const awaitEach = (credential) => async (count) => {
    for (let i = 0; i < count; i++) await credential.getToken();
  };
  const awaitLast = (credential) => async (count) => {
    let last;
    for (let i = 0; i < count; i++) last = credential.getToken();
    await last;
  };
  try {
    const timing = await compareMicro(
      { ours: awaitEach(ours), official: awaitEach(official) },
      { batch: 1000, async: true },
    );
    const reference = await compareMicro(
      { ours: awaitEach(floor), official: awaitEach(floor) },
      { batch: 1000, async: true },
    );
    const calls = await compareMicro(
      { ours: awaitLast(ours), official: awaitLast(official) },
      { batch: 1000, async: true },
    );
    const floorInNs = Math.min(reference.ours, reference.official);
    return [
      row({
        id: 'a',
        name: 'getToken, cached (refresher form)',
        unit: 'ns/op',
        ...timing,
        goal: 2,
        note:
          `an awaited Promise.resolve() alone costs ${Math.round(floorInNs)} ns in this loop; ` +
          `without awaiting each call: ours ${Math.round(calls.ours)} ns, 2.5.0 ${Math.round(calls.official)} ns ` +
          `(${(calls.official / calls.ours).toFixed(2)}×)`,
      }),
    ];
  } finally {
    ours.dispose();
    official.dispose();
  }
}
