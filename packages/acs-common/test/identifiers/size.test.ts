// Bundle budget of the identifier functions (browser, minified, gzip -9). The official package
// ships 4,143 bytes for the same functions (reference/js-common.md §2). Budget: measured size plus
// 10 % (issue 8): 1,511 bytes on 2026-12-01, after the raw-id prefix table moved to acs-protocol
// and the deserializer's argument errors became TypeErrors. Needs `npm run build`.
import { expect, it } from 'vitest';
import { browserBundleSize } from '../helpers/bundle-size.js';

const BUDGET_IN_BYTES = 1662;

it(`bundles the identifier functions in at most ${BUDGET_IN_BYTES} bytes gzipped`, async () => {
  const { gzip } = await browserBundleSize(
    `export { createIdentifierFromRawId, getIdentifierRawId, serializeCommunicationIdentifier, deserializeCommunicationIdentifier, getIdentifierKind, isCommunicationUserIdentifier, isPhoneNumberIdentifier, isMicrosoftTeamsUserIdentifier, isMicrosoftTeamsAppIdentifier, isTeamsExtensionUserIdentifier, isUnknownIdentifier } from 'acs-common/identifiers';`,
  );
  expect(gzip).toBeGreaterThan(0);
  expect(gzip).toBeLessThanOrEqual(BUDGET_IN_BYTES);
});
