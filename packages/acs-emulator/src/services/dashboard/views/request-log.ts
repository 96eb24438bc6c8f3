import type { RequestLogEntry } from '../../../host/request-log.js';
import type { RequestLogEntryView } from '../api-types.js';

/**
 * A request-log entry as the page shows it. The host's entry holds no secret (no key, no
 * signature, no token: callers are kinds and identity ids); this copies the displayed fields by
 * name, so anything a later host version adds to the entry reaches the page only when it is added
 * here deliberately.
 *
 * @example
 * ```ts
 * entryView(host.requestLog.entries()[0]);
 * ```
 */
export function entryView(entry: RequestLogEntry): RequestLogEntryView {
  const caller =
    entry.caller === null
      ? { kind: 'anonymous' }
      : entry.caller.identityId === undefined
        ? { kind: entry.caller.kind }
        : { kind: entry.caller.kind, identityId: entry.caller.identityId };
  const reason =
    entry.reason === undefined
      ? null
      : entry.errorCode === undefined
        ? entry.reason
        : `${entry.errorCode}: ${entry.reason}`;
  return {
    id: entry.id,
    timestamp: new Date(entry.timestamp).toISOString(),
    method: entry.method,
    target: entry.target,
    route: entry.route,
    service: entry.service,
    status: entry.status,
    durationInMs: entry.durationInMs,
    caller,
    outcome: entry.outcome,
    reason,
    hmac:
      entry.hmac === undefined
        ? null
        : {
            stringToSign: entry.hmac.stringToSign ?? null,
            computedContentHash: entry.hmac.computedContentHash ?? null,
            received: {
              'x-ms-date': entry.hmac.received.xMsDate ?? null,
              host: entry.hmac.received.host ?? null,
              'x-ms-content-sha256': entry.hmac.received.contentSha256 ?? null,
              SignedHeaders: entry.hmac.received.signedHeaders ?? null,
            },
          },
  };
}
