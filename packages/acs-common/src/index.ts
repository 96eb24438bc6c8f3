export * from './credential/index.js';
export * from './entra/index.js';
// The full class (all three forms) from entra; this explicit export shadows the static/refresher-only
// class that the two `export *` lines would otherwise both offer.
export { AzureCommunicationTokenCredential } from './entra/index.js';
export * from './identifiers/index.js';
export * from './signing/index.js';
