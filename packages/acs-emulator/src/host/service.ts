import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { JwtSigner } from './auth/jwt.js';
import type { EventBus, EventInput } from './events.js';
import type { ResolvedOptions } from './options.js';
import type { DeliveryInput, Outbound } from './outbound.js';
import type { RequestLog } from './request-log.js';
import type { Schema } from './schema.js';
import type { Collection, Store } from './store/store.js';

/**
 * How a service plugs into the host: a `ServiceDefinition` (name, api-versions, collections,
 * routes, optional background work) made of `defineRoute` routes. The host knows services only
 * through this shape and the one list in `services/index.ts`.
 */

/** The auth providers a route may accept (host/auth/providers.ts). */
export type AuthName = 'hmac' | 'acsToken' | 'entraAdmin' | 'entraExchange' | 'loopback';

/** Who the caller proved to be, by provider. */
export interface Callers {
  readonly hmac: { readonly kind: 'hmac' };
  readonly acsToken: {
    readonly kind: 'acsToken';
    readonly identityId: string;
    readonly scopes: readonly string[];
    readonly expiresOnTimestamp: number;
    readonly revision: number;
  };
  readonly entraAdmin: { readonly kind: 'entraAdmin'; readonly objectId: string; readonly tenantId: string };
  readonly entraExchange: {
    readonly kind: 'entraExchange';
    readonly objectId: string;
    readonly tenantId: string;
    readonly family: 'entra' | 'teamsExtension';
    readonly scopeNames: readonly string[];
    readonly expiresOnTimestamp: number;
  };
  readonly loopback: { readonly kind: 'loopback' };
}

/** Any caller. */
export type Caller = Callers[AuthName];

/** What a handler receives. */
export interface HandlerRequest<C extends Caller = Caller, B = unknown> {
  readonly method: string;
  /** Path and query exactly as received. */
  readonly target: string;
  /** The path (no query), as received. */
  readonly path: string;
  /** Path parameters, percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The validated body (`undefined` for routes without a body schema). */
  readonly body: B;
  /** The exact body bytes. */
  readonly rawBody: Buffer;
  readonly caller: C;
  readonly remoteAddress: string | undefined;
}

/** Signing keys of the resource (the identity service mints tokens with them). */
export interface Signers {
  readonly acs: JwtSigner;
  readonly entra: JwtSigner;
}

/** What the host offers to handlers and background work. */
export interface RequestContext {
  /** The emulator clock, epoch ms. */
  now(): number;
  readonly resourceId: string;
  /** `https://127.0.0.1:PORT/` — for `nextLink`, `Operation-Location`, `Location`. */
  readonly endpoint: string;
  readonly options: ResolvedOptions;
  /** This request's transaction: reads see its own writes; writes apply after the handler returns. */
  readonly state: { collection<T>(name: string): Collection<T> };
  /** Publishes an event to the host's event bus once the transaction is durable (dropped if nobody takes its type). */
  emit(event: EventInput): void;
  /** Queues an outbound POST (webhook, callback) once the transaction is durable. */
  deliver(delivery: DeliveryInput): void;
  /** Adds safe details to this request's log entry (never a secret). */
  annotate(details: Readonly<Record<string, unknown>>): void;
  readonly signers: Signers;
  log(message: string): void;
  /** The host itself, for the emulator's own routes (dashboard). */
  readonly host: HostView;
}

/** The host as background work and the emulator's own routes see it. */
export interface HostView {
  readonly store: Store;
  readonly requestLog: RequestLog;
  readonly events: EventBus;
  readonly outbound: Outbound;
  readonly options: ResolvedOptions;
  readonly resourceId: string;
  readonly endpoint: string;
  /** The services, as registered. */
  readonly services: readonly ServiceDefinition[];
  /** Runs `work` in a transaction like a request's and commits it (durably) before resolving. */
  transaction<T>(owner: string, work: (ctx: RequestContext) => T | Promise<T>): Promise<T>;
  now(): number;
  log(message: string): void;
}

/** An answer. */
export interface Reply {
  readonly status: number;
  /** A JSON body. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** A non-JSON body (takes precedence over `body`). */
  readonly raw?: { readonly bytes: string | Uint8Array; readonly contentType: string };
  /** Takes over the response (Server-Sent Events); the host writes nothing itself. */
  readonly stream?: (response: ServerResponse) => void;
}

/**
 * A JSON reply (or an empty one without `body`).
 *
 * @example
 * ```ts
 * return reply(201, { id }, { location: `${ctx.endpoint}rooms/${id}` });
 * ```
 */
export function reply(status: number, body?: unknown, headers?: Readonly<Record<string, string>>): Reply {
  return { status, body, headers }; // a literal, not conditional spreads: this runs on every request
}

/**
 * A non-JSON reply.
 *
 * @example
 * ```ts
 * return rawReply(200, html, 'text/html; charset=utf-8', { 'content-security-policy': "default-src 'self'" });
 * ```
 */
export function rawReply(
  status: number,
  bytes: string | Uint8Array,
  contentType: string,
  headers?: Readonly<Record<string, string>>,
): Reply {
  return { status, raw: { bytes, contentType }, ...(headers === undefined ? {} : { headers }) };
}

/**
 * A reply that takes over the response (for Server-Sent Events).
 *
 * @example
 * ```ts
 * return streamReply((response) => { response.writeHead(200, { 'content-type': 'text/event-stream' }); … });
 * ```
 */
export function streamReply(stream: (response: ServerResponse) => void): Reply {
  return { status: 200, stream };
}

/** HTTP methods the host routes. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** A route as written by a service. */
export interface RouteDefinition<A extends AuthName = AuthName, B = undefined> {
  readonly method: Method;
  /** `/chat/threads/{threadId}`; `:action` segments (or `{id}:action` suffixes) are literal. */
  readonly path: string;
  /** Providers accepted (any of them). */
  readonly auth: readonly A[];
  /** For `acsToken`: the token needs one of these scopes (403 otherwise). */
  readonly scopes?: readonly string[];
  /** Accepted api-versions; default the service's; `null`: the route takes none. */
  readonly apiVersions?: readonly string[] | null;
  /** The JSON body; without it a body is parsed (if any) and ignored. An `optional(…)` schema allows an empty body. */
  readonly body?: Schema<B>;
  /** The error code of a body that fails the schema. Default `InvalidRequest`. */
  readonly badRequestCode?: string;
  /** Largest body this route takes; default the `bodyLimitInBytes` option. */
  readonly bodyLimitInBytes?: number;
  handle(request: HandlerRequest<Callers[A], B>, ctx: RequestContext): Reply | Promise<Reply>;
}

/** A route with its types erased, as the host stores it. */
export type AnyRoute = RouteDefinition<AuthName, unknown>;

/**
 * Declares a route; the caller and body types flow into `handle`.
 *
 * @example
 * ```ts
 * export const getThread = defineRoute({
 *   method: 'GET', path: '/chat/threads/{threadId}', auth: ['acsToken'], scopes: CHAT_SCOPES,
 *   handle: (request, ctx) => reply(200, view(ctx, request.params.threadId)),
 * });
 * ```
 */
export function defineRoute<const A extends AuthName, B = undefined>(route: RouteDefinition<A, B>): AnyRoute {
  return route as unknown as AnyRoute;
}

/** A service. */
export interface ServiceDefinition {
  /** Folder name; the prefix of its collections (`chat` → `chat.threads`). */
  readonly name: string;
  /** api-versions its routes accept unless a route says otherwise. */
  readonly apiVersions: readonly string[] | null;
  /** Collection names it owns, without the prefix. */
  readonly collections?: readonly string[];
  readonly routes: readonly AnyRoute[];
  /** Background work after the host is listening; may return a stop function. */
  start?(host: HostView): void | (() => void | Promise<void>);
}

/**
 * Declares a service.
 *
 * @example
 * ```ts
 * export const service = defineService({ name: 'rooms', apiVersions: ['2025-03-13'], collections: ['rooms'], routes });
 * ```
 */
export function defineService(service: ServiceDefinition): ServiceDefinition {
  return service;
}
