import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { API_VERSIONS, type ApiFamily } from './api-versions.js';
import { authenticate } from './auth.js';
import { readBody } from './body.js';
import type { EmulatorContext, EmulatorRequest, Reply } from './context.js';
import { badRequest, errorBody, HttpError } from './http-error.js';
import { matchRoute, type Route } from './router.js';

/**
 * The request pipeline: route (404/405) → api-version (400) → body (413) → authentication (401)
 * → handler (400/404/…) → JSON answer. Anything a client sends ends in a 4xx; a 5xx means a bug
 * or a failed disk write, and is logged. Written with callbacks and synchronous steps, not
 * `async` functions, because it runs on every request (see bench/load.mjs).
 *
 * @example
 * ```ts
 * const server = http.createServer(createRequestListener(context, ROUTES));
 * ```
 */
export function createRequestListener(
  context: EmulatorContext,
  routes: readonly Route[],
): (request: IncomingMessage, response: ServerResponse) => void {
  return (incoming, response) => {
    const fail = (error: unknown) => sendFailure(context, response, error);
    let route: Route;
    let params: Readonly<Record<string, string>>;
    const target = incoming.url ?? '/';
    const method = incoming.method ?? 'GET';
    try {
      const queryStart = target.indexOf('?');
      const match = matchRoute(routes, method, queryStart < 0 ? target : target.slice(0, queryStart));
      if ('status' in match) {
        if (match.status === 404) throw new HttpError(404, 'NotFound', 'No such route on this emulator.');
        throw new HttpError(405, 'MethodNotAllowed', `Use ${match.allow.join(' or ')} on this route.`, {
          allow: match.allow.join(', '),
        });
      }
      ({ route, params } = match);
      if (route.family !== null) checkApiVersion(route.family, queryStart < 0 ? '' : target.slice(queryStart + 1));
    } catch (error) {
      fail(error);
      return;
    }
    readBody(incoming, context.bodyLimitInBytes, (bodyError, body) => {
      if (bodyError !== undefined) {
        fail(bodyError);
        return;
      }
      try {
        const request = new ReceivedRequest(method, target, params, incoming, body);
        const reply = route.handle(context, request, authenticate(route.auth, context, request));
        if (reply instanceof Promise) reply.then((settled) => send(response, settled), fail);
        else send(response, reply);
      } catch (error) {
        fail(error);
      }
    });
  };
}

/**
 * The request handlers see. A class, not an object literal with a `get remoteAddress()`: a
 * literal with an accessor gets a fresh hidden class per request, and that long-lived hidden class
 * keeps the getter's closure (request, response, socket) alive through every young-generation
 * collection until the next full one. Under load that promoted ~5 KB per request and made
 * scavenges ~20× slower. A prototype getter shares one hidden class.
 */
class ReceivedRequest implements EmulatorRequest {
  readonly method: string;
  readonly target: string;
  readonly params: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly #incoming: IncomingMessage;

  constructor(
    method: string,
    target: string,
    params: Readonly<Record<string, string>>,
    incoming: IncomingMessage,
    body: Buffer,
  ) {
    this.method = method;
    this.target = target;
    this.params = params;
    this.headers = incoming.headers;
    this.body = body;
    this.#incoming = incoming;
  }

  get remoteAddress(): string | undefined {
    return this.#incoming.socket.remoteAddress;
  }
}

const JSON_TYPE = 'application/json; charset=utf-8';
const API_VERSION_PREFIX = 'api-version=';

function send(response: ServerResponse, reply: Reply): void {
  if (reply.json === undefined && reply.body === undefined) {
    response.writeHead(reply.status).end();
    return;
  }
  const json = reply.json ?? JSON.stringify(reply.body);
  response
    .writeHead(reply.status, ['content-type', JSON_TYPE, 'content-length', String(Buffer.byteLength(json))])
    .end(json);
}

function sendFailure(context: EmulatorContext, response: ServerResponse, error: unknown): void {
  if (error instanceof HttpError) {
    sendError(response, error.status, error.code, error.message, error.headers);
    return;
  }
  context.log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  sendError(response, 500, 'InternalError', 'The emulator failed to handle the request; see its log.', {});
}

function checkApiVersion(family: ApiFamily, query: string): void {
  let version: string | undefined;
  // Fast path for the usual `?api-version=X`; anything else goes through URLSearchParams.
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
  const supported = API_VERSIONS[family];
  if (!supported.has(version)) {
    throw badRequest(
      'UnsupportedApiVersion',
      `The api-version '${version.slice(0, 40)}' is not supported on this route. Supported: ${[...supported].join(', ')}.`,
    );
  }
}

function sendError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Readonly<Record<string, string>>,
): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const json = errorBody(code, message);
  response
    .writeHead(status, { ...headers, 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(json) })
    .end(json);
}
