// Child process of the memory case; run with --expose-gc. argv[2] is `ours` or `official`.
// Prints {"bytesPerCredential": …} for COUNT proactive credentials (token valid 1 h, one shared
// refresher), measured as the heap growth after a full GC, divided by COUNT.
import { AzureCommunicationTokenCredential as Official } from '@azure/communication-common';
import { AzureCommunicationTokenCredential as Ours } from 'acs-common';
import { createTestToken } from 'acs-common/testing';

const COUNT = 10_000;
const Credential = process.argv[2] === 'official' ? Official : Ours;
const token = createTestToken({ lifetimeInMs: 60 * 60_000 });
const tokenRefresher = async () => token;
const credentials = new Array(COUNT).fill(null); // allocated before the first reading

function heapAfterGc() {
  for (let i = 0; i < 4; i++) globalThis.gc();
  return process.memoryUsage().heapUsed;
}

// Warm up: one credential of each kind so that code and shapes exist before the first reading.
new Credential({ tokenRefresher, token, refreshProactively: true }).dispose();
const before = heapAfterGc();
for (let i = 0; i < COUNT; i++) credentials[i] = new Credential({ tokenRefresher, token, refreshProactively: true });
const after = heapAfterGc();
for (const credential of credentials) credential.dispose();
console.log(JSON.stringify({ bytesPerCredential: (after - before) / COUNT }));
