import { defineService } from '../../host/service.js';
import { mintEntraTokenRoute } from './entra-token.js';

/**
 * The emulator's own test routes under `/emulator/` (loopback callers only, no api-version).
 *
 * @example
 * ```ts
 * import { service as emulatorRoutes } from './services/emulator/index.js';
 * ```
 */
export const service = defineService({
  name: 'emulator',
  apiVersions: null,
  routes: [mintEntraTokenRoute],
});
