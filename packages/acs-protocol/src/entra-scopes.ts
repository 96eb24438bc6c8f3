/**
 * The Entra scope families of the token exchange (SPEC §4, js-common §3.6, peers-and-pain §3a):
 * which prefixes belong to which family. Pure.
 */

/**
 * Teams Extension scope prefixes: the public cloud and the US Government cloud (.NET 1.4.1, JS 2.5.0).
 *
 * @example
 * ```ts
 * TEAMS_EXTENSION_SCOPE_PREFIXES.some((prefix) => scope.toLowerCase().startsWith(prefix));
 * ```
 */
export const TEAMS_EXTENSION_SCOPE_PREFIXES: readonly string[] = /* @__PURE__ */ Object.freeze([
  'https://auth.msft.communication.azure.com/',
  'https://auth.msft.communication.azure.us/',
]);

/**
 * Communication Clients scope prefix (Entra ID users, preview).
 *
 * @example
 * ```ts
 * const scopes = [`${COMMUNICATION_CLIENTS_SCOPE_PREFIX}VoIP`];
 * ```
 */
export const COMMUNICATION_CLIENTS_SCOPE_PREFIX = 'https://communication.azure.com/clients/';

/**
 * The scopes used when none are given.
 *
 * @example
 * ```ts
 * DEFAULT_ENTRA_SCOPES; // ['https://communication.azure.com/clients/.default']
 * ```
 */
export const DEFAULT_ENTRA_SCOPES: readonly string[] = /* @__PURE__ */ Object.freeze([
  'https://communication.azure.com/clients/.default',
]);

/**
 * The text of `@azure/communication-common@2.5.0` for empty, mixed or unknown scopes; acs-common's
 * `TypeError`s start with it and add what was wrong.
 *
 * @example
 * ```ts
 * if (error instanceof TypeError && error.message.startsWith(SCOPES_VALIDATION_MESSAGE)) { … }
 * ```
 */
export const SCOPES_VALIDATION_MESSAGE =
  'Scopes validation failed. Ensure all scopes start with one of https://auth.msft.communication.azure.com/, https://auth.msft.communication.azure.us/, https://communication.azure.com/clients/.';

/**
 * The two scope families.
 *
 * @example
 * ```ts
 * const family: ScopeFamily = scopeFamily(scopes) ?? 'communicationClients';
 * ```
 */
export type ScopeFamily = 'teamsExtension' | 'communicationClients';

/**
 * Every scope prefix with its family, lower case, in the order they are tried.
 *
 * @example
 * ```ts
 * SCOPE_PREFIXES.find((entry) => scope.toLowerCase().startsWith(entry.prefix))?.family;
 * ```
 */
export const SCOPE_PREFIXES: ReadonlyArray<{ readonly prefix: string; readonly family: ScopeFamily }> =
  /* @__PURE__ */ Object.freeze([
    /* @__PURE__ */ Object.freeze({ prefix: 'https://auth.msft.communication.azure.com/', family: 'teamsExtension' }),
    /* @__PURE__ */ Object.freeze({ prefix: 'https://auth.msft.communication.azure.us/', family: 'teamsExtension' }),
    /* @__PURE__ */ Object.freeze({
      prefix: 'https://communication.azure.com/clients/',
      family: 'communicationClients',
    }),
  ]);

function startsWithIgnoringCase(value: string, prefix: string): boolean {
  return value.length >= prefix.length && value.slice(0, prefix.length).toLowerCase() === prefix;
}

/**
 * The prefix of one scope and its family, or `undefined` when it belongs to neither. Prefixes
 * match case-insensitively; `name` is what follows the prefix, as written.
 *
 * @example
 * ```ts
 * splitScope('https://communication.azure.com/clients/VoIP');
 * // { prefix: 'https://communication.azure.com/clients/', family: 'communicationClients', name: 'VoIP' }
 * ```
 */
export function splitScope(scope: string): { prefix: string; family: ScopeFamily; name: string } | undefined {
  for (const { prefix, family } of SCOPE_PREFIXES) {
    if (startsWithIgnoringCase(scope, prefix)) return { prefix, family, name: scope.slice(prefix.length) };
  }
  return undefined;
}

/**
 * The family of one scope, or `undefined` when it belongs to neither. Prefixes match case-insensitively.
 *
 * @example
 * ```ts
 * scopeFamilyOf('https://auth.msft.communication.azure.com/TeamsExtension.ManageCalls'); // 'teamsExtension'
 * ```
 */
export function scopeFamilyOf(scope: string): ScopeFamily | undefined {
  return splitScope(scope)?.family;
}

/**
 * The family shared by every scope, or `undefined` for an empty list, a mix of families, or a
 * scope of neither family.
 *
 * @example
 * ```ts
 * scopeFamily(['https://auth.msft.communication.azure.us/TeamsExtension.ManageCalls']); // 'teamsExtension'
 * scopeFamily(['https://communication.azure.com/clients/VoIP']); // 'communicationClients'
 * scopeFamily([]); // undefined
 * ```
 */
export function scopeFamily(scopes: readonly string[]): ScopeFamily | undefined {
  let family: ScopeFamily | undefined;
  for (const scope of scopes) {
    const current = scopeFamilyOf(scope);
    if (current === undefined || (family !== undefined && current !== family)) return undefined;
    family = current;
  }
  return family;
}
