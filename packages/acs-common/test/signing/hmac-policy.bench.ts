import { createCommunicationAccessKeyCredentialPolicy as officialPolicy } from '@azure/communication-common';
import {
  createHttpHeaders,
  createPipelineRequest,
  type PipelinePolicy,
  type PipelineRequest,
} from '@azure/core-rest-pipeline';
import { bench, describe } from 'vitest';
import { createCommunicationAccessKeyCredentialPolicy } from '../../src/signing/access-key-policy.js';
import { AzureKeyCredential } from '../../src/signing/azure-key-credential.js';

// Run with `npx vitest bench packages/acs-common/test/signing`. The policy alone, with a next step
// that answers at once: the per-request cost of signing (SPEC §6 goal: ≥ 2× faster than 2.5.0).
const key = Buffer.from('a 64-byte access key, the size the Azure portal hands out.........').toString('base64');
const url = 'https://contoso.communication.azure.com/identities?api-version=2023-10-01';
const body = JSON.stringify({ createTokenWithScopes: ['chat', 'voip'] });

const next = async (request: PipelineRequest) => ({ request, status: 200, headers: createHttpHeaders() });
const ours = createCommunicationAccessKeyCredentialPolicy(new AzureKeyCredential(key));
const official = officialPolicy(new AzureKeyCredential(key));

function run(policy: PipelinePolicy, method: 'GET' | 'POST') {
  const request = createPipelineRequest({ url, method, ...(method === 'POST' ? { body } : {}) });
  return async () => {
    await policy.sendRequest(request, next);
  };
}

describe('sign a GET', () => {
  bench('acs-common', run(ours, 'GET'));
  bench('@azure/communication-common 2.5.0', run(official, 'GET'));
});

describe('sign a POST with a JSON body', () => {
  bench('acs-common', run(ours, 'POST'));
  bench('@azure/communication-common 2.5.0', run(official, 'POST'));
});
