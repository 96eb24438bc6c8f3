import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCommunicationAccessKeyCredentialPolicy as officialPolicy } from '@azure/communication-common';
import {
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
  type PipelinePhase,
  type PipelinePolicy,
} from '@azure/core-rest-pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommunicationAccessKeyCredentialPolicy } from '../../src/signing/access-key-policy.js';
import { AzureKeyCredential } from '../../src/signing/azure-key-credential.js';
import { type ReceivedRequest, verifyReceived } from './hmac-oracle.js';

// Issue 8, defect 10: what happens to the signature on a retry, found out with the real
// core-rest-pipeline and a loopback server that verifies the HMAC like ACS. The server answers the
// first attempt 503 (retryable) and, in between, the key is rotated (`credential.update`), so the
// retry is accepted only if it was signed again.
const OLD_KEY = Buffer.from('the old access key').toString('base64');
const NEW_KEY = Buffer.from('the new access key').toString('base64');

let server: Server;
let origin: string;
let serverKey = OLD_KEY;
let attempts: (ReceivedRequest & { status: number })[] = [];
let onFirstAttempt: () => void = () => {};

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        target: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      const status = attempts.length === 0 ? 503 : verifyReceived(serverKey, request) === undefined ? 200 : 401;
      attempts.push({ ...request, status });
      if (attempts.length === 1) onFirstAttempt();
      res.writeHead(status, { 'content-type': 'application/json', 'retry-after-ms': '0' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** One POST through a real pipeline with its default retry policies; the key rotates after the 503. */
async function sendWithRotation(
  phase: PipelinePhase | undefined,
  rotate = true,
  createPolicy: (credential: AzureKeyCredential) => PipelinePolicy = createCommunicationAccessKeyCredentialPolicy,
) {
  attempts = [];
  serverKey = OLD_KEY;
  const credential = new AzureKeyCredential(OLD_KEY);
  onFirstAttempt = () => {
    if (!rotate) return;
    serverKey = NEW_KEY;
    credential.update(NEW_KEY);
  };
  const pipeline = createPipelineFromOptions({
    retryOptions: { maxRetries: 1, retryDelayInMs: 1, maxRetryDelayInMs: 1 },
  });
  const policy = createPolicy(credential);
  // As the official clients add it (`client.pipeline.addPolicy(authPolicy)`), or in a phase.
  if (phase === undefined) pipeline.addPolicy(policy);
  else pipeline.addPolicy(policy, { phase });
  const request = createPipelineRequest({
    url: `${origin}/identities?api-version=2023-10-01`,
    method: 'POST',
    body: '{}',
    allowInsecureConnection: true,
  });
  const response = await pipeline.sendRequest(createDefaultHttpClient(), request);
  return { status: response.status, attempts };
}

describe('signatures on retries, in a real core-rest-pipeline pipeline', () => {
  it('added without a phase (as the official clients add it): the retry resends the first signature', async () => {
    const { status, attempts: sent } = await sendWithRotation(undefined);
    expect(sent.map((attempt) => attempt.status)).toEqual([503, 401]);
    expect(status).toBe(401);
    // The same headers twice: the policy ran once, before the retry policy.
    expect(sent[1]?.headers.authorization).toBe(sent[0]?.headers.authorization);
    expect(sent[1]?.headers['x-ms-date']).toBe(sent[0]?.headers['x-ms-date']);
  });

  it('2.5.0 behaves the same: without a phase, the retry resends the old signature', async () => {
    const { attempts: sent } = await sendWithRotation(undefined, true, officialPolicy);
    expect(sent.map((attempt) => attempt.status)).toEqual([503, 401]);
  });

  it('added without a phase, a retry with an unchanged key is accepted: the first signature is still valid', async () => {
    const { status, attempts: sent } = await sendWithRotation(undefined, false);
    expect(sent.map((attempt) => attempt.status)).toEqual([503, 200]);
    expect(status).toBe(200);
  });

  it("added in the 'Sign' phase: every attempt is signed again, with the key of that moment", async () => {
    const { status, attempts: sent } = await sendWithRotation('Sign');
    expect(sent.map((attempt) => attempt.status)).toEqual([503, 200]);
    expect(status).toBe(200);
    expect(sent[1]?.headers.authorization).not.toBe(sent[0]?.headers.authorization);
  });
});
