import * as official from '@azure/communication-common';
import * as ours from 'acs-common';
import { RAW_ID_MIX } from '../lib/identifier-mix.mjs';
import { compareMicro } from '../lib/micro.mjs';
import { row } from '../lib/row.mjs';

/** (c) `createIdentifierFromRawId` then `getIdentifierRawId`, over raw ids of every kind. */
export async function rawIdRoundTrip() {
  const loop = (lib) => (count) => {
    let length = 0;
    for (let i = 0; i < count; i++) {
      const rawId = RAW_ID_MIX[i % RAW_ID_MIX.length];
      length += lib.getIdentifierRawId(lib.createIdentifierFromRawId(rawId)).length;
    }
    if (length < 0) throw new Error('unreachable'); // keeps the result alive
  };
  for (const rawId of RAW_ID_MIX) {
    if (ours.getIdentifierRawId(ours.createIdentifierFromRawId(rawId)) !== rawId)
      throw new Error(`round trip of ${rawId}`);
  }
  const timing = await compareMicro({ ours: loop(ours), official: loop(official) }, { batch: 10 * RAW_ID_MIX.length });
  return [
    row({
      id: 'c',
      name: 'createIdentifierFromRawId + getIdentifierRawId',
      note: `${RAW_ID_MIX.length} raw ids of every kind, in turn`,
      unit: 'ns/op',
      ...timing,
      goal: 1.5,
    }),
  ];
}
