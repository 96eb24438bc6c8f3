import { ACS_TOKEN_SCOPES, SCOPE_PREFIXES, type ScopeFamily, splitScope } from 'acs-protocol';

/**
 * Scopes, on the emulator's side: the ACS token scopes of `issueAccessToken`, and the Entra scope
 * families that pick an exchange route (SPEC §4, peers-and-pain §3a) — both from acs-protocol,
 * the one home they share with acs-common — plus the admin audience of Entra RBAC.
 */

/** The ACS `Scope` enum. */
export const ACS_SCOPES: ReadonlySet<string> = new Set(ACS_TOKEN_SCOPES);

/** The two exchange route families, as the emulator names them. */
export type ExchangeFamily = 'entra' | 'teamsExtension';

/** acs-protocol's scope family → the exchange it selects. */
const EXCHANGE_OF: Readonly<Record<ScopeFamily, ExchangeFamily>> = {
  communicationClients: 'entra',
  teamsExtension: 'teamsExtension',
};

/** What an emulator-minted Entra token is for: one of the exchanges, or the admin APIs (Entra RBAC). */
export type EntraAudienceKind = ExchangeFamily | 'admin';

/** The audience of Entra tokens for the admin APIs (identity, sms, email, rooms, …). */
export const ADMIN_AUDIENCE = 'https://communication.azure.com';

/** `https://communication.azure.com/.default`, also as the clients spell it (`…com//.default`). */
const ADMIN_SCOPES = new Set(['https://communication.azure.com/.default', 'https://communication.azure.com//.default']);

/**
 * Splits Entra scopes into their resource (`aud`) and short names, provided they are non-empty and
 * all of one family and one resource. Otherwise a reason.
 *
 * @example
 * ```ts
 * splitEntraScopes(['https://communication.azure.com/clients/VoIP']);
 * // { family: 'entra', audience: 'https://communication.azure.com/clients', names: ['VoIP'] }
 * ```
 */
export function splitEntraScopes(
  scopes: readonly string[],
): { family: EntraAudienceKind; audience: string; names: string[] } | { reason: string } {
  if (scopes.length === 0) return { reason: 'scopes must not be empty.' };
  if (scopes.every((scope) => ADMIN_SCOPES.has(scope.toLowerCase()))) {
    return { family: 'admin', audience: ADMIN_AUDIENCE, names: ['.default'] };
  }
  let prefix: string | undefined;
  let family: ScopeFamily | undefined;
  const names: string[] = [];
  for (const scope of scopes) {
    const split = splitScope(scope);
    if (split === undefined || (prefix !== undefined && split.prefix !== prefix)) {
      return {
        reason: `scopes must all start with one of ${SCOPE_PREFIXES.map((e) => e.prefix).join(', ')} (one family at a time), or be ${ADMIN_AUDIENCE}/.default for the admin APIs.`,
      };
    }
    prefix = split.prefix;
    family = split.family;
    if (split.name.length === 0 || /[\s/]/.test(split.name)) {
      return { reason: `scope '${scope}' has no valid permission name.` };
    }
    names.push(split.name);
  }
  return { family: EXCHANGE_OF[family as ScopeFamily], audience: (prefix as string).slice(0, -1), names };
}

/**
 * The family of an Entra token audience, if it is one the exchange accepts.
 *
 * @example
 * ```ts
 * familyOfAudience('https://auth.msft.communication.azure.us'); // 'teamsExtension'
 * ```
 */
export function familyOfAudience(audience: string): EntraAudienceKind | undefined {
  if (audience.toLowerCase().replace(/\/+$/, '') === ADMIN_AUDIENCE) return 'admin';
  const lower = `${audience.toLowerCase()}/`;
  const entry = SCOPE_PREFIXES.find((candidate) => candidate.prefix === lower);
  return entry === undefined ? undefined : EXCHANGE_OF[entry.family];
}

const ACS_SCOPES_OF_ENTRA_NAME: Readonly<Record<string, readonly string[]>> = {
  '.default': ['chat', 'voip'],
  voip: ['voip'],
  chat: ['chat'],
  'teamsextension.managecalls': ['voip'],
  'teamsextension.managechats': ['chat'],
};

/**
 * The ACS scopes of a token obtained by exchange, from the Entra permission names: VoIP → voip,
 * Chat → chat, `.default` → chat and voip, TeamsExtension.ManageCalls → voip,
 * TeamsExtension.ManageChats → chat; anything else alone → voip.
 *
 * @example
 * ```ts
 * acsScopesOfEntraNames(['.default']); // ['chat', 'voip']
 * ```
 */
export function acsScopesOfEntraNames(names: readonly string[]): string[] {
  const scopes = new Set<string>();
  for (const name of names) for (const scope of ACS_SCOPES_OF_ENTRA_NAME[name.toLowerCase()] ?? []) scopes.add(scope);
  return scopes.size === 0 ? ['voip'] : [...scopes];
}
