import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A webhook receiver on loopback, as an app's Event Grid endpoint: it answers the validation
 * handshakes (Event Grid: echoes the validation code; CloudEvents: WebHook-Allowed-Origin), records
 * every notification, and can be told to fail, hang or refuse the handshake.
 */

/** One request received. */
export interface Received {
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** How the receiver behaves. */
export interface ReceiverBehaviour {
  /** Answer the handshake? Default true. */
  validate?: boolean;
  /** Refuse this many handshakes first (a receiver that is not ready yet). */
  refuseHandshakes?: number;
  /** Status for notification attempt number n (1-based); default 200. */
  status?: (attempt: number) => number;
  /** Never answer notifications (the handshake is still answered). */
  hang?: boolean;
}

/** A running receiver. */
export interface Receiver {
  readonly url: string;
  readonly requests: Received[];
  /** Notifications (not handshakes). */
  notifications(): Received[];
  /** Resolves when `predicate` holds for the notifications received so far. */
  until(predicate: (notifications: Received[]) => boolean): Promise<Received[]>;
  /** Notifications received and not answered (hanging). */
  readonly open: number;
  close(): Promise<void>;
}

/**
 * Starts a receiver.
 *
 * @example
 * ```ts
 * const receiver = await startReceiver({ status: (n) => (n < 3 ? 503 : 200) });
 * ```
 */
export async function startReceiver(behaviour: ReceiverBehaviour = {}): Promise<Receiver> {
  const requests: Received[] = [];
  const waiters = new Set<() => void>();
  const hanging = new Set<ServerResponse>();
  let attempts = 0;
  let handshakes = 0;
  const isHandshake = (request: Received) =>
    request.method === 'OPTIONS' || request.headers['aeg-event-type'] === 'SubscriptionValidation';
  const notifications = () => requests.filter((request) => !isHandshake(request));
  const server: Server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const received = {
        method: incoming.method ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      for (const wake of waiters) wake();
      if (isHandshake(received) && ++handshakes <= (behaviour.refuseHandshakes ?? 0)) {
        response.writeHead(503).end();
        return;
      }
      if (received.method === 'OPTIONS') {
        if (behaviour.validate === false) response.writeHead(403).end();
        else
          response
            .writeHead(200, { 'webhook-allowed-origin': String(incoming.headers['webhook-request-origin']) })
            .end();
        return;
      }
      if (received.headers['aeg-event-type'] === 'SubscriptionValidation') {
        const [event] = JSON.parse(received.body) as [{ data: { validationCode: string } }];
        const code = behaviour.validate === false ? 'wrong' : event.data.validationCode;
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ validationResponse: code }));
        return;
      }
      if (behaviour.hang === true) {
        hanging.add(response);
        response.on('close', () => hanging.delete(response));
        return;
      }
      attempts += 1;
      response.writeHead(behaviour.status?.(attempts) ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/events`,
    requests,
    notifications,
    get open() {
      return hanging.size;
    },
    until(predicate) {
      return new Promise((resolve) => {
        const check = () => {
          if (!predicate(notifications())) return;
          waiters.delete(check);
          resolve(notifications());
        };
        waiters.add(check);
        check();
      });
    },
    close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
