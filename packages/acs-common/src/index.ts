export * from './credential/index.js';
export * from './entra/index.js';
export * from './identifiers/index.js';
export * from './signing/index.js';
