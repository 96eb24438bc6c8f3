/**
 * The raw-id prefixes (js-common §4, dotnet-common §3): the one table that the identifier parser
 * and formatter read, and that the emulator uses to make ids.
 */

/**
 * Raw ids that start with this are phone numbers, whatever follows (colons included).
 *
 * @example
 * ```ts
 * `${PHONE_NUMBER_PREFIX}+14255550123`; // '4:+14255550123'
 * ```
 */
export const PHONE_NUMBER_PREFIX = '4:';

/**
 * The clouds, in the column order of {@link RAW_ID_PREFIXES}.
 *
 * @example
 * ```ts
 * RAW_ID_CLOUDS[1]; // 'dod'
 * ```
 */
export const RAW_ID_CLOUDS = /* @__PURE__ */ Object.freeze(['public', 'dod', 'gcch'] as const);

/**
 * The column of {@link RAW_ID_PREFIXES} that holds the form without a cloud.
 *
 * @example
 * ```ts
 * RAW_ID_PREFIXES.microsoftTeamsUser[RAW_ID_NO_CLOUD]; // '8:teamsvisitor:'
 * ```
 */
export const RAW_ID_NO_CLOUD = 3;

/**
 * Every other prefix of the grammar, by kind, in columns: public, dod, gcch cloud, then the one
 * form without a cloud. Each prefix is two `:`-terminated segments.
 *
 * - `teamsExtensionUser`: `8:acs:<resource>_<tenant>_<user>`; an ACS communication user is
 *   `8:acs:<resource>_<opaque>` (same prefixes), and so is every `8:spool:` id (column 3).
 * - `microsoftTeamsUser`: column 3 is an anonymous Teams user (a visitor).
 * - `microsoftTeamsApp`: no form without a cloud.
 *
 * @example
 * ```ts
 * RAW_ID_PREFIXES.teamsExtensionUser[0]; // '8:acs:'
 * ```
 */
export const RAW_ID_PREFIXES = /* @__PURE__ */ Object.freeze({
  teamsExtensionUser: /* @__PURE__ */ Object.freeze(['8:acs:', '8:dod-acs:', '8:gcch-acs:', '8:spool:'] as const),
  microsoftTeamsUser: /* @__PURE__ */ Object.freeze(['8:orgid:', '8:dod:', '8:gcch:', '8:teamsvisitor:'] as const),
  microsoftTeamsApp: /* @__PURE__ */ Object.freeze(['28:orgid:', '28:dod:', '28:gcch:'] as const),
});

/**
 * The prefix of an ACS communication user in the public cloud (`8:acs:<resourceId>_<suffix>`).
 *
 * @example
 * ```ts
 * `${ACS_USER_PREFIX}${resourceId}_${crypto.randomUUID()}`;
 * ```
 */
export const ACS_USER_PREFIX = '8:acs:';
