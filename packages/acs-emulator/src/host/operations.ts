import type { RequestContext } from './service.js';

/**
 * Long-running operations as the ACS services answer them: 202 Accepted with an
 * `Operation-Location` header naming a status resource that the client polls until a terminal
 * status. Each service keeps its own operation records (their shapes differ: Email's
 * `{id, status, error}`, Phone Numbers' `{id, status, operationType, resourceLocation, …}`) and
 * answers its own status route; these helpers give the shared parts.
 */

/**
 * The absolute URL of a status resource, with the api-version the client used.
 *
 * @example
 * ```ts
 * operationLocation(ctx, `/emails/operations/${id}`, '2025-09-01'); // 'https://127.0.0.1:PORT/emails/operations/…?api-version=2025-09-01'
 * ```
 */
export function operationLocation(ctx: RequestContext, path: string, apiVersion: string | null): string {
  const base = `${ctx.endpoint.replace(/\/$/, '')}${path}`;
  return apiVersion === null ? base : `${base}?api-version=${encodeURIComponent(apiVersion)}`;
}

/**
 * Headers of a 202 that starts an operation.
 *
 * @example
 * ```ts
 * return reply(202, { id, status: 'Running' }, acceptedHeaders(location, 1));
 * ```
 */
export function acceptedHeaders(location: string, retryAfterInSeconds = 1): Record<string, string> {
  return { 'operation-location': location, 'retry-after': String(retryAfterInSeconds) };
}

/**
 * Whether an operation that became due at `dueTimestamp` has finished at `nowTimestamp` — the
 * emulator's operations complete after a configurable delay (option `operationDelayInMs`), so a
 * client sees at least one non-terminal status when the delay is above zero.
 *
 * @example
 * ```ts
 * const status = isDue(record.completesAtTimestamp, ctx.now()) ? 'Succeeded' : 'Running';
 * ```
 */
export function isDue(dueTimestamp: number, nowTimestamp: number): boolean {
  return nowTimestamp >= dueTimestamp;
}
