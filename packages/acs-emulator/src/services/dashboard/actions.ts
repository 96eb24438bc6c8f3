import type { ActionName, ActionView } from './api-types.js';

/**
 * The developer actions and the routes that carry them. The dashboard never fakes an action: it
 * looks for the route among the registered services' loopback routes, and shows the action
 * disabled, with a note, when no service provides it.
 */

/** A route as the action finder sees it. */
export interface RouteSummary {
  readonly method: string;
  readonly path: string;
  readonly auth: readonly string[];
}

interface ActionSpec {
  readonly name: ActionName;
  readonly method: string;
  /** Matches the route's path; `{…}` parameters are reported as `{id}`. */
  readonly pattern: RegExp;
  readonly expected: string;
  readonly owner: string;
}

const SPECS: readonly ActionSpec[] = [
  {
    name: 'smsInbound',
    method: 'POST',
    pattern: /^\/emulator\/sms\/inbound$/,
    expected: 'POST /emulator/sms/inbound',
    owner: 'sms',
  },
  {
    name: 'incomingCall',
    method: 'POST',
    pattern: /^\/emulator\/calls\/incoming$/,
    expected: 'POST /emulator/calls/incoming',
    owner: 'call-automation',
  },
  {
    name: 'recognize',
    method: 'POST',
    pattern: /^\/emulator\/calls\/\{[A-Za-z0-9]+\}\/recognize$/,
    expected: 'POST /emulator/calls/{callConnectionId}/recognize',
    owner: 'call-automation',
  },
  {
    name: 'replayDelivery',
    method: 'POST',
    pattern: /^\/emulator\/(?:api\/)?deliveries\/\{[A-Za-z0-9]+\}(?::replay|\/replay|\/:replay)$/,
    expected: 'POST /emulator/deliveries/{id}:replay',
    owner: 'host',
  },
  {
    name: 'revokeTokens',
    method: 'POST',
    pattern: /^\/emulator\/identities\/\{[A-Za-z0-9]+\}(?::revokeAccessTokens|\/:revokeAccessTokens|\/revoke)$/,
    expected: 'POST /emulator/identities/{id}/:revokeAccessTokens',
    owner: 'identity',
  },
];

/**
 * Each action with its route (`{param}` renamed `{id}` for the page) or why it is disabled.
 * Only routes that loopback callers may use count: the page has no key and no token.
 *
 * @example
 * ```ts
 * findActions([{ method: 'POST', path: '/emulator/sms/inbound', auth: ['loopback'] }])[0]?.available; // true
 * ```
 */
export function findActions(routes: readonly RouteSummary[]): ActionView[] {
  return SPECS.map((spec): ActionView => {
    const route = routes.find(
      (candidate) =>
        candidate.method === spec.method && spec.pattern.test(candidate.path) && candidate.auth.includes('loopback'),
    );
    if (route === undefined) {
      return {
        name: spec.name,
        method: spec.method,
        path: spec.expected.replace(/^\S+ /, ''),
        available: false,
        note: `Not on this emulator yet: needs ${spec.expected} (a loopback route of the ${spec.owner} service).`,
      };
    }
    return {
      name: spec.name,
      method: route.method,
      path: route.path.replace(/\{[A-Za-z0-9]+\}/g, '{id}'),
      available: true,
      note: null,
    };
  });
}
