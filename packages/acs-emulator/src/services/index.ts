import type { ServiceDefinition } from '../host/service.js';
import { service as callAutomation } from './call-automation/index.js';
import { service as chat } from './chat/index.js';
import { service as dashboard } from './dashboard/index.js';
import { service as email } from './email/index.js';
import { service as emulator } from './emulator/index.js';
import { service as events } from './events/index.js';
import { service as identity } from './identity/index.js';
import { service as messages } from './messages/index.js';
import { service as phoneNumbers } from './phone-numbers/index.js';
import { service as rooms } from './rooms/index.js';
import { service as sms } from './sms/index.js';

/**
 * Every service of the emulator: the one place the host learns about them. Adding a service is
 * one folder under `services/` and one line here.
 *
 * @example
 * ```ts
 * new Host({ services: SERVICES, … });
 * ```
 */
export const SERVICES: readonly ServiceDefinition[] = [
  identity,
  chat,
  emulator,
  callAutomation,
  rooms,
  phoneNumbers,
  sms,
  email,
  messages,
  events,
  dashboard,
];
