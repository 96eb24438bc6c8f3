/**
 * acs-emulator: a local Azure Communication Services stand-in (identities, access tokens, HMAC,
 * Entra exchange) for development and CI.
 */
export type { EmulatorOptions } from './options.js';
export { type RunningEmulator, startEmulator } from './start-emulator.js';
