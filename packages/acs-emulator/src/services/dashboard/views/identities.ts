import type { RequestLogEntry } from '../../../host/request-log.js';
import type { IdentityEventView, IdentityView, Section, TokenView } from '../api-types.js';
import { count, fields, list, text, time } from './fields.js';
import type { DashboardSource } from './source.js';

/** Identity routes whose target names the identity, for steps the handler did not annotate (refusals). */
const STEPS: ReadonlyArray<readonly [RegExp, IdentityEventView['kind']]> = [
  [/^POST \/identities\/\{[^}]+\}\/:issueAccessToken$/, 'issue'],
  [/^POST \/identities\/\{[^}]+\}\/:revokeAccessTokens$/, 'revoke'],
  [/^DELETE \/identities\/\{[^}]+\}$/, 'delete'],
  [/^POST \/emulator\/identities\/\{[^}]+\}/, 'revoke'],
];

type TokenDraft = Omit<TokenView, 'revoked'>;

/**
 * Identities (`identity.identities`) with their history and tokens, from the store and the
 * request log. The identity handlers annotate their log entries (`ctx.annotate`) with the identity
 * concerned and, for an issued token, its claims (`tokenIssued: {scopes, issuedAt, expiresOn,
 * exchange?}`) — never the token. A token is revoked when a later successful revoke or delete of
 * its identity is in the log, when its revision is below the identity's `minRevision`, or when the
 * identity is gone. Identities seen in the log but no longer stored are listed as deleted.
 *
 * @example
 * ```ts
 * identitiesView(hostSource(ctx.host)).value[0]?.tokens;
 * ```
 */
export function identitiesView(source: DashboardSource): Section<IdentityView> {
  const stored = new Map<string, Readonly<Record<string, unknown>>>();
  for (const value of source.values('identity.identities')) {
    const record = fields(value);
    const id = text(record, 'id');
    if (id !== null) stored.set(id, record);
  }

  const tokens = new Map<string, TokenDraft[]>();
  const history = new Map<string, IdentityEventView[]>();
  const push = <T>(map: Map<string, T[]>, id: string, value: T) => map.set(id, [...(map.get(id) ?? []), value]);
  const requests = source.requests();
  // Ids named by a handler (or stored): a refused request naming some other id (a typo, a probe)
  // does not invent an identity.
  const known = new Set(stored.keys());
  for (const entry of requests) {
    const annotated = text(fields(entry.details), 'identityId');
    if (annotated !== null) known.add(annotated);
  }
  for (const entry of requests) {
    const details = fields(entry.details);
    const identityId = text(details, 'identityId') ?? identityInTarget(entry);
    if (identityId === null || !known.has(identityId)) continue;
    const issued = fields(details.tokenIssued ?? details.token);
    const at = new Date(entry.timestamp).toISOString();
    if (entry.outcome === 'ok' && Object.keys(issued).length > 0) {
      push(tokens, identityId, {
        issuedAt: time(issued, 'issuedAt', 'issuedAtTimestamp') ?? at,
        expiresAt: time(issued, 'expiresOn', 'expiresOnTimestamp'),
        scopes: list(issued, 'scopes').filter((scope): scope is string => typeof scope === 'string'),
        revision: count(issued, 'revision'),
        via: text(issued, 'exchange') ?? 'identity',
        requestId: entry.id,
      });
    }
    const kind = stepKind(entry, details, Object.keys(issued).length > 0);
    if (kind !== undefined) push(history, identityId, { kind, at, status: entry.status, requestId: entry.id });
  }

  const ids = [...stored.keys()];
  for (const id of [...tokens.keys(), ...history.keys()]) if (!ids.includes(id)) ids.push(id);
  const value = ids.map((id): IdentityView => {
    const record = stored.get(id);
    const minRevision = record === undefined ? null : count(record, 'minRevision');
    const createdAt = record === undefined ? null : time(record, 'createdAtTimestamp', 'createdAt', 'createdOn');
    const steps = history.get(id) ?? [];
    if (createdAt !== null && !steps.some((step) => step.kind === 'create')) {
      steps.unshift({ kind: 'create', at: createdAt, status: 201, requestId: null });
    }
    const lastRevoke = Math.max(
      0,
      ...steps
        .filter((step) => (step.kind === 'revoke' || step.kind === 'delete') && step.status < 400)
        .map((step) => step.requestId ?? 0),
    );
    return {
      id,
      createdAt,
      deleted: record === undefined,
      tokens: (tokens.get(id) ?? []).map((token) => ({
        ...token,
        revoked:
          record === undefined ||
          (token.requestId !== null && token.requestId < lastRevoke) ||
          (minRevision !== null && token.revision !== null && token.revision < minRevision),
      })),
      history: steps,
    };
  });
  return { present: source.services.includes('identity'), service: 'identity', value };
}

function stepKind(
  entry: RequestLogEntry,
  details: Readonly<Record<string, unknown>>,
  issued: boolean,
): IdentityEventView['kind'] | undefined {
  if (details.deleted === true) return 'delete';
  if (details.revoked === true) return 'revoke';
  if (entry.method === 'POST' && entry.route === '/identities') return 'create';
  if (issued) return entry.route?.includes(':issueAccessToken') ? 'issue' : 'exchange';
  if (entry.route === null) return undefined;
  const key = `${entry.method} ${entry.route}`;
  return STEPS.find(([pattern]) => pattern.test(key))?.[1];
}

/** The identity id in `/identities/{id}…` or `/emulator/identities/{id}…`, percent-decoded. */
function identityInTarget(entry: RequestLogEntry): string | null {
  if (entry.service !== 'identity' && !entry.target.startsWith('/emulator/identities/')) return null;
  const path = entry.target.split('?')[0] ?? '';
  const match = /^(?:\/emulator)?\/identities\/([^/]+)/.exec(path);
  if (match === null) return null;
  try {
    return decodeURIComponent(match[1] as string);
  } catch {
    return null;
  }
}
