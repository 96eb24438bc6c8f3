// Load benchmark (not a test): requests per second of the emulator's HMAC-verified
// POST /identities/{id}/:issueAccessToken against a bare node:http hello-world, same machine, same
// run, same autocannon settings. Both servers run in child processes over plain HTTP (TLS would
// cost both sides the same and hide what the emulator itself costs).
//
// Each :issueAccessToken request is pre-signed once: the body is constant, so its content hash,
// string to sign and signature are constant too, and a fixed x-ms-date stays inside the ±15 min
// window for the whole run. The emulator still does all the server-side work per request:
// body hash, date check, HMAC, constant-time compare, JSON parse, validation, JWT signing.
//
// The machine may be busy with other work, so the two loads alternate in short rounds and the
// median ratio is reported next to each round.
//
// Usage: npm run bench:emulator   (builds first; about 25 s)
import { spawn } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { authorizationHeader, EMPTY_CONTENT_HASH, stringToSign } from 'acs-common/signing';
import autocannon from 'autocannon';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const ROUNDS = 5;
const DURATION_IN_SECONDS = 2;
const WARMUP_IN_SECONDS = 1;
const CONNECTIONS = 32;
const ACCESS_KEY = Buffer.from('acs-emulator benchmark key, not a secret').toString('base64');
const HELLO = `require('node:http').createServer((q, r) => r.end('hello world')).listen(0, '127.0.0.1', function () {
  console.log(JSON.stringify({ endpoint: 'http://127.0.0.1:' + this.address().port + '/' }));
});`;

if (!existsSync(CLI)) {
  console.error(`${CLI} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

/** Starts a child that prints {"endpoint":…} on its first stdout line. */
function startChild(args) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (newline >= 0) resolve({ child, endpoint: JSON.parse(buffered.slice(0, newline)).endpoint });
    });
    child.on('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
}

function sign(endpoint, method, target, body) {
  const { host } = new URL(endpoint);
  const date = new Date().toUTCString();
  const contentHash = body === '' ? EMPTY_CONTENT_HASH : createHash('sha256').update(body).digest('base64');
  const signature = createHmac('sha256', Buffer.from(ACCESS_KEY, 'base64'))
    .update(stringToSign({ method, pathAndQuery: target, date, host, contentHash }))
    .digest('base64');
  return { host, 'x-ms-date': date, 'x-ms-content-sha256': contentHash, authorization: authorizationHeader(signature) };
}

async function load(options, warmup) {
  if (warmup) await autocannon({ ...options, duration: WARMUP_IN_SECONDS, connections: CONNECTIONS });
  const result = await autocannon({ ...options, duration: DURATION_IN_SECONDS, connections: CONNECTIONS });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${options.url}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  return result;
}

const hello = await startChild(['-e', HELLO]);
const emulator = await startChild([CLI, '--http', '--port', '0', '--access-key', ACCESS_KEY]);
try {
  const created = await fetch(`${emulator.endpoint}identities?api-version=2023-10-01`, {
    method: 'POST',
    headers: sign(emulator.endpoint, 'POST', '/identities?api-version=2023-10-01', ''),
  });
  const { identity } = await created.json();
  const target = `/identities/${encodeURIComponent(identity.id)}/:issueAccessToken?api-version=2023-10-01`;
  const body = JSON.stringify({ scopes: ['chat', 'voip'], expiresInMinutes: 60 });

  const issueOptions = {
    url: `${emulator.endpoint.slice(0, -1)}${target}`,
    method: 'POST',
    body,
    headers: { ...sign(emulator.endpoint, 'POST', target, body), 'content-type': 'application/json' },
  };
  const helloOptions = { url: hello.endpoint };

  console.log(
    `autocannon, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${DURATION_IN_SECONDS} s, Node ${process.version}`,
  );
  console.log('round   bare node:http hello world   emulator POST …/:issueAccessToken (HMAC)   ratio');
  const ratios = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const bare = await load(helloOptions, round === 1);
    const issue = await load(issueOptions, round === 1);
    const ratio = issue.requests.average / bare.requests.average;
    ratios.push(ratio);
    console.log(
      `${String(round).padStart(5)}   ${String(Math.round(bare.requests.average)).padStart(14)} req/s` +
        `   ${String(Math.round(issue.requests.average)).padStart(28)} req/s (p99 ${issue.latency.p99} ms)   ${(ratio * 100).toFixed(1)} %`,
    );
  }
  const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
  console.log(`median ratio: ${(median * 100).toFixed(1)} % of bare node:http (target ≥ 40 %)`);
} finally {
  hello.child.kill();
  emulator.child.kill();
}
