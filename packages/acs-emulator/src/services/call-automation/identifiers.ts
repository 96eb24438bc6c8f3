import { createIdentifierFromRawId, getIdentifierRawId, serializeCommunicationIdentifier } from 'acs-common';

/**
 * Call Automation identifiers on the wire: the `CommunicationIdentifierModel` the official client
 * sends (`kind`, `rawId` and one nested member) and the spec examples send (nested member only).
 * Inside the call model every identifier is kept as `{ rawId, kind, model }`, where `model` is what
 * the emulator echoes back (always with `kind` and `rawId`, which the client's parser reads).
 */

/** The wire form (the spec's CommunicationIdentifierModel). */
export interface IdentifierModel {
  kind?: string;
  rawId?: string;
  communicationUser?: { id: string };
  phoneNumber?: { value: string; isAnonymous?: boolean; assertedId?: string };
  microsoftTeamsUser?: { userId: string; isAnonymous?: boolean; cloud?: string };
  microsoftTeamsApp?: { appId: string; cloud?: string };
  teamsExtensionUser?: { userId: string; tenantId: string; resourceId: string; cloud?: string };
}

/** An identifier as the call model keeps it. */
export interface CallIdentity {
  readonly rawId: string;
  readonly kind: IdentityKind;
  /** The canonical wire form, with `kind` and `rawId`. */
  readonly model: IdentifierModel;
}

/** The identifier kinds of the 2026-03-12 contract. */
export type IdentityKind =
  | 'communicationUser'
  | 'phoneNumber'
  | 'microsoftTeamsUser'
  | 'microsoftTeamsApp'
  | 'teamsExtensionUser'
  | 'unknown';

/**
 * A problem with an identifier: where (JSON path) and what.
 *
 * @example
 * ```ts
 * try { parseIdentifier({}, 'targets[0]'); } catch (e) { (e as IdentifierProblem).path; } // 'targets[0]'
 * ```
 */
export class IdentifierProblem extends Error {
  readonly path: string;
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'IdentifierProblem';
    this.path = path;
  }
}

const E164 = /^\+[1-9]\d{1,14}$/;
const KINDS: readonly IdentityKind[] = [
  'communicationUser',
  'phoneNumber',
  'microsoftTeamsUser',
  'microsoftTeamsApp',
  'teamsExtensionUser',
  'unknown',
];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function nonEmptyString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new IdentifierProblem(path, 'must be a non-empty string');
  return value;
}

/**
 * Reads a `CommunicationIdentifierModel` (as the client or the spec examples send it).
 *
 * @example
 * ```ts
 * parseIdentifier({ kind: 'phoneNumber', rawId: '4:+14255550123', phoneNumber: { value: '+14255550123' } }, 'targets[0]');
 * // { rawId: '4:+14255550123', kind: 'phoneNumber', model: { kind, rawId, phoneNumber: { value } } }
 * ```
 */
export function parseIdentifier(value: unknown, path: string): CallIdentity {
  if (!isObject(value)) throw new IdentifierProblem(path, 'must be a CommunicationIdentifierModel object');
  const kind = value.kind;
  if (kind !== undefined && !KINDS.includes(kind as IdentityKind)) {
    throw new IdentifierProblem(`${path}.kind`, `must be one of ${KINDS.join(', ')}`);
  }
  if (value.rawId !== undefined) nonEmptyString(value.rawId, `${path}.rawId`);
  const rawIdGiven = value.rawId as string | undefined;

  if (isObject(value.communicationUser) || kind === 'communicationUser') {
    const member = value.communicationUser;
    if (!isObject(member))
      throw new IdentifierProblem(`${path}.communicationUser`, 'is required for kind communicationUser');
    const id = nonEmptyString(member.id, `${path}.communicationUser.id`);
    return identity('communicationUser', id, { communicationUser: { id } });
  }
  if (isObject(value.phoneNumber) || kind === 'phoneNumber') {
    const member = value.phoneNumber;
    if (!isObject(member)) throw new IdentifierProblem(`${path}.phoneNumber`, 'is required for kind phoneNumber');
    const number = nonEmptyString(member.value, `${path}.phoneNumber.value`);
    if (!E164.test(number)) {
      throw new IdentifierProblem(`${path}.phoneNumber.value`, 'must be an E.164 number such as +14255550123');
    }
    return identity('phoneNumber', rawIdGiven ?? getIdentifierRawId({ phoneNumber: number }), {
      phoneNumber: { value: number },
    });
  }
  if (isObject(value.microsoftTeamsUser) || kind === 'microsoftTeamsUser') {
    const member = value.microsoftTeamsUser;
    if (!isObject(member)) {
      throw new IdentifierProblem(`${path}.microsoftTeamsUser`, 'is required for kind microsoftTeamsUser');
    }
    const userId = nonEmptyString(member.userId, `${path}.microsoftTeamsUser.userId`);
    const identifier = {
      microsoftTeamsUserId: userId,
      isAnonymous: member.isAnonymous === true,
      ...(typeof member.cloud === 'string' ? { cloud: member.cloud as 'public' | 'dod' | 'gcch' } : {}),
    };
    const serialized = serializeCommunicationIdentifier(identifier);
    return identity('microsoftTeamsUser', rawIdGiven ?? (serialized.rawId as string), {
      microsoftTeamsUser: serialized.microsoftTeamsUser as NonNullable<IdentifierModel['microsoftTeamsUser']>,
    });
  }
  if (isObject(value.microsoftTeamsApp) || kind === 'microsoftTeamsApp') {
    const member = value.microsoftTeamsApp;
    if (!isObject(member)) {
      throw new IdentifierProblem(`${path}.microsoftTeamsApp`, 'is required for kind microsoftTeamsApp');
    }
    const appId = nonEmptyString(member.appId, `${path}.microsoftTeamsApp.appId`);
    const identifier = {
      teamsAppId: appId,
      ...(typeof member.cloud === 'string' ? { cloud: member.cloud as 'public' | 'dod' | 'gcch' } : {}),
    };
    const serialized = serializeCommunicationIdentifier(identifier);
    return identity('microsoftTeamsApp', rawIdGiven ?? (serialized.rawId as string), {
      microsoftTeamsApp: serialized.microsoftTeamsApp as NonNullable<IdentifierModel['microsoftTeamsApp']>,
    });
  }
  if (isObject(value.teamsExtensionUser) || kind === 'teamsExtensionUser') {
    const member = value.teamsExtensionUser;
    if (!isObject(member)) {
      throw new IdentifierProblem(`${path}.teamsExtensionUser`, 'is required for kind teamsExtensionUser');
    }
    const userId = nonEmptyString(member.userId, `${path}.teamsExtensionUser.userId`);
    const tenantId = nonEmptyString(member.tenantId, `${path}.teamsExtensionUser.tenantId`);
    const resourceId = nonEmptyString(member.resourceId, `${path}.teamsExtensionUser.resourceId`);
    const model = {
      userId,
      tenantId,
      resourceId,
      ...(typeof member.cloud === 'string' ? { cloud: member.cloud } : {}),
    };
    const raw = rawIdGiven ?? `8:acs:${resourceId}_${tenantId}_${userId}`;
    return identity('teamsExtensionUser', raw, { teamsExtensionUser: model });
  }
  if (rawIdGiven === undefined) {
    throw new IdentifierProblem(
      path,
      'names no participant: give communicationUser.id, phoneNumber.value, microsoftTeamsUser.userId, microsoftTeamsApp.appId or a rawId',
    );
  }
  return identity('unknown', rawIdGiven, {});
}

/**
 * An identity from a raw id (`8:acs:…`, `4:+1…`, `8:orgid:…`), as the emulator's test routes
 * accept it, or from an identifier model.
 *
 * @example
 * ```ts
 * identityFrom('4:+14255550123', 'from').kind; // 'phoneNumber'
 * ```
 */
export function identityFrom(value: unknown, path: string): CallIdentity {
  if (typeof value === 'string') {
    nonEmptyString(value, path);
    const serialized = serializeCommunicationIdentifier(createIdentifierFromRawId(value)) as Record<string, unknown>;
    const { rawId: _raw, ...members } = serialized;
    const inferred = parseIdentifier({ ...members, rawId: value }, path);
    return inferred;
  }
  return parseIdentifier(value, path);
}

function identity(kind: IdentityKind, rawId: string, member: IdentifierModel): CallIdentity {
  return { rawId, kind, model: { kind, rawId, ...member } };
}
