import { createHash, createHmac } from 'node:crypto';
import { type Agent, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { authorizationHeader, EMPTY_CONTENT_HASH, stringToSign } from 'acs-protocol';

/**
 * A minimal HTTP client for the emulator tests: raw requests (anything goes, for the bad-input
 * tests), HMAC-signed requests built with acs-common's canonical form, and bearer requests.
 */

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

export interface RawRequest {
  method: string;
  /** Path and query, sent verbatim. */
  target: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Sends a request exactly as given (path not normalised, headers as set). */
export function send(
  endpoint: string,
  input: RawRequest,
  options: { ca?: string; agent?: Agent } = {},
): Promise<RawResponse> {
  const url = new URL(endpoint);
  const body =
    input.body === undefined ? undefined : Buffer.isBuffer(input.body) ? input.body : Buffer.from(input.body);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        method: input.method,
        path: input.target,
        headers: { ...(body === undefined ? {} : { 'content-length': String(body.length) }), ...input.headers },
        ...(options.ca === undefined ? {} : { ca: options.ca }),
        agent: options.agent ?? false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text === '' ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** HMAC headers for a request, as the official policy computes them. */
export function hmacHeaders(
  endpoint: string,
  accessKey: string,
  input: { method: string; target: string; body?: string; date?: Date },
): Record<string, string> {
  const host = new URL(endpoint).host;
  const date = (input.date ?? new Date()).toUTCString();
  const contentHash =
    input.body === undefined || input.body === ''
      ? EMPTY_CONTENT_HASH
      : createHash('sha256').update(input.body).digest('base64');
  const signature = createHmac('sha256', Buffer.from(accessKey, 'base64'))
    .update(stringToSign({ method: input.method, pathAndQuery: input.target, date, host, contentHash }))
    .digest('base64');
  return {
    host,
    'x-ms-date': date,
    'x-ms-content-sha256': contentHash,
    authorization: authorizationHeader(signature),
  };
}

/** A signed JSON request to the emulator. */
export function signed(
  emulator: { endpoint: string; accessKey: string },
  method: string,
  target: string,
  json?: unknown,
  options: { date?: Date; ca?: string } = {},
): Promise<RawResponse> {
  const body = json === undefined ? undefined : JSON.stringify(json);
  const headers = hmacHeaders(emulator.endpoint, emulator.accessKey, {
    method,
    target,
    ...(body === undefined ? {} : { body }),
    ...(options.date === undefined ? {} : { date: options.date }),
  });
  return send(
    emulator.endpoint,
    {
      method,
      target,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body }),
    },
    options.ca === undefined ? {} : { ca: options.ca },
  );
}
