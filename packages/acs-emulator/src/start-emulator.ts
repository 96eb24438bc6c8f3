import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { createJwtSigner } from './host/auth/jwt.js';
import { loadCertificate, selfSignedCertificate, type TlsMaterial } from './host/certificate.js';
import { EventBus } from './host/events.js';
import { type EmulatorOptions, resolveOptions } from './host/options.js';
import { Outbound } from './host/outbound.js';
import { RequestLog } from './host/request-log.js';
import { Host } from './host/server.js';
import type { HostView } from './host/service.js';
import { removeStaleTemporaries } from './host/store/atomic-write.js';
import { Journal, type ResourceIdentity } from './host/store/journal.js';
import { Store } from './host/store/store.js';
import { SERVICES } from './services/index.js';

/**
 * A running emulator. `connectionString` and `accessKey` are not enumerable, so logging the
 * object shows no key.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator();
 * process.env.NODE_EXTRA_CA_CERTS; // must be set before the client process starts: emulator.caCertPath
 * const client = new CommunicationIdentityClient(emulator.connectionString);
 * await emulator.close();
 * ```
 */
export interface RunningEmulator {
  /** `https://127.0.0.1:PORT/` (or `http://…` with `http: true`). */
  readonly endpoint: string;
  /** `endpoint=…;accesskey=…`, for `CommunicationIdentityClient`. */
  readonly connectionString: string;
  /** The access key (base64). */
  readonly accessKey: string;
  /** The certificate to trust (`NODE_EXTRA_CA_CERTS`); `null` when serving plain HTTP. */
  readonly caCertPath: string | null;
  /** The resource id embedded in identities (`8:acs:<resourceId>_…`). */
  readonly resourceId: string;
  /** The port listened on. */
  readonly port: number;
  /** The dashboard page, `{endpoint}emulator/` (loopback callers only). */
  readonly dashboard: string;
  /** The host (state, request log, events, outbound deliveries), for tests and tools. Not enumerable. */
  readonly host: HostView;
  /** Stops listening, waits for pending writes, removes a temporary certificate. Idempotent. */
  close(): Promise<void>;
}

/** How long `close()` lets open requests finish before cutting connections. */
const CLOSE_GRACE_IN_MS = 2_000;

/**
 * Starts an emulator and resolves once it listens.
 *
 * @example
 * ```ts
 * import { startEmulator } from 'acs-emulator';
 * import { CommunicationIdentityClient } from '@azure/communication-identity';
 *
 * const emulator = await startEmulator({ http: true }); // or HTTPS with NODE_EXTRA_CA_CERTS=emulator.caCertPath
 * const client = new CommunicationIdentityClient(emulator.connectionString);
 * // …
 * await emulator.close();
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const resolved = resolveOptions(options);
  const { dataFile, log } = resolved;

  const store = new Store();
  let resource: ResourceIdentity;
  let journal: Journal | undefined;
  const fresh = (): ResourceIdentity => ({
    resourceId: randomUUID(),
    accessKey: resolved.accessKey === undefined ? randomBytes(64).toString('base64') : null,
    signingSecret: randomBytes(32).toString('base64'),
  });
  if (dataFile === undefined) resource = fresh();
  else {
    await mkdir(dirname(dataFile), { recursive: true });
    await removeStaleTemporaries(dataFile);
    ({ journal, resource } = await Journal.open(dataFile, store, fresh));
    store.attach(journal);
  }
  const accessKey = resolved.accessKey ?? resource.accessKey ?? randomBytes(64).toString('base64');

  const secret = Buffer.from(resource.signingSecret, 'base64');
  const derive = (label: string) => createHmac('sha256', secret).update(label).digest();
  const outbound = new Outbound(
    {
      timeoutInMs: resolved.deliveryTimeoutInMs,
      maxAttempts: resolved.deliveryMaxAttempts,
      retryBaseDelayInMs: resolved.deliveryRetryDelayInMs,
      retryMaxDelayInMs: 60_000,
      allowedHosts: resolved.callbackHosts,
      historySize: 1000,
    },
    resolved.now,
    log,
  );
  const host = new Host({
    services: SERVICES,
    store,
    options: resolved,
    resourceId: resource.resourceId,
    accessKey: Buffer.from(accessKey, 'base64'),
    signers: {
      acs: createJwtSigner(derive('acs-access-token'), { kid: '1' }),
      entra: createJwtSigner(derive('entra-access-token'), { kid: 'acs-emulator-entra' }),
    },
    requestLog: new RequestLog(resolved.requestLogSize),
    events: new EventBus(resource.resourceId, log),
    outbound,
  });

  let tls: TlsMaterial | undefined;
  if (resolved.tls.kind === 'files') tls = await loadCertificate(resolved.tls.certFile, resolved.tls.keyFile);
  else if (resolved.tls.kind === 'self-signed') {
    tls = await selfSignedCertificate({ host: resolved.host, dataPath: dataFile, nowTimestamp: Date.now() });
  }

  const server: Server =
    tls === undefined
      ? createHttpServer(host.listener)
      : createHttpsServer({ cert: tls.cert, key: tls.key }, host.listener);
  try {
    await listen(server, resolved.port, resolved.host);
  } catch (error) {
    await tls?.dispose();
    await journal?.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const endpoint = `${tls === undefined ? 'http' : 'https'}://${endpointHost(resolved.host)}:${port}/`;
  host.setEndpoint(endpoint);
  const stops: Array<() => void | Promise<void>> = [];
  for (const service of SERVICES) {
    const stopService = service.start?.(host);
    if (typeof stopService === 'function') stops.push(stopService);
  }
  log(
    `listening on ${endpoint} (resource ${resource.resourceId}, ${dataFile === undefined ? 'state in memory' : `state in ${dataFile}`})`,
  );

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await stop(server);
      for (const stopService of stops) await stopService();
      outbound.close();
      await store.durable().catch(() => {});
      await journal?.close();
      await tls?.dispose();
      log('stopped');
    })();
    return closing;
  };

  const emulator = {
    endpoint,
    caCertPath: tls?.caCertPath ?? null,
    resourceId: resource.resourceId,
    port,
    dashboard: `${endpoint}emulator/`,
    close,
  };
  Object.defineProperties(emulator, {
    accessKey: { value: accessKey, enumerable: false },
    connectionString: { value: `endpoint=${endpoint};accesskey=${accessKey}`, enumerable: false },
    host: { value: host, enumerable: false },
  });
  return emulator as RunningEmulator;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function stop(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_IN_MS);
  timer.unref();
  await closed;
  clearTimeout(timer);
}

/** The host to put in the endpoint: a wildcard address is reached through loopback. */
function endpointHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '[::1]';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
