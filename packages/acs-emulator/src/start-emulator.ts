import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { removeStaleTemporaries } from './atomic-write.js';
import { loadCertificate, selfSignedCertificate, type TlsMaterial } from './certificate.js';
import type { EmulatorContext } from './context.js';
import { hmacSha256 } from './hmac-sha256.js';
import { createJwtSigner } from './jwt.js';
import { type EmulatorOptions, resolveOptions } from './options.js';
import { ROUTES } from './routes.js';
import { createRequestListener } from './server.js';
import { SnapshotWriter } from './snapshot-writer.js';
import { type EmulatorState, parseState, serializeState } from './state-file.js';
import { IdentityStore } from './store.js';

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

  let state = dataFile === undefined ? freshState() : await loadState(dataFile);
  const accessKey = resolved.accessKey ?? state.accessKey ?? randomBytes(64).toString('base64');
  if (resolved.accessKey === undefined && state.accessKey === null) state = { ...state, accessKey };
  const persistedState = state;
  const writer =
    dataFile === undefined ? undefined : new SnapshotWriter(dataFile, () => serializeState(persistedState));
  await writer?.commit(); // a fresh file, a new key: on disk before anyone can use them

  const secret = Buffer.from(state.signingSecret, 'base64');
  const derive = (label: string) => createHmac('sha256', secret).update(label).digest();
  const context: EmulatorContext = {
    resourceId: state.resourceId,
    store: state.store,
    commit: writer === undefined ? resolvedCommit : () => writer.commit(),
    accessKeyHmac: hmacSha256(Buffer.from(accessKey, 'base64')),
    acsSigner: createJwtSigner(derive('acs-access-token'), { kid: '1' }),
    entraSigner: createJwtSigner(derive('entra-access-token'), { kid: 'acs-emulator-entra' }),
    now: resolved.now,
    minTokenLifetimeInMinutes: resolved.minTokenLifetimeInMinutes,
    bodyLimitInBytes: resolved.bodyLimitInBytes,
    log,
  };

  let tls: TlsMaterial | undefined;
  if (resolved.tls.kind === 'files') tls = await loadCertificate(resolved.tls.certFile, resolved.tls.keyFile);
  else if (resolved.tls.kind === 'self-signed') {
    tls = await selfSignedCertificate({ host: resolved.host, dataPath: dataFile, nowTimestamp: Date.now() });
  }

  const listener = createRequestListener(context, ROUTES);
  const server: Server =
    tls === undefined ? createHttpServer(listener) : createHttpsServer({ cert: tls.cert, key: tls.key }, listener);
  try {
    await listen(server, resolved.port, resolved.host);
  } catch (error) {
    await tls?.dispose();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const endpoint = `${tls === undefined ? 'http' : 'https'}://${endpointHost(resolved.host)}:${port}/`;
  log(
    `listening on ${endpoint} (resource ${state.resourceId}, ${dataFile === undefined ? 'state in memory' : `state in ${dataFile}`})`,
  );

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await stop(server);
      await writer?.idle();
      await tls?.dispose();
      log('stopped');
    })();
    return closing;
  };

  const emulator = { endpoint, caCertPath: tls?.caCertPath ?? null, resourceId: state.resourceId, port, close };
  Object.defineProperties(emulator, {
    accessKey: { value: accessKey, enumerable: false },
    connectionString: { value: `endpoint=${endpoint};accesskey=${accessKey}`, enumerable: false },
  });
  return emulator as RunningEmulator;
}

const resolvedCommit = () => Promise.resolve();

function freshState(): EmulatorState {
  return {
    resourceId: randomUUID(),
    accessKey: null,
    signingSecret: randomBytes(32).toString('base64'),
    store: new IdentityStore(),
  };
}

async function loadState(dataFile: string): Promise<EmulatorState> {
  await mkdir(dirname(dataFile), { recursive: true });
  await removeStaleTemporaries(dataFile);
  let text: string;
  try {
    text = await readFile(dataFile, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return freshState();
    throw error;
  }
  return parseState(text, dataFile);
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
