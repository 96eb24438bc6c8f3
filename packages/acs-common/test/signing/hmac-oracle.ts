import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// An independent HMAC computation with node:crypto and Buffer only (no code from src/), used as
// the oracle by the vector, property and real-HTTP tests.

export const EMPTY_HASH = '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

export function oracleContentHash(body: string | Uint8Array | undefined): string {
  return createHash('sha256')
    .update(body ?? '')
    .digest('base64');
}

export function oracleSignature(
  accessKey: string,
  method: string,
  pathAndQuery: string,
  date: string,
  host: string,
  contentHash: string,
): string {
  const stringToSign = `${method.toUpperCase()}\n${pathAndQuery}\n${date};${host};${contentHash}`;
  return createHmac('sha256', Buffer.from(accessKey, 'base64')).update(stringToSign, 'utf8').digest('base64');
}

export function signatureOf(authorization: string | undefined): string | undefined {
  const match = /^HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=(.+)$/.exec(
    authorization ?? '',
  );
  return match?.[1];
}

/** What a server sees: the request line's target, the Host header and the raw body bytes. */
export interface ReceivedRequest {
  method: string;
  target: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Verifies a received request the way the service does; returns the failure reason or `undefined`. */
export function verifyReceived(accessKey: string, request: ReceivedRequest): string | undefined {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const hash = oracleContentHash(request.body);
  if (header('x-ms-content-sha256') !== hash) return 'content hash differs';
  const date = header('x-ms-date');
  const host = header('host');
  if (date === undefined || host === undefined) return 'missing x-ms-date or host';
  const expected = Buffer.from(oracleSignature(accessKey, request.method, request.target, date, host, hash));
  const actual = Buffer.from(signatureOf(header('authorization')) ?? '');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return 'signature differs';
  return undefined;
}
