// Child process of the Entra case. Needs ENTRA_BENCH_CERT and ENTRA_BENCH_KEY (a self-signed
// certificate for 127.0.0.1) and NODE_EXTRA_CA_CERTS pointing at the same certificate, because the
// official credential only talks https. Serves the exchange route on a loopback HTTPS server, then
// times a cached getToken on both credentials. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { AzureCommunicationTokenCredential as Official } from '@azure/communication-common';
import { AzureCommunicationTokenCredential as Ours } from 'acs-common';
import { createTestToken } from 'acs-common/testing';
import { compareMicro } from '../lib/micro.mjs';

const HOUR_IN_MS = 60 * 60_000;
let exchanges = 0;
const server = createServer(
  { cert: readFileSync(process.env.ENTRA_BENCH_CERT), key: readFileSync(process.env.ENTRA_BENCH_KEY) },
  (request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.method !== 'POST' || !request.url.startsWith('/access/entra/:exchangeAccessToken')) {
        response.writeHead(404).end();
        return;
      }
      exchanges++;
      const expiresOn = new Date(Date.now() + HOUR_IN_MS).toISOString();
      const body = { identity: { id: '8:acs:bench' }, accessToken: { token: createTestToken(), expiresOn } };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  },
);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
// No trailing slash: 2.5.0 would request `//access/…`.
const resourceEndpoint = `https://127.0.0.1:${server.address().port}`;

// A plain TokenCredential (no call log), the same object for both sides.
const entraToken = { token: 'entra-user-token', expiresOnTimestamp: Date.now() + HOUR_IN_MS };
const tokenCredential = { getToken: async () => entraToken };

const ours = new Ours({ resourceEndpoint, tokenCredential });
const official = new Official({ resourceEndpoint, tokenCredential });
await ours.getToken();
await official.getToken();
const exchangesBefore = exchanges;

const loop = (credential) => async (count) => {
  for (let i = 0; i < count; i++) await credential.getToken();
};
const timing = await compareMicro({ ours: loop(ours), official: loop(official) }, { batch: 1000, async: true });
if (exchanges !== exchangesBefore) throw new Error('a cached getToken made an exchange request');
ours.dispose();
official.dispose();
server.close();
server.closeAllConnections();
console.log(JSON.stringify({ ...timing, exchanges }));
