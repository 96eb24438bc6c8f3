/**
 * The scopes of an ACS user token: the `Scope` enum of the Identity API (`createToken`,
 * `issueAccessToken`; reference acs-services.md).
 */

/**
 * One ACS token scope.
 *
 * @example
 * ```ts
 * const scope: AcsTokenScope = 'chat';
 * ```
 */
export type AcsTokenScope = 'chat' | 'voip' | 'chat.join' | 'chat.join.limited' | 'voip.join';

/**
 * Every ACS token scope, in the order of the Identity API's `Scope` enum.
 *
 * @example
 * ```ts
 * ACS_TOKEN_SCOPES.includes(scope as AcsTokenScope);
 * ```
 */
export const ACS_TOKEN_SCOPES: readonly AcsTokenScope[] = /* @__PURE__ */ Object.freeze([
  'chat',
  'voip',
  'chat.join',
  'chat.join.limited',
  'voip.join',
] as const);

/**
 * Whether a value is an ACS token scope.
 *
 * @example
 * ```ts
 * isAcsTokenScope('voip'); // true
 * isAcsTokenScope('VoIP'); // false: the enum is case-sensitive
 * ```
 */
export function isAcsTokenScope(value: unknown): value is AcsTokenScope {
  return typeof value === 'string' && (ACS_TOKEN_SCOPES as readonly string[]).includes(value);
}
