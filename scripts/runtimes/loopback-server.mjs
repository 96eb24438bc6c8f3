// The matrix's one loopback HTTP server: the test project's files (pages, bundles, the unbundled
// package for import maps), the Entra exchange route, and a one-package npm registry serving the
// packed tarball (for Deno's `npm:` specifiers). Listens on 127.0.0.1 only.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};

/**
 * Starts the server. `root`: the folder served under `/`; `tarball`: the packed package;
 * `manifest`: its package.json; `createToken()`: the ACS token each exchange returns.
 * Resolves to `{ origin, exchanges, registry, close() }`; `exchanges` records every exchange request,
 * `registry.tarballDownloads` counts the tarball's downloads.
 */
export async function startLoopbackServer({ root, tarball, manifest, createToken }) {
  const exchanges = [];
  const registry = { tarballDownloads: 0 };
  const tarballBytes = readFileSync(tarball);
  const tarballName = `${manifest.name}-${manifest.version}.tgz`;
  let origin;
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url, 'http://127.0.0.1');
      const cors = { 'access-control-allow-origin': '*' };
      if (url.pathname === '/access/entra/:exchangeAccessToken' && request.method === 'POST') {
        const token = createToken();
        exchanges.push({
          apiVersion: url.searchParams.get('api-version'),
          authorization: request.headers.authorization?.replace(/^Bearer .*/, 'Bearer <redacted>'),
          contentType: request.headers['content-type'],
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const expiresOn = new Date(Date.now() + 60 * 60_000).toISOString();
        response
          .writeHead(200, { 'content-type': 'application/json', ...cors })
          .end(JSON.stringify({ identity: { id: '8:acs:runtime-matrix' }, accessToken: { token, expiresOn } }));
        return;
      }
      if (request.method === 'OPTIONS') {
        response
          .writeHead(204, { ...cors, 'access-control-allow-headers': '*', 'access-control-allow-methods': 'POST' })
          .end();
        return;
      }
      // The registry: the packument of the one package, and its tarball.
      if (url.pathname === `/${manifest.name}`) {
        const version = {
          ...manifest,
          dist: {
            tarball: `${origin}/${manifest.name}/-/${tarballName}`,
            shasum: createHash('sha1').update(tarballBytes).digest('hex'),
            integrity: `sha512-${createHash('sha512').update(tarballBytes).digest('base64')}`,
          },
        };
        response.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            name: manifest.name,
            'dist-tags': { latest: manifest.version },
            versions: { [manifest.version]: version },
          }),
        );
        return;
      }
      if (url.pathname === `/${manifest.name}/-/${tarballName}`) {
        registry.tarballDownloads++;
        response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(tarballBytes);
        return;
      }
      const file = normalize(join(root, decodeURIComponent(url.pathname)));
      if (request.method === 'GET' && file.startsWith(root)) {
        const path = url.pathname.endsWith('/') ? join(file, 'index.html') : file;
        try {
          if (statSync(path).isFile()) {
            response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', ...cors });
            response.end(readFileSync(path));
            return;
          }
        } catch {
          // Not there: 404 below.
        }
      }
      response.writeHead(404, cors).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    exchanges,
    registry,
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}
