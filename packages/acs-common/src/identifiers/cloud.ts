/**
 * The clouds an identifier can belong to, as named constants (the .NET `CommunicationCloudEnvironment`
 * known values). The values are the strings that identifiers and the wire model carry.
 *
 * @example
 * ```ts
 * import { CommunicationCloudEnvironment, getIdentifierRawId } from 'acs-common/identifiers';
 *
 * getIdentifierRawId({ teamsAppId: 'app', cloud: CommunicationCloudEnvironment.Gcch }); // '28:gcch:app'
 * ```
 */
export const CommunicationCloudEnvironment = /* @__PURE__ */ Object.freeze({
  Public: 'public',
  Dod: 'dod',
  Gcch: 'gcch',
} as const);

/**
 * A cloud name: `"public"`, `"dod"` or `"gcch"`.
 *
 * @example
 * ```ts
 * const cloud: CommunicationCloudEnvironment = 'dod';
 * ```
 */
export type CommunicationCloudEnvironment =
  (typeof CommunicationCloudEnvironment)[keyof typeof CommunicationCloudEnvironment];
