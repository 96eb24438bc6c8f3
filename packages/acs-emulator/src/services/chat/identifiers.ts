import {
  createIdentifierFromRawId,
  deserializeCommunicationIdentifier,
  getIdentifierRawId,
  type SerializedCommunicationIdentifier,
  serializeCommunicationIdentifier,
} from 'acs-common';
import { invalid } from './failure.js';

/**
 * Identifiers on the chat wire are `CommunicationIdentifierModel`s; inside, the service keeps raw
 * ids. Both directions go through acs-common's serializer (the one the official clients' wire
 * format is defined by), so there is no second copy of the model here.
 */

/**
 * The raw id of a `CommunicationIdentifierModel` from a request. A model with only `rawId` is read
 * through the raw-id grammar (`8:acs:…` is a communication user). Malformed → 400 naming `target`.
 *
 * @example
 * ```ts
 * rawIdOfModel({ rawId: '8:acs:r_u', communicationUser: { id: '8:acs:r_u' } }, 'participants[0].communicationIdentifier');
 * // '8:acs:r_u'
 * ```
 */
export function rawIdOfModel(model: unknown, target: string): string {
  if (model === null || typeof model !== 'object' || Array.isArray(model)) {
    throw invalid(
      `${target} must be a CommunicationIdentifierModel object, for example {"communicationUser":{"id":"8:acs:…"}}.`,
      target,
    );
  }
  let rawId: string;
  try {
    rawId = getIdentifierRawId(deserializeCommunicationIdentifier(model as SerializedCommunicationIdentifier));
  } catch (error) {
    throw invalid(`${target} is not a valid CommunicationIdentifierModel: ${(error as Error).message}`, target);
  }
  if (typeof rawId !== 'string' || rawId.length === 0) {
    throw invalid(`${target} has no identifier: give rawId or one nested model such as communicationUser.`, target);
  }
  return rawId;
}

/**
 * The wire model of a stored raw id.
 *
 * @example
 * ```ts
 * modelOfRawId('8:acs:r_u'); // { rawId: '8:acs:r_u', communicationUser: { id: '8:acs:r_u' } }
 * ```
 */
export function modelOfRawId(rawId: string): SerializedCommunicationIdentifier {
  return serializeCommunicationIdentifier(createIdentifierFromRawId(rawId));
}
