import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNodeJson } from '../lib/child.mjs';
import { row } from '../lib/row.mjs';

const CHILD = fileURLToPath(new URL('./entra-child.mjs', import.meta.url));

/**
 * (f) `getToken()` on a cached Entra-exchanged token. The official credential refuses plain http,
 * so both run in a child process against a loopback HTTPS server whose self-signed certificate
 * (made here with openssl) the child trusts through NODE_EXTRA_CA_CERTS.
 */
export async function entraCachedGetToken() {
  const dir = mkdtempSync(join(tmpdir(), 'acs-bench-tls-'));
  try {
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1']
        .concat(['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'])
        .concat(['-keyout', key, '-out', cert]),
      { stdio: 'ignore' },
    );
    const result = await runNodeJson([CHILD], {
      env: { NODE_EXTRA_CA_CERTS: cert, ENTRA_BENCH_CERT: cert, ENTRA_BENCH_KEY: key },
    });
    return [
      row({
        id: 'f',
        name: 'getToken, cached (Entra form)',
        unit: 'ns/op',
        ours: result.ours,
        official: result.official,
        note: `loopback HTTPS; ${result.exchanges} exchanges in all`,
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
