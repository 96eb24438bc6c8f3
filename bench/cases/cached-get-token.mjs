import { AzureCommunicationTokenCredential as Official } from '@azure/communication-common';
import { AzureCommunicationTokenCredential as Ours } from 'acs-common';
import { createTestToken } from 'acs-common/testing';
import { compareMicro } from '../lib/micro.mjs';
import { row } from '../lib/row.mjs';

/** (a) `getToken()` on a cached token: refresher form, token valid for an hour. */
export async function cachedGetToken() {
  const token = createTestToken({ lifetimeInMs: 60 * 60_000 });
  const options = () => ({ tokenRefresher: async () => token, token });
  const ours = new Ours(options());
  const official = new Official(options());
  const loop = (credential) => async (count) => {
    for (let i = 0; i < count; i++) await credential.getToken();
  };
  try {
    const timing = await compareMicro({ ours: loop(ours), official: loop(official) }, { batch: 1000, async: true });
    return [row({ id: 'a', name: 'getToken, cached token (refresher form)', unit: 'ns/op', ...timing, goal: 2 })];
  } finally {
    ours.dispose();
    official.dispose();
  }
}
