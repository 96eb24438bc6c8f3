import { REDACTED } from '../lib/redact.js';
import type { HttpHeadersLike, PipelineRequest, PipelineResponse } from './pipeline-types.js';

/**
 * A loggable view of a request or response: headers reduced to an allow-list (others become
 * `REDACTED`, the one placeholder of lib/redact.ts), query values other than `api-version` redacted, bodies dropped. Used by the
 * `util.inspect` output of our errors, which sit next to `Authorization` headers and signatures.
 */

const ALLOWED_HEADERS = new Set([
  'accept',
  'cache-control',
  'connection',
  'content-length',
  'content-type',
  'date',
  'etag',
  'expires',
  'last-modified',
  'ms-cv',
  'request-id',
  'retry-after',
  'server',
  'traceparent',
  'user-agent',
  'x-ms-client-request-id',
  'x-ms-request-id',
  'x-ms-date',
  'x-ms-content-sha256',
  'x-ms-error-code',
]);
const ALLOWED_QUERY_PARAMETERS = new Set(['api-version']);

function sanitizeHeaders(headers: HttpHeadersLike | undefined): Record<string, string> | undefined {
  if (headers === undefined || headers === null) return undefined;
  const entries = (headers as Partial<Iterable<[string, string]>>)[Symbol.iterator];
  if (typeof entries !== 'function') return undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of headers as unknown as Iterable<[string, string]>) {
    out[name] = ALLOWED_HEADERS.has(name.toLowerCase()) ? value : REDACTED;
  }
  return out;
}

/** The URL with user info removed and every query value but `api-version` redacted. */
export function sanitizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return REDACTED;
  }
  parsed.username = '';
  parsed.password = '';
  const names = new Set<string>();
  parsed.searchParams.forEach((_value, name) => {
    names.add(name);
  });
  for (const name of names) {
    if (!ALLOWED_QUERY_PARAMETERS.has(name.toLowerCase())) parsed.searchParams.set(name, REDACTED);
  }
  parsed.hash = '';
  return parsed.toString();
}

/** The parts of a request that are safe to log. */
export function sanitizeRequest(request: PipelineRequest | undefined): object | undefined {
  if (request === undefined || request === null) return undefined;
  return {
    method: request.method,
    url: typeof request.url === 'string' ? sanitizeUrl(request.url) : undefined,
    headers: sanitizeHeaders(request.headers),
  };
}

/** The parts of a response that are safe to log. */
export function sanitizeResponse(response: PipelineResponse | undefined): object | undefined {
  if (response === undefined || response === null) return undefined;
  return { status: response.status, headers: sanitizeHeaders(response.headers) };
}
