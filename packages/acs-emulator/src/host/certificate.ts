import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atomicWriteFile } from './store/atomic-write.js';

/**
 * The TLS certificate: the user's own (`--cert/--key`), or a self-signed one for `localhost`,
 * `127.0.0.1` and `::1` (plus the listening host when it is another name), made with `selfsigned`.
 * Beside `--data` it is kept and reused while it is valid for more than a day and covers the host;
 * otherwise it lives in a temporary folder removed on close.
 */

/** A certificate ready for `https.createServer`. */
export interface TlsMaterial {
  readonly cert: string;
  readonly key: string;
  /** Where the certificate is, for `NODE_EXTRA_CA_CERTS`. */
  readonly caCertPath: string;
  /** Removes what was created only for this run. */
  dispose(): Promise<void>;
}

const DAY_IN_MS = 24 * 60 * 60 * 1000;
const LIFETIME_IN_MS = 365 * DAY_IN_MS;

/**
 * Loads the user's certificate and key.
 *
 * @example
 * ```ts
 * const tls = await loadCertificate('cert.pem', 'key.pem');
 * ```
 */
export async function loadCertificate(certPath: string, keyPath: string): Promise<TlsMaterial> {
  const [cert, key] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
  return { cert, key, caCertPath: certPath, dispose: async () => {} };
}

/**
 * A self-signed certificate for the loopback names (and `host`), reused from beside `dataPath`
 * when possible.
 *
 * @example
 * ```ts
 * const tls = await selfSignedCertificate({ host: '127.0.0.1', dataPath: undefined, nowTimestamp: Date.now() });
 * // tls.caCertPath → /tmp/acs-emulator-XXXXXX/cert.pem
 * ```
 */
export async function selfSignedCertificate(options: {
  host: string;
  dataPath: string | undefined;
  nowTimestamp: number;
}): Promise<TlsMaterial> {
  const { host, dataPath, nowTimestamp } = options;
  if (dataPath !== undefined) {
    const certPath = `${dataPath}.cert.pem`;
    const keyPath = `${dataPath}.key.pem`;
    const existing = await readReusable(certPath, keyPath, host, nowTimestamp);
    if (existing !== undefined) return existing;
    const fresh = await generate(host, nowTimestamp);
    await atomicWriteFile(keyPath, fresh.key);
    await atomicWriteFile(certPath, fresh.cert);
    return { ...fresh, caCertPath: certPath, dispose: async () => {} };
  }
  const directory = await mkdtemp(join(tmpdir(), 'acs-emulator-'));
  const fresh = await generate(host, nowTimestamp);
  const caCertPath = join(directory, 'cert.pem');
  await atomicWriteFile(caCertPath, fresh.cert);
  return { ...fresh, caCertPath, dispose: () => rm(directory, { recursive: true, force: true }) };
}

async function readReusable(
  certPath: string,
  keyPath: string,
  host: string,
  nowTimestamp: number,
): Promise<TlsMaterial | undefined> {
  let cert: string;
  let key: string;
  try {
    [cert, key] = await Promise.all([readFile(certPath, 'utf8'), readFile(keyPath, 'utf8')]);
    const x509 = new X509Certificate(cert);
    const validUntil = Date.parse(x509.validTo);
    if (!(validUntil - nowTimestamp > DAY_IN_MS) || !covers(x509, host)) return undefined;
  } catch {
    return undefined; // missing or unreadable: make a new one
  }
  return { cert, key, caCertPath: certPath, dispose: async () => {} };
}

function covers(x509: X509Certificate, host: string): boolean {
  const name = certificateName(host);
  if (name === undefined) return true;
  return isIP(name) ? x509.checkIP(name) !== undefined : x509.checkHost(name) !== undefined;
}

/** The extra name to certify for a listening host, if any (wildcard addresses need none). */
function certificateName(host: string): string | undefined {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return bare === '' || bare === '0.0.0.0' || bare === '::' ? undefined : bare;
}

async function generate(host: string, nowTimestamp: number): Promise<{ cert: string; key: string }> {
  const { generate: generateSelfSigned } = await import('selfsigned');
  type AltName = { type: 2; value: string } | { type: 7; ip: string };
  const altNames: AltName[] = [
    { type: 2, value: 'localhost' },
    { type: 7, ip: '127.0.0.1' },
    { type: 7, ip: '::1' },
  ];
  const extra = certificateName(host);
  if (extra !== undefined && extra !== 'localhost' && extra !== '127.0.0.1' && extra !== '::1') {
    altNames.push(isIP(extra) ? { type: 7, ip: extra } : { type: 2, value: extra });
  }
  const pems = await generateSelfSigned([{ name: 'commonName', value: 'acs-emulator' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(nowTimestamp - 60_000),
    notAfterDate: new Date(nowTimestamp + LIFETIME_IN_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
