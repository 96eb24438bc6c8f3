import { createCommunicationAccessKeyCredentialPolicy as officialPolicy } from '@azure/communication-common';
import { AzureKeyCredential as CoreAuthKeyCredential } from '@azure/core-auth';
import { createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import { AzureKeyCredential, createCommunicationAccessKeyCredentialPolicy as oursPolicy } from 'acs-common';
import { compareMicro } from '../lib/micro.mjs';
import { row } from '../lib/row.mjs';

// A 64-byte key, the size the Azure portal hands out.
const KEY = Buffer.alloc(64, 7).toString('base64');
const URL_ =
  'https://contoso.communication.azure.com/identities/8%3Aacs%3Aabc/:issueAccessToken?api-version=2023-10-01';
const BODY = JSON.stringify({ scopes: ['chat', 'voip'], expiresInMinutes: 60 });

/** (e) The access-key policy signing one request under Node, next step answering at once. */
export async function hmacPolicy() {
  const ours = oursPolicy(new AzureKeyCredential(KEY));
  const official = officialPolicy(new CoreAuthKeyCredential(KEY));
  const next = async (request) => ({ request, status: 200, headers: createHttpHeaders() });
  const loop = (policy, method) => {
    const request = createPipelineRequest({ url: URL_, method, ...(method === 'POST' ? { body: BODY } : {}) });
    return async (count) => {
      for (let i = 0; i < count; i++) await policy.sendRequest(request, next);
    };
  };
  const rows = [];
  for (const method of ['GET', 'POST']) {
    const timing = await compareMicro(
      { ours: loop(ours, method), official: loop(official, method) },
      { batch: 200, async: true },
    );
    const what = method === 'GET' ? 'GET' : 'POST, JSON body';
    rows.push(
      row({ id: `e-${method}`, name: `HMAC policy signs one request: ${what}`, unit: 'ns/op', ...timing, goal: 2 }),
    );
  }
  return rows;
}
