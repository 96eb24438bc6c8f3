import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { type AuthEnvironment, AuthFailure, authenticate } from './auth/providers.js';
import { VerifiedTokens } from './auth/verified-tokens.js';
import { BodyDeadlines, parseJsonBody, readBody } from './body.js';
import { badRequest, errorBody, ServiceError } from './errors.js';
import type { EventBus, EventInput, ResourceEvent } from './events.js';
import type { ResolvedOptions } from './options.js';
import type { DeliveryInput, Outbound } from './outbound.js';
import type { RequestLog } from './request-log.js';
import { type CompiledRoute, compileRoutes, matchRoute, type RouteTable } from './router.js';
import { SchemaProblem } from './schema.js';
import type { Caller, HandlerRequest, HostView, Reply, RequestContext, ServiceDefinition, Signers } from './service.js';
import type { Collection, Store, Transaction } from './store/store.js';

/**
 * The host: the request pipeline every service's routes run in, and the same context for
 * background work. Per request: route (404/405) → api-version (400) → body (413/408) →
 * authentication (401/403) → scopes (403) → body schema (400/415) → handler, in a transaction →
 * commit (applied, then durable) → events and deliveries → reply → request log. Anything a
 * client sends ends in a 4xx; a 5xx means a bug or a failed disk write, and is logged.
 */

/** Distinct ACS tokens remembered as verified (a development resource uses a few dozen). */
const VERIFIED_TOKEN_CAPACITY = 1024;

/** What the host is made of. */
export interface HostParts {
  readonly services: readonly ServiceDefinition[];
  readonly store: Store;
  readonly options: ResolvedOptions;
  readonly resourceId: string;
  readonly accessKey: Uint8Array;
  readonly signers: Signers;
  readonly requestLog: RequestLog;
  readonly events: EventBus;
  readonly outbound: Outbound;
}

/**
 * A host: `listener` for `http(s).createServer`, and the `HostView` services get.
 *
 * @example
 * ```ts
 * const host = new Host(parts);
 * const server = https.createServer(tls, host.listener);
 * host.setEndpoint('https://127.0.0.1:10100/');
 * ```
 */
export class Host implements HostView {
  readonly store: Store;
  readonly requestLog: RequestLog;
  readonly events: EventBus;
  readonly outbound: Outbound;
  readonly options: ResolvedOptions;
  readonly resourceId: string;
  readonly services: readonly ServiceDefinition[];
  readonly signers: Signers;
  readonly #table: RouteTable;
  readonly #auth: AuthEnvironment;
  /** The clock of the request bodies being read. */
  readonly bodyDeadlines: BodyDeadlines;
  #endpoint = '';

  constructor(parts: HostParts) {
    this.store = parts.store;
    this.requestLog = parts.requestLog;
    this.events = parts.events;
    this.outbound = parts.outbound;
    this.options = parts.options;
    this.resourceId = parts.resourceId;
    this.services = parts.services;
    this.signers = parts.signers;
    this.#table = compileRoutes(parts.services);
    this.bodyDeadlines = new BodyDeadlines(parts.options.bodyTimeoutInMs);
    const now = parts.options.now;
    this.#auth = {
      store: parts.store,
      signers: parts.signers,
      accessKey: parts.accessKey,
      verifiedAcsTokens: new VerifiedTokens(VERIFIED_TOKEN_CAPACITY),
      now: () => now(),
    };
  }

  /** `https://127.0.0.1:PORT/`, known once listening. */
  get endpoint(): string {
    return this.#endpoint;
  }

  /** Sets the endpoint (after `listen`). */
  setEndpoint(endpoint: string): void {
    this.#endpoint = endpoint;
  }

  now(): number {
    return this.options.now();
  }

  log(message: string): void {
    this.options.log(message);
  }

  /** The request listener. */
  readonly listener = (incoming: IncomingMessage, response: ServerResponse): void => {
    const exchange = new Exchange(this, incoming, response);
    exchange.route(this.#table);
  };

  /** The auth environment (for the pipeline). */
  get authEnvironment(): AuthEnvironment {
    return this.#auth;
  }

  async transaction<T>(owner: string, work: (ctx: RequestContext) => T | Promise<T>): Promise<T> {
    const context = new Context(this, this.store.begin(owner));
    const result = await work(context);
    context.prepare();
    await this.store.commit(context.transaction);
    context.flush();
    return result;
  }
}

/** The request handlers see. A class, so every request shares one hidden class. */
class ReceivedRequest implements HandlerRequest {
  readonly method: string;
  readonly target: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: Buffer;
  readonly remoteAddress: string | undefined;
  readonly caller: Caller;
  body: unknown;
  #query: URLSearchParams | undefined;
  readonly #queryText: string;

  constructor(
    exchange: { method: string; target: string; path: string; queryText: string },
    params: Readonly<Record<string, string>>,
    incoming: IncomingMessage,
    rawBody: Buffer,
    caller: Caller,
  ) {
    this.method = exchange.method;
    this.target = exchange.target;
    this.path = exchange.path;
    this.#queryText = exchange.queryText;
    this.params = params;
    this.headers = incoming.headers;
    this.rawBody = rawBody;
    this.remoteAddress = incoming.socket.remoteAddress;
    this.caller = caller;
    this.body = undefined;
  }

  get query(): URLSearchParams {
    this.#query ??= new URLSearchParams(this.#queryText);
    return this.#query;
  }
}

/** A handler's (or background work's) context over one transaction. */
class Context implements RequestContext {
  readonly transaction: Transaction;
  readonly #host: Host;
  #events: EventInput[] | undefined;
  #deliveries: DeliveryInput[] | undefined;
  details: Record<string, unknown> | undefined;
  readonly state: { collection<T>(name: string): Collection<T> };

  constructor(host: Host, transaction: Transaction) {
    this.#host = host;
    this.transaction = transaction;
    this.state = transaction;
  }

  now(): number {
    return this.#host.options.now();
  }
  get resourceId(): string {
    return this.#host.resourceId;
  }
  get endpoint(): string {
    return this.#host.endpoint;
  }
  get options(): ResolvedOptions {
    return this.#host.options;
  }
  get signers(): Signers {
    return this.#host.signers;
  }
  get host(): HostView {
    return this.#host;
  }
  emit(event: EventInput): void {
    if (!this.#host.events.wants(event.type)) return; // nobody subscribes or watches: nothing to keep
    this.#events ??= [];
    this.#events.push(event);
  }
  deliver(delivery: DeliveryInput): void {
    this.#deliveries ??= [];
    this.#deliveries.push(delivery);
  }
  annotate(details: Readonly<Record<string, unknown>>): void {
    this.details = this.details === undefined ? details : { ...this.details, ...details };
  }
  log(message: string): void {
    this.#host.options.log(message);
  }

  #completed: ResourceEvent[] | undefined;

  /**
   * Before the commit: completes the emitted events (id, time, topic) and lets the recorders
   * (the events service) write their records of them into this same transaction.
   */
  prepare(): void {
    const host = this.#host;
    if (this.#events === undefined) return; // `emit` keeps only the events someone wants
    const eventTime = new Date(host.options.now()).toISOString(); // one per commit, shared by its events
    this.#completed = this.#events.map((input) => host.events.complete(input, eventTime));
    const as = (owner: string) => this.transaction.as(owner);
    for (const event of this.#completed) host.events.recordIn(event, as);
  }

  /** After the commit is durable: publish events, start deliveries. */
  flush(): void {
    const host = this.#host;
    if (this.#completed !== undefined) for (const event of this.#completed) host.events.publish(event);
    if (this.#deliveries !== undefined) for (const delivery of this.#deliveries) host.outbound.enqueue(delivery);
  }
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** One request's way through the pipeline. */
class Exchange {
  readonly #host: Host;
  readonly #incoming: IncomingMessage;
  readonly #response: ServerResponse;
  readonly method: string;
  readonly target: string;
  readonly path: string;
  readonly queryText: string;
  readonly #started = performance.now();
  #compiled: CompiledRoute | undefined;
  #caller: Caller | undefined;
  #outcome = 'routing';
  #context: Context | undefined;

  constructor(host: Host, incoming: IncomingMessage, response: ServerResponse) {
    this.#host = host;
    this.#incoming = incoming;
    this.#response = response;
    this.method = incoming.method ?? 'GET';
    this.target = incoming.url ?? '/';
    const queryStart = this.target.indexOf('?');
    this.path = queryStart < 0 ? this.target : this.target.slice(0, queryStart);
    this.queryText = queryStart < 0 ? '' : this.target.slice(queryStart + 1);
  }

  route(table: RouteTable): void {
    let compiled: CompiledRoute;
    let params: Readonly<Record<string, string>>;
    try {
      const match = matchRoute(table, this.method, this.path);
      if ('status' in match) {
        if (match.status === 404) throw new ServiceError(404, 'NotFound', 'No such route on this emulator.');
        throw new ServiceError(405, 'MethodNotAllowed', `Use ${match.allow.join(' or ')} on this route.`, {
          headers: { allow: match.allow.join(', ') },
        });
      }
      ({ compiled, params } = match);
      this.#compiled = compiled;
      this.#outcome = 'api-version';
      if (compiled.apiVersions !== null) checkApiVersion(compiled.apiVersions, this.queryText);
    } catch (error) {
      this.#fail(error);
      return;
    }
    this.#outcome = 'body';
    const limitInBytes = compiled.route.bodyLimitInBytes ?? this.#host.options.bodyLimitInBytes;
    readBody(this.#incoming, { limitInBytes, deadlines: this.#host.bodyDeadlines }, (error, body) => {
      if (error !== undefined) this.#fail(error);
      else this.#run(compiled, params, body);
    });
  }

  #run(compiled: CompiledRoute, params: Readonly<Record<string, string>>, rawBody: Buffer): void {
    const { route, service } = compiled;
    let result: Reply | Promise<Reply>;
    try {
      this.#outcome = 'auth';
      const caller = authenticate(
        route.auth,
        {
          method: this.method,
          target: this.target,
          headers: this.#incoming.headers,
          rawBody,
          remoteAddress: this.#incoming.socket.remoteAddress,
        },
        this.#host.authEnvironment,
      );
      this.#caller = caller;
      if (route.scopes !== undefined && caller.kind === 'acsToken') {
        const { scopes } = caller;
        if (!route.scopes.some((scope) => scopes.includes(scope))) {
          throw new ServiceError(
            403,
            'Forbidden',
            `The access token has none of the scopes this operation needs (${route.scopes.join(', ')}).`,
          );
        }
      }
      this.#outcome = 'validation';
      const request = new ReceivedRequest(this, params, this.#incoming, rawBody, caller);
      const json = parseJsonBody(this.#incoming.headers['content-type'], rawBody);
      if (route.body !== undefined) {
        if (json === undefined && route.body.optional !== true) {
          throw badRequest(route.badRequestCode ?? 'InvalidRequest', 'The request body is required.');
        }
        try {
          request.body = route.body.parse(json, '');
        } catch (error) {
          if (error instanceof SchemaProblem) {
            throw badRequest(route.badRequestCode ?? 'InvalidRequest', error.message, error.path || undefined);
          }
          throw error;
        }
      }
      this.#outcome = 'handler';
      const context = new Context(this.#host, this.#host.store.begin(service.name));
      this.#context = context;
      result = route.handle(request, context);
    } catch (error) {
      this.#fail(error);
      return;
    }
    if (result instanceof Promise)
      result.then(
        (settled) => this.#commit(settled),
        (error) => this.#fail(error),
      );
    else this.#commit(result);
  }

  #commit(reply: Reply): void {
    const context = this.#context as Context;
    this.#outcome = 'commit';
    try {
      context.prepare();
    } catch (error) {
      this.#fail(error);
      return;
    }
    const store = this.#host.store;
    const written = store.commit(context.transaction);
    if (store.isDurable()) {
      // Nothing on its way to disk (always so in memory): answer now, not a microtask later.
      this.#answer(context, reply);
      return;
    }
    written.then(
      () => this.#answer(context, reply),
      (error: unknown) => {
        this.#host.log(`state write failed: ${error instanceof Error ? error.message : String(error)}`);
        this.#fail(new ServiceError(500, 'StateWriteFailed', 'The emulator could not write its state; see its log.'));
      },
    );
  }

  /** The commit is durable: publish, start deliveries, reply (a reply Node refuses becomes a 500). */
  #answer(context: Context, reply: Reply): void {
    this.#outcome = 'ok';
    context.flush();
    try {
      this.#send(reply);
    } catch (error) {
      this.#fail(error);
    }
  }

  #send(reply: Reply): void {
    const response = this.#response;
    if (reply.stream !== undefined) {
      this.#record(200, undefined);
      reply.stream(response);
      return;
    }
    let bytes: string | Uint8Array | undefined;
    let contentType: string | undefined;
    if (reply.raw !== undefined) {
      bytes = reply.raw.bytes;
      contentType = reply.raw.contentType;
    } else if (reply.body !== undefined) {
      bytes = JSON.stringify(reply.body);
      contentType = JSON_TYPE;
    }
    // A flat [name, value, …] list (no object spread on this path).
    const headers: string[] = [];
    if (reply.headers !== undefined) {
      for (const name in reply.headers) headers.push(name, reply.headers[name] as string);
    }
    if (bytes !== undefined)
      headers.push('content-type', contentType as string, 'content-length', String(Buffer.byteLength(bytes)));
    response.writeHead(reply.status, headers).end(bytes);
    this.#record(reply.status, undefined);
  }

  #fail(error: unknown): void {
    let failure: ServiceError;
    if (error instanceof ServiceError) failure = error;
    else {
      this.#outcome = 'internal';
      this.#host.log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      failure = new ServiceError(500, 'InternalError', 'The emulator failed to handle the request; see its log.');
    }
    // Wait for writes already applied, so no answer (not even a refusal) rests on state a crash could lose.
    const store = this.#host.store;
    if (store.isDurable()) {
      this.#sendError(failure);
      return;
    }
    store.durable().then(
      () => this.#sendError(failure),
      () => this.#sendError(failure),
    );
  }

  #sendError(failure: ServiceError): void {
    const response = this.#response;
    this.#record(failure.status, failure);
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const json = errorBody(failure);
    response
      .writeHead(failure.status, {
        ...failure.headers,
        'content-type': JSON_TYPE,
        'content-length': String(Buffer.byteLength(json)),
      })
      .end(json);
  }

  #record(status: number, failure: ServiceError | undefined): void {
    const compiled = this.#compiled;
    const caller = this.#caller;
    const host = this.#host;
    host.requestLog.add({
      timestamp: host.options.now(),
      method: this.method,
      target: this.target,
      route: compiled === undefined ? null : compiled.route.path,
      service: compiled === undefined ? null : compiled.service.name,
      status,
      durationInMs: Math.round((performance.now() - this.#started) * 10) / 10,
      callerKind: caller === undefined ? null : caller.kind,
      identityId: caller !== undefined && caller.kind === 'acsToken' ? caller.identityId : undefined,
      outcome: failure === undefined ? 'ok' : this.#outcome,
      errorCode: failure?.code,
      reason: failure?.message,
      hmac: failure instanceof AuthFailure ? failure.hmac : undefined,
      details: this.#context?.details,
    });
  }
}

const API_VERSION_PREFIX = 'api-version=';

function checkApiVersion(supported: ReadonlySet<string>, query: string): void {
  let version: string | undefined;
  if (query.startsWith(API_VERSION_PREFIX) && !query.includes('&') && !query.includes('%') && !query.includes('+')) {
    version = query.slice(API_VERSION_PREFIX.length);
  } else {
    const versions = query === '' ? [] : new URLSearchParams(query).getAll('api-version');
    version = versions[0];
    if (version !== undefined && versions.some((other) => other !== version)) {
      throw badRequest(
        'InvalidApiVersionParameter',
        'The api-version query parameter is given twice with different values.',
      );
    }
  }
  if (version === undefined) {
    throw badRequest('MissingApiVersionParameter', 'The api-version query parameter is required.');
  }
  if (!supported.has(version)) {
    throw badRequest(
      'UnsupportedApiVersion',
      `The api-version '${version.slice(0, 40)}' is not supported on this route. Supported: ${[...supported].join(', ')}.`,
    );
  }
}
