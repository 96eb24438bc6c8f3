/**
 * Scopes: the ACS token scopes of `issueAccessToken`, and the Entra scope families that pick an
 * exchange route (SPEC §4, peers-and-pain §3a).
 */

/** The ACS `Scope` enum. */
export const ACS_SCOPES: ReadonlySet<string> = new Set(['chat', 'voip', 'chat.join', 'chat.join.limited', 'voip.join']);

/** The two exchange route families. */
export type ExchangeFamily = 'entra' | 'teamsExtension';

/** What an emulator-minted Entra token is for: one of the exchanges, or the admin APIs (Entra RBAC). */
export type EntraAudienceKind = ExchangeFamily | 'admin';

/** The audience of Entra tokens for the admin APIs (identity, sms, email, rooms, …). */
export const ADMIN_AUDIENCE = 'https://communication.azure.com';

/** `https://communication.azure.com/.default`, also as the clients spell it (`…com//.default`). */
const ADMIN_SCOPES = new Set(['https://communication.azure.com/.default', 'https://communication.azure.com//.default']);

/** Entra scope prefixes (lower case) and the family each selects. */
export const EXCHANGE_SCOPE_PREFIXES: ReadonlyArray<{ prefix: string; family: ExchangeFamily }> = [
  { prefix: 'https://communication.azure.com/clients/', family: 'entra' },
  { prefix: 'https://auth.msft.communication.azure.com/', family: 'teamsExtension' },
  { prefix: 'https://auth.msft.communication.azure.us/', family: 'teamsExtension' },
];

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
  let found: { prefix: string; family: ExchangeFamily } | undefined;
  const names: string[] = [];
  for (const scope of scopes) {
    const lower = scope.toLowerCase();
    const entry = EXCHANGE_SCOPE_PREFIXES.find((candidate) => lower.startsWith(candidate.prefix));
    if (entry === undefined || (found !== undefined && entry !== found)) {
      return {
        reason: `scopes must all start with one of ${EXCHANGE_SCOPE_PREFIXES.map((e) => e.prefix).join(', ')} (one family at a time), or be ${ADMIN_AUDIENCE}/.default for the admin APIs.`,
      };
    }
    found = entry;
    const name = scope.slice(entry.prefix.length);
    if (name.length === 0 || /[\s/]/.test(name)) return { reason: `scope '${scope}' has no valid permission name.` };
    names.push(name);
  }
  const entry = found as { prefix: string; family: ExchangeFamily };
  return { family: entry.family, audience: entry.prefix.slice(0, -1), names };
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
  return EXCHANGE_SCOPE_PREFIXES.find((entry) => entry.prefix === lower)?.family;
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
