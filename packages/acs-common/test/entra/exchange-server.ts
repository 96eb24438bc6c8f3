import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query exactly as received. */
  readonly target: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** What the server answers: status, headers and a body (objects are sent as JSON). */
export interface Reply {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string | object;
  /** Answer only when this promise settles (for abort tests). */
  readonly hold?: Promise<unknown>;
}

export type ReplyFactory = (request: RecordedRequest, index: number) => Reply;

/**
 * A loopback stand-in for the ACS exchange endpoint: records every request, counts TCP
 * connections, and answers from a queue of replies (then from the default reply).
 */
export interface ExchangeServer {
  readonly origin: string;
  readonly requests: RecordedRequest[];
  /** TCP connections accepted so far. */
  readonly connections: number;
  /** Replies for the next requests, in order; afterwards `defaultReply` answers. */
  enqueue(...replies: Array<Reply | ReplyFactory>): void;
  defaultReply: ReplyFactory;
  close(): Promise<void>;
}

/** A 200 exchange reply. */
export function tokenReply(token: string, expiresOn: string | number, id = '8:acs:resource_user'): Reply {
  const expires = typeof expiresOn === 'number' ? new Date(expiresOn).toISOString() : expiresOn;
  return { status: 200, body: { identity: { id }, accessToken: { token, expiresOn: expires } } };
}

export async function startExchangeServer(
  options: { defaultReply?: ReplyFactory; tls?: { key: string; cert: string } } = {},
): Promise<ExchangeServer> {
  const requests: RecordedRequest[] = [];
  const queue: Array<Reply | ReplyFactory> = [];
  let connections = 0;
  const state: { defaultReply: ReplyFactory } = {
    defaultReply: options.defaultReply ?? (() => ({ status: 500, body: 'no reply configured' })),
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: RecordedRequest = {
        method: req.method ?? '',
        target: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const index = requests.length;
      requests.push(request);
      const next = queue.shift() ?? state.defaultReply;
      const reply = typeof next === 'function' ? next(request, index) : next;
      const send = () => {
        if (res.destroyed) return;
        const body =
          reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
        const contentType = typeof reply.body === 'object' ? { 'content-type': 'application/json' } : {};
        res.writeHead(reply.status, { ...contentType, ...reply.headers });
        res.end(body);
      };
      if (reply.hold === undefined) send();
      else reply.hold.then(send, send);
    });
  };

  const server: Server = options.tls ? createHttpsServer(options.tls, handler) : createHttpServer(handler);
  server.on(options.tls ? 'secureConnection' : 'connection', () => {
    connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    get connections() {
      return connections;
    },
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    get defaultReply() {
      return state.defaultReply;
    },
    set defaultReply(factory: ReplyFactory) {
      state.defaultReply = factory;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
