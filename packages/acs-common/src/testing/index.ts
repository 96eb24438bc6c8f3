export { FakeTokenCredential, type FakeTokenCredentialCall } from './fake-token-credential.js';
export { ManualClock } from './manual-clock.js';
export { createTestToken, type TestTokenOptions } from './test-token.js';
