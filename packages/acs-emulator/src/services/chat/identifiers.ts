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
  let model = models.get(rawId);
  if (model === undefined) {
    if (models.size >= MODEL_CACHE_SIZE) models.clear();
    model = deepFreeze(serializeCommunicationIdentifier(createIdentifierFromRawId(rawId)));
    models.set(rawId, model);
  }
  return model;
}

/**
 * Wire models by raw id: every message, event and list item carries a few, and a model is a pure
 * function of its raw id. Frozen, so a shared model cannot be changed by whoever receives it.
 */
const models = new Map<string, SerializedCommunicationIdentifier>();
const MODEL_CACHE_SIZE = 10_000;

function deepFreeze<T extends object>(value: T): T {
  for (const member of Object.values(value)) if (typeof member === 'object' && member !== null) deepFreeze(member);
  return Object.freeze(value);
}
