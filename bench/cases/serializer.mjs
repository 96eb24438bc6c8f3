import * as official from '@azure/communication-common';
import * as ours from 'acs-common';
import { RAW_ID_MIX } from '../lib/identifier-mix.mjs';
import { compareMicro } from '../lib/micro.mjs';
import { row } from '../lib/row.mjs';

/** (d) `serializeCommunicationIdentifier` then `deserializeCommunicationIdentifier`, every kind. */
export async function serializerRoundTrip() {
  const loop = (lib) => {
    const identifiers = RAW_ID_MIX.map((rawId) => lib.createIdentifierFromRawId(rawId));
    return (count) => {
      let kinds = 0;
      for (let i = 0; i < count; i++) {
        const identifier = identifiers[i % identifiers.length];
        kinds += lib.deserializeCommunicationIdentifier(lib.serializeCommunicationIdentifier(identifier)).kind.length;
      }
      if (kinds < 0) throw new Error('unreachable');
    };
  };
  const timing = await compareMicro({ ours: loop(ours), official: loop(official) }, { batch: 10 * RAW_ID_MIX.length });
  return [
    row({
      id: 'd',
      name: 'serialize + deserialize an identifier',
      unit: 'ns/op',
      ...timing,
      note: `${RAW_ID_MIX.length} identifiers of every kind, in turn`,
    }),
  ];
}
