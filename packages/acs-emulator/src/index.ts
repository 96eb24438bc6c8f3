/**
 * acs-emulator: a local Azure Communication Services resource for development and CI — the
 * official clients, unmodified, against a host of emulated services.
 */
export type { EmulatorOptions } from './host/options.js';
export type { HostView } from './host/service.js';
export { type RunningEmulator, startEmulator } from './start-emulator.js';
