import type { ApiFamily } from './api-versions.js';
import type { Handler } from './context.js';

/**
 * Route matching as a pure function of method and path. Patterns are lists of segments, a
 * segment in braces being a parameter. Action segments such as `:issueAccessToken` are literals.
 */

/** How a route authenticates its caller. */
export type AuthKind = 'hmac' | 'acsToken' | 'entraToken' | 'loopback';

/** One method on one path. */
export interface Route {
  readonly method: string;
  readonly pattern: readonly string[];
  /** Which `api-version` set applies; `null` for the emulator's own routes (no api-version). */
  readonly family: ApiFamily | null;
  readonly auth: AuthKind;
  readonly handle: Handler;
}

/** Result of matching. */
export type RouteMatch =
  | { readonly route: Route; readonly params: Readonly<Record<string, string>> }
  | { readonly status: 404 }
  | { readonly status: 405; readonly allow: readonly string[] };

/**
 * Finds the route for a method and a path (no query). Percent-encoded action segments
 * (`%3AissueAccessToken`) are accepted too.
 *
 * @example
 * ```ts
 * matchRoute(ROUTES, 'POST', '/identities/8:acs:r_x/:issueAccessToken');
 * // { route: …, params: { id: '8:acs:r_x' } }
 * ```
 */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  if (path.charCodeAt(0) !== 47 /* / */) return { status: 404 };
  const segments = path.slice(1).split('/');
  const allow: string[] = [];
  let params: Record<string, string> | undefined;
  for (const route of routes) {
    const found = matchSegments(route.pattern, segments);
    if (found === undefined) continue;
    if (route.method === method) return { route, params: found };
    params = found;
    allow.push(route.method);
  }
  return params === undefined ? { status: 404 } : { status: 405, allow };
}

function matchSegments(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  let params: Record<string, string> | undefined;
  for (let index = 0; index < pattern.length; index++) {
    const expected = pattern[index] as string;
    const actual = segments[index] as string;
    if (expected.charCodeAt(0) === 123 /* { */) {
      if (actual === '') return undefined;
      params ??= {};
      params[expected.slice(1, -1)] = actual;
    } else if (actual !== expected && !(actual.startsWith('%3') && decodesTo(actual, expected))) {
      return undefined;
    }
  }
  return params ?? NO_PARAMS;
}

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

function decodesTo(segment: string, expected: string): boolean {
  try {
    return decodeURIComponent(segment) === expected;
  } catch {
    return false;
  }
}
