import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_VERSIONS, type ApiFamily } from './api-versions.js';
import { authenticate } from './auth.js';
import { readBody } from './body.js';
import type { EmulatorContext, EmulatorRequest } from './context.js';
import { badRequest, errorBody, HttpError } from './http-error.js';
import { matchRoute, type Route } from './router.js';

/**
 * The request pipeline: route (404/405) → api-version (400) → body (413) → authentication (401)
 * → handler (400/404/…) → JSON answer. Anything a client sends ends in a 4xx; a 5xx means a bug
 * or a failed disk write, and is logged.
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
  return (request, response) => {
    handle(context, routes, request, response).catch((error: unknown) => {
      context.log(`failed to answer a request: ${error instanceof Error ? error.message : String(error)}`);
      response.destroy();
    });
  };
}

const JSON_TYPE = 'application/json; charset=utf-8';

async function handle(
  context: EmulatorContext,
  routes: readonly Route[],
  incoming: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  try {
    const target = incoming.url ?? '/';
    const method = incoming.method ?? 'GET';
    const queryStart = target.indexOf('?');
    const match = matchRoute(routes, method, queryStart < 0 ? target : target.slice(0, queryStart));
    if ('status' in match) {
      if (match.status === 404) throw new HttpError(404, 'NotFound', 'No such route on this emulator.');
      throw new HttpError(405, 'MethodNotAllowed', `Use ${match.allow.join(' or ')} on this route.`, {
        allow: match.allow.join(', '),
      });
    }
    const { route, params } = match;
    if (route.family !== null) checkApiVersion(route.family, queryStart < 0 ? '' : target.slice(queryStart + 1));
    const request: EmulatorRequest = {
      method,
      target,
      params,
      headers: incoming.headers,
      body: await readBody(incoming, context.bodyLimitInBytes),
      remoteAddress: incoming.socket.remoteAddress,
    };
    const auth = authenticate(route.auth, context, request);
    const reply = await route.handle(context, request, auth);
    if (reply.body === undefined) {
      response.writeHead(reply.status).end();
    } else {
      const json = JSON.stringify(reply.body);
      response
        .writeHead(reply.status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(json) })
        .end(json);
    }
  } catch (error) {
    if (error instanceof HttpError) {
      sendError(response, error.status, error.code, error.message, error.headers);
    } else {
      context.log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      sendError(response, 500, 'InternalError', 'The emulator failed to handle the request; see its log.', {});
    }
  }
}

function checkApiVersion(family: ApiFamily, query: string): void {
  const versions = query === '' ? [] : new URLSearchParams(query).getAll('api-version');
  const version = versions[0];
  if (version === undefined) {
    throw badRequest('MissingApiVersionParameter', 'The api-version query parameter is required.');
  }
  if (versions.some((other) => other !== version)) {
    throw badRequest(
      'InvalidApiVersionParameter',
      'The api-version query parameter is given twice with different values.',
    );
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
