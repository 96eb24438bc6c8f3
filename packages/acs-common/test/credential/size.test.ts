import { describe, expect, it } from 'vitest';
import { browserBundleSize } from '../helpers/bundle-size.js';

// Deterministic byte budgets for the browser bundle (esbuild, minified, gzip -9) of the built
// package. Official 2.5.0: 18,527 bytes for the credential (js-common §2). Budget: measured size
// plus 10 % (issue 8): 3,718 bytes after the one AccessToken guard, the JWT iat rule and the clock
// check (2026-12-01).
describe('bundle size', () => {
  it('the credential alone (static and refresher forms) is at most 4,090 bytes gzipped', async () => {
    const size = await browserBundleSize("export { AzureCommunicationTokenCredential } from 'acs-common/credential';");
    expect(size.gzip).toBeLessThanOrEqual(4090);
  });
});
