import type { RequestLogEntry } from '../../../host/request-log.js';
import type { IdentityEventView, IdentityView, Section, TokenView } from '../api-types.js';
import { count, fields, list, text, time } from './fields.js';
import type { DashboardSource } from './source.js';

/** Identity routes whose target names the identity, and what they mean in its history. */
const STEPS: ReadonlyArray<readonly [RegExp, IdentityEventView['kind']]> = [
  [/^POST \/identities$/, 'create'],
  [/^POST \/identities\/\{[^}]+\}\/:issueAccessToken$/, 'issue'],
  [/^POST \/identities\/\{[^}]+\}\/:revokeAccessTokens$/, 'revoke'],
  [/^DELETE \/identities\/\{[^}]+\}$/, 'delete'],
  [/^POST \/emulator\/identities\/\{[^}]+\}/, 'revoke'],
];

/**
 * Identities (`identity.identities`) with their tokens and history. Tokens come from the identity
 * service's own record of issued tokens when it keeps one (`identity.tokens`: claims only), and
 * from the claims of acsToken callers in the request log (`seen`); a token is revoked when its
 * revision is below the identity's `minRevision`, or when the identity is gone. Identities seen in
 * the log but no longer stored are listed as deleted.
 *
 * @example
 * ```ts
 * identitiesView(hostSource(ctx.host)).value[0]?.tokens;
 * ```
 */
export function identitiesView(source: DashboardSource): Section<IdentityView> {
  const present = source.services.includes('identity');
  const requests = source.requests();
  const stored = new Map<string, Readonly<Record<string, unknown>>>();
  for (const value of source.values('identity.identities')) {
    const record = fields(value);
    const id = text(record, 'id');
    if (id !== null) stored.set(id, record);
  }

  const tokens = new Map<string, TokenDraft[]>();
  const add = (identityId: string, token: TokenDraft) => {
    const known = tokens.get(identityId) ?? [];
    if (!known.some((other) => sameToken(other, token))) known.push(token);
    tokens.set(identityId, known);
  };
  for (const value of source.values('identity.tokens')) {
    const record = fields(value);
    const identityId = text(record, 'identityId');
    if (identityId === null) continue;
    add(identityId, {
      issuedAt: time(record, 'issuedAtTimestamp', 'issuedAt', 'iat'),
      expiresAt: time(record, 'expiresOnTimestamp', 'expiresAt', 'exp'),
      scopes: list(record, 'scopes').filter((scope): scope is string => typeof scope === 'string'),
      revision: count(record, 'revision', 'rev'),
      source: 'issued',
    });
  }
  const history = new Map<string, IdentityEventView[]>();
  for (const entry of requests) {
    const caller = entry.caller;
    const claims = (caller ?? {}) as { expiresOnTimestamp?: unknown; scopes?: unknown; revision?: unknown };
    if (
      caller?.kind === 'acsToken' &&
      caller.identityId !== undefined &&
      entry.outcome === 'ok' &&
      typeof claims.expiresOnTimestamp === 'number'
    ) {
      add(caller.identityId, {
        issuedAt: null,
        expiresAt: new Date(claims.expiresOnTimestamp).toISOString(),
        scopes: Array.isArray(claims.scopes) ? claims.scopes.filter((s): s is string => typeof s === 'string') : [],
        revision: typeof claims.revision === 'number' ? claims.revision : null,
        source: 'seen',
      });
    }
    // A handler's annotation (`ctx.annotate`): the identity concerned, and an issued token's claims.
    const details = fields(entry.details);
    const annotated = text(details, 'identityId');
    const issued = fields(details.token);
    if (annotated !== null && entry.outcome === 'ok' && Object.keys(issued).length > 0) {
      add(annotated, {
        issuedAt: time(issued, 'issuedAtTimestamp') ?? new Date(entry.timestamp).toISOString(),
        expiresAt: time(issued, 'expiresOnTimestamp'),
        scopes: list(issued, 'scopes').filter((scope): scope is string => typeof scope === 'string'),
        revision: count(issued, 'revision'),
        source: 'issued',
      });
    }
    const step = stepOf(entry, annotated);
    if (step !== undefined) {
      const steps = history.get(step.identityId) ?? [];
      steps.push(step.view);
      history.set(step.identityId, steps);
    }
  }

  const ids = [...stored.keys()];
  for (const id of [...tokens.keys(), ...history.keys()]) if (!stored.has(id) && !ids.includes(id)) ids.push(id);
  const value = ids.map((id): IdentityView => {
    const record = stored.get(id);
    const minRevision = record === undefined ? null : count(record, 'minRevision');
    const createdAt = record === undefined ? null : time(record, 'createdAtTimestamp', 'createdAt', 'createdOn');
    const steps = history.get(id) ?? [];
    if (createdAt !== null && !steps.some((step) => step.kind === 'create')) {
      steps.unshift({ kind: 'create', at: createdAt, status: 201, requestId: null });
    }
    return {
      id,
      createdAt,
      deleted: record === undefined,
      tokens: (tokens.get(id) ?? []).map((token) => ({
        ...token,
        revoked:
          record === undefined || (minRevision !== null && token.revision !== null && token.revision < minRevision),
      })),
      history: steps,
    };
  });
  return { present, service: 'identity', value };
}

type TokenDraft = Omit<TokenView, 'revoked'>;

function sameToken(a: TokenDraft, b: TokenDraft): boolean {
  // A token seen on a caller matches the issued record with the same revision, expiry and scopes.
  return a.revision === b.revision && a.expiresAt === b.expiresAt && a.scopes.join(' ') === b.scopes.join(' ');
}

function stepOf(
  entry: RequestLogEntry,
  annotated: string | null,
): { identityId: string; view: IdentityEventView } | undefined {
  if (entry.route === null) return undefined;
  const key = `${entry.method} ${entry.route}`;
  const match = STEPS.find(([pattern]) => pattern.test(key));
  if (match === undefined) return undefined;
  const identityId = identitySegment(entry.target) ?? annotated ?? undefined;
  if (identityId === undefined) return undefined;
  return {
    identityId,
    view: { kind: match[1], at: new Date(entry.timestamp).toISOString(), status: entry.status, requestId: entry.id },
  };
}

/** The identity id in `/identities/{id}…` or `/emulator/identities/{id}…`, percent-decoded. */
function identitySegment(target: string): string | undefined {
  const path = target.split('?')[0] ?? '';
  const match = /^(?:\/emulator)?\/identities\/([^/]+)/.exec(path);
  if (match === null) return undefined;
  try {
    return decodeURIComponent(match[1] as string);
  } catch {
    return undefined;
  }
}
