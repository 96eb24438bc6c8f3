import type { AnyRoute, ServiceDefinition } from './service.js';

/**
 * Route matching as a pure function of method and path. A pattern is a list of segments: a
 * literal (`threads`, `:issueAccessToken`), a parameter (`{threadId}`), or a parameter with a
 * literal suffix (`{callConnectionId}:terminate`, as Call Automation writes actions). Segments
 * are compared percent-decoded, so `%3AissueAccessToken` matches `:issueAccessToken` and
 * `8%3Aacs%3Ax` gives the parameter `8:acs:x`. When several patterns match, the one with the
 * most literal characters wins (`{id}:terminate` before `{id}`).
 */

/** A route with its compiled pattern and its service. */
export interface CompiledRoute {
  readonly route: AnyRoute;
  readonly service: ServiceDefinition;
  readonly segments: readonly Segment[];
  /** Accepted api-versions; `null`: none taken. */
  readonly apiVersions: ReadonlySet<string> | null;
}

type Segment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'param'; readonly name: string; readonly suffix: string };

/** Result of matching. */
export type RouteMatch =
  | { readonly compiled: CompiledRoute; readonly params: Readonly<Record<string, string>> }
  | { readonly status: 404 }
  | { readonly status: 405; readonly allow: readonly string[] };

/**
 * The compiled routes, most specific first, indexed by segment count and first segment so a
 * request is compared with the few routes that can match it, not with every route of every service.
 */
export interface RouteTable {
  readonly routes: readonly CompiledRoute[];
  /** `${segmentCount} ${firstSegment}` (or `${segmentCount} *` for a parameter first) → candidates. */
  readonly buckets: ReadonlyMap<string, readonly CompiledRoute[]>;
}

/**
 * Compiles every route of every service. Throws on two routes with the same method and pattern.
 *
 * @example
 * ```ts
 * const table = compileRoutes(SERVICES);
 * ```
 */
export function compileRoutes(services: readonly ServiceDefinition[]): RouteTable {
  const routes = compileAll(services);
  const buckets = new Map<string, CompiledRoute[]>();
  for (const compiled of routes) {
    const first = compiled.segments[0] as Segment;
    const count = compiled.segments.length;
    const keys =
      first.kind === 'literal'
        ? [`${count} ${first.text}`]
        : // A parameter first can match any first segment: it joins every bucket of its length.
          [`${count} *`, ...routes.flatMap((other) => bucketKeyOf(other, count))];
    for (const key of new Set(keys)) {
      let bucket = buckets.get(key);
      if (bucket === undefined) {
        bucket = [];
        buckets.set(key, bucket);
      }
      bucket.push(compiled);
    }
  }
  return { routes, buckets };
}

function bucketKeyOf(compiled: CompiledRoute, count: number): string[] {
  const first = compiled.segments[0] as Segment;
  return compiled.segments.length === count && first.kind === 'literal' ? [`${count} ${first.text}`] : [];
}

function compileAll(services: readonly ServiceDefinition[]): CompiledRoute[] {
  const compiled: Array<CompiledRoute & { score: number }> = [];
  const seen = new Set<string>();
  for (const service of services) {
    for (const route of service.routes) {
      const key = `${route.method} ${route.path}`;
      if (seen.has(key)) throw new Error(`Two routes for ${key} (service ${service.name}).`);
      seen.add(key);
      const segments = parsePattern(route.path);
      const versions = route.apiVersions === undefined ? service.apiVersions : route.apiVersions;
      compiled.push({
        route,
        service,
        segments,
        apiVersions: versions === null ? null : new Set(versions),
        score: segments.reduce((sum, s) => sum + (s.kind === 'literal' ? s.text.length : s.suffix.length), 0),
      });
    }
  }
  return compiled.sort((a, b) => b.score - a.score);
}

function parsePattern(path: string): Segment[] {
  if (!path.startsWith('/')) throw new Error(`Route path '${path}' must start with '/'.`);
  return path
    .slice(1)
    .split('/')
    .map((text) => {
      const match = /^\{([A-Za-z][A-Za-z0-9]*)\}(.*)$/.exec(text);
      return match === null
        ? { kind: 'literal', text }
        : { kind: 'param', name: match[1] as string, suffix: match[2] as string };
    });
}

/**
 * Finds the route for a method and a path (no query).
 *
 * @example
 * ```ts
 * matchRoute(table, 'POST', '/identities/8:acs:r_x/:issueAccessToken');
 * // { compiled: …, params: { id: '8:acs:r_x' } }
 * ```
 */
export function matchRoute(table: RouteTable, method: string, path: string): RouteMatch {
  if (path.charCodeAt(0) !== 47 /* / */) return { status: 404 };
  const raw = path.slice(1).split('/');
  const segments: string[] = [];
  for (const segment of raw) {
    if (!segment.includes('%')) segments.push(segment);
    else {
      try {
        segments.push(decodeURIComponent(segment));
      } catch {
        segments.push(segment); // malformed encoding: no literal matches it; a parameter takes it as sent
      }
    }
  }
  const candidates =
    table.buckets.get(`${segments.length} ${segments[0]}`) ?? table.buckets.get(`${segments.length} *`) ?? [];
  const allow: string[] = [];
  let found = false;
  for (const compiled of candidates) {
    const params = matchSegments(compiled.segments, segments);
    if (params === undefined) continue;
    if (compiled.route.method === method) return { compiled, params };
    found = true;
    if (!allow.includes(compiled.route.method)) allow.push(compiled.route.method);
  }
  return found ? { status: 405, allow } : { status: 404 };
}

function matchSegments(pattern: readonly Segment[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  let params: Record<string, string> | undefined;
  for (let index = 0; index < pattern.length; index++) {
    const expected = pattern[index] as Segment;
    const actual = segments[index] as string;
    if (expected.kind === 'literal') {
      if (actual !== expected.text) return undefined;
      continue;
    }
    if (!actual.endsWith(expected.suffix) || actual.length === expected.suffix.length) return undefined;
    params ??= {};
    params[expected.name] = expected.suffix === '' ? actual : actual.slice(0, -expected.suffix.length);
  }
  return params ?? NO_PARAMS;
}

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});
