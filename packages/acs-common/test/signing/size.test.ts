import { expect, it } from 'vitest';
import { browserBundleSize } from '../helpers/bundle-size.js';

// Byte budget for the browser bundle (esbuild, minified, gzip -9) of access-key signing from the
// BUILT package (build first): what an app that calls ACS with an access key bundles. Budget:
// measured size plus 10 % (issue 8): 4,389 bytes on 2026-12-01, with the caller-supplied crypto
// option and the clear errors for a runtime without WebCrypto or URL.
const BUDGET_IN_BYTES = 4828;

it(`bundles access-key signing in at most ${BUDGET_IN_BYTES} bytes gzipped`, async () => {
  const { gzip } = await browserBundleSize(
    "export { AzureKeyCredential, createCommunicationAccessKeyCredentialPolicy, createHmacHeaders, parseClientArguments } from 'acs-common/signing';",
  );
  expect(gzip).toBeGreaterThan(0);
  expect(gzip).toBeLessThanOrEqual(BUDGET_IN_BYTES);
});
