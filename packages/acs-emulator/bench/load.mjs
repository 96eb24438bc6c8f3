// Load benchmark (not a test): requests per second of the emulator's HMAC-verified
// POST /identities/{id}/:issueAccessToken against a bare node:http hello-world, same machine, same
// run, same autocannon settings. The load generator (autocannon, this process) and every server
// (one child process each) never share an event loop, and every target is measured the same way:
// same process layout, same connections, same duration, rounds alternating so that background load
// on the machine hits all targets alike. On a 2-core machine autocannon and the server under test
// share the CPU; for the hello-world autocannon itself is the limit.
//
// Each :issueAccessToken request is pre-signed once: the body is constant, so its content hash,
// string to sign and signature are constant too, and a fixed x-ms-date stays inside the ±15 min
// window for the whole run. The emulator still does all the server-side verification per request:
// body hash, date check, HMAC, constant-time compare, JSON parse, validation, and it signs a new
// JWT for every request (0.1's per-second reply cache is gone). More rows give the context:
// - "fresh token": the same route with a different lifetime per request (pre-signed bodies
//   cycling through 64 values);
// - "bare POST": a node:http server that reads the same request and answers a fixed body of the
//   emulator's reply size: the cost of this request shape in Node's HTTP stack, with no work;
// - "inline": a node:http server doing the token route's own work (content hash, date, HMAC with a
//   constant-time compare, JSON body, an HS256 JWT, the reply) in one function, with no host: the
//   most this route can reach in node:http on this machine, so the host's own share shows.
// "server CPU" is the server process's user+system time per request (Linux /proc), which varies
// less than req/s when the machine is shared.
//
// Usage: npm run bench:emulator   (builds first; about 60 s)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHmacHeaders } from 'acs-common/signing';
import autocannon from 'autocannon';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const ROUNDS = 5;
const DURATION_IN_SECONDS = 2;
const WARMUP_IN_SECONDS = 1;
const CONNECTIONS = 32;
const FRESH_TOKEN_VARIANTS = 64;
const ACCESS_KEY = Buffer.from('acs-emulator benchmark key, not a secret').toString('base64');
const READY = `function () { console.log(JSON.stringify({ endpoint: 'http://127.0.0.1:' + this.address().port + '/' })); }`;
const HELLO = `require('node:http').createServer((q, r) => r.end('hello world')).listen(0, '127.0.0.1', ${READY});`;
// Reads the body like the emulator, answers process.env.REPLY with the emulator's reply headers.
const BARE_POST = `const reply = process.env.REPLY;
require('node:http').createServer((q, r) => {
  const chunks = [];
  q.on('data', (chunk) => chunks.push(chunk));
  q.on('end', () => r.writeHead(200, ['content-type', 'application/json; charset=utf-8', 'content-length', String(Buffer.byteLength(reply))]).end(reply));
}).listen(0, '127.0.0.1', ${READY});`;

// The token route's own work with no host around it: check the content hash, the date and the HMAC
// signature (node:crypto, constant-time compare), parse the body, mint an HS256 JWT, answer
// {token, expiresOn}. What node:http can do for this route on this machine at best: the ceiling
// the emulator's host is measured against.
const INLINE_TOKEN = `const crypto = require('node:crypto');
const key = Buffer.from(process.env.ACCESS_KEY, 'base64');
const jwtKey = crypto.randomBytes(32);
const header = Buffer.from('{"alg":"HS256","kid":"1","typ":"JWT"}').toString('base64url');
const refuse = (r) => r.writeHead(401, ['content-length', '0']).end();
require('node:http').createServer((q, r) => {
  const chunks = [];
  q.on('data', (chunk) => chunks.push(chunk));
  q.on('end', () => {
    const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    const h = q.headers;
    const contentHash = crypto.createHash('sha256').update(body).digest('base64');
    const date = h['x-ms-date'];
    if (contentHash !== h['x-ms-content-sha256'] || !(Math.abs(Date.now() - Date.parse(date)) < 900000)) return refuse(r);
    const signed = q.method + '\\n' + q.url + '\\n' + date + ';' + h.host + ';' + contentHash;
    const expected = Buffer.from(crypto.createHmac('sha256', key).update(signed).digest('base64'));
    const given = Buffer.from(String(h.authorization).slice(String(h.authorization).indexOf('&Signature=') + 11));
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return refuse(r);
    const request = JSON.parse(body.toString('utf8'));
    const id = decodeURIComponent(q.url.split('/')[2]);
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + request.expiresInMinutes * 60;
    const payload = '{"skypeid":' + JSON.stringify(id.slice(2)) + ',"scp":1792,"csi":"' + iat + '","exp":' + exp +
      ',"acsScope":' + JSON.stringify(request.scopes.join(',')) + ',"resourceId":"r","iat":' + iat + ',"rev":0}';
    const input = header + '.' + Buffer.from(payload).toString('base64url');
    const token = input + '.' + crypto.createHmac('sha256', jwtKey).update(input).digest('base64url');
    const reply = JSON.stringify({ token, expiresOn: new Date(exp * 1000).toISOString().slice(0, 23) + '0000+00:00' });
    r.writeHead(200, ['content-type', 'application/json; charset=utf-8', 'content-length', String(Buffer.byteLength(reply))]).end(reply);
  });
}).listen(0, '127.0.0.1', ${READY});`;

if (!existsSync(CLI)) {
  console.error(`${CLI} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

/** Starts a child that prints {"endpoint":…} on its first stdout line. */
function startChild(args, env = {}) {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
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

/** user+system CPU seconds of a process so far, or undefined where /proc is missing. */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** The HMAC headers of one request, signed with acs-common's public signer. */
function sign(endpoint, method, target, body) {
  return createHmacHeaders({ method, url: new URL(target, endpoint), body, key: ACCESS_KEY });
}

async function load(target, warmup) {
  if (warmup) await autocannon({ ...target.options, duration: WARMUP_IN_SECONDS, connections: CONNECTIONS });
  const cpuBefore = cpuSeconds(target.pid);
  const result = await autocannon({ ...target.options, duration: DURATION_IN_SECONDS, connections: CONNECTIONS });
  const cpuAfter = cpuSeconds(target.pid);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${target.name}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  const cpuInMicroseconds =
    cpuBefore === undefined || cpuAfter === undefined
      ? undefined
      : ((cpuAfter - cpuBefore) * 1e6) / result.requests.total;
  return { perSecond: result.requests.average, p99: result.latency.p99, cpuInMicroseconds };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const pad = (text, width) => String(text).padStart(width);

const children = [];
try {
  const hello = await startChild(['-e', HELLO]);
  children.push(hello.child);
  const emulator = await startChild([CLI, '--http', '--port', '0', '--access-key', ACCESS_KEY]);
  children.push(emulator.child);

  const created = await fetch(`${emulator.endpoint}identities?api-version=2023-10-01`, {
    method: 'POST',
    headers: await sign(emulator.endpoint, 'POST', '/identities?api-version=2023-10-01', ''),
  });
  const { identity } = await created.json();
  const path = `/identities/${encodeURIComponent(identity.id)}/:issueAccessToken?api-version=2023-10-01`;
  const body = JSON.stringify({ scopes: ['chat', 'voip'], expiresInMinutes: 60 });
  const issueOptions = {
    url: `${emulator.endpoint.slice(0, -1)}${path}`,
    method: 'POST',
    body,
    headers: { ...(await sign(emulator.endpoint, 'POST', path, body)), 'content-type': 'application/json' },
  };
  const sample = await fetch(issueOptions.url, issueOptions);
  const reply = await sample.text();
  if (sample.status !== 200) throw new Error(`emulator answered ${sample.status}: ${reply}`);

  // Same route, a different lifetime per request: the reply cannot be reused, a JWT is signed each time.
  const freshRequests = await Promise.all(
    Array.from({ length: FRESH_TOKEN_VARIANTS }, async (_, index) => {
      const freshBody = JSON.stringify({ scopes: ['chat', 'voip'], expiresInMinutes: 60 + index });
      return {
        method: 'POST',
        path,
        body: freshBody,
        headers: { ...(await sign(emulator.endpoint, 'POST', path, freshBody)), 'content-type': 'application/json' },
      };
    }),
  );

  // Chat sendMessage: a user with a chat token (HMAC POST /identities) creates a thread with a
  // second participant; every request then posts the same message with the bearer token. Each one
  // is a real send: token verification, membership check, a new message and its events.
  const chatUser = async () => {
    const answer = await fetch(`${emulator.endpoint}identities?api-version=2023-10-01`, {
      method: 'POST',
      body: JSON.stringify({ createTokenWithScopes: ['chat'] }),
      headers: {
        ...(await sign(
          emulator.endpoint,
          'POST',
          '/identities?api-version=2023-10-01',
          JSON.stringify({ createTokenWithScopes: ['chat'] }),
        )),
        'content-type': 'application/json',
      },
    });
    return answer.json();
  };
  const [sender, recipient] = [await chatUser(), await chatUser()];
  const bearer = { authorization: `Bearer ${sender.accessToken.token}`, 'content-type': 'application/json' };
  const thread = await fetch(`${emulator.endpoint}chat/threads?api-version=2025-03-15`, {
    method: 'POST',
    headers: bearer,
    body: JSON.stringify({
      topic: 'bench',
      participants: [{ communicationIdentifier: { communicationUser: { id: recipient.identity.id } } }],
    }),
  });
  if (thread.status !== 201)
    throw new Error(`creating the chat thread answered ${thread.status}: ${await thread.text()}`);
  const threadId = (await thread.json()).chatThread.id;
  const sendOptions = {
    url: `${emulator.endpoint}chat/threads/${encodeURIComponent(threadId)}/messages?api-version=2025-03-15`,
    method: 'POST',
    body: JSON.stringify({ content: 'Hello from the bench', senderDisplayName: 'Bench' }),
    headers: bearer,
  };

  const barePost = await startChild(['-e', BARE_POST], { REPLY: reply });
  children.push(barePost.child);
  const inline = await startChild(['-e', INLINE_TOKEN], { ACCESS_KEY });
  children.push(inline.child);
  // Same path and body, signed for the inline server's host.
  const inlineOptions = {
    url: `${inline.endpoint.slice(0, -1)}${path}`,
    method: 'POST',
    body,
    headers: { ...(await sign(inline.endpoint, 'POST', path, body)), 'content-type': 'application/json' },
  };
  const inlineSample = await fetch(inlineOptions.url, inlineOptions);
  if (inlineSample.status !== 200) throw new Error(`the inline token server answered ${inlineSample.status}`);
  await inlineSample.text();

  const targets = [
    { name: 'bare node:http hello world (GET)', pid: hello.child.pid, options: { url: hello.endpoint } },
    {
      name: 'bare node:http POST, same request and reply size, no work',
      pid: barePost.child.pid,
      options: { ...issueOptions, url: `${barePost.endpoint.slice(0, -1)}${path}` },
    },
    { name: 'emulator POST …/:issueAccessToken (HMAC)', pid: emulator.child.pid, options: issueOptions },
    {
      name: "bare node:http doing the token route's work inline (HMAC check, JWT mint; no host)",
      pid: inline.child.pid,
      options: inlineOptions,
    },
    {
      name: 'emulator, fresh token every request',
      pid: emulator.child.pid,
      options: { url: issueOptions.url, requests: freshRequests },
    },
    { name: 'emulator chat sendMessage (POST …/messages, ACS token)', pid: emulator.child.pid, options: sendOptions },
  ];
  const CHAT_ROW = targets.length - 1;
  const INLINE_ROW = 3;

  console.log(
    `autocannon (this process), ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${DURATION_IN_SECONDS} s, ` +
      `each server in its own process, Node ${process.version}`,
  );
  for (const [index, target] of targets.entries()) console.log(`  [${index}] ${target.name}`);
  console.log(`round ${targets.map((_, index) => pad(`[${index}] req/s (CPU µs/req)`, 25)).join(' ')}   [2]/[0]`);
  const ratios = targets.map(() => []);
  const cpu = targets.map(() => []);
  for (let round = 1; round <= ROUNDS; round++) {
    const results = [];
    for (const target of targets) results.push(await load(target, round === 1));
    const cells = results.map(({ perSecond, cpuInMicroseconds }, index) => {
      ratios[index].push(perSecond / results[0].perSecond);
      if (cpuInMicroseconds !== undefined) cpu[index].push(cpuInMicroseconds);
      const cpuText = cpuInMicroseconds === undefined ? '' : ` (${cpuInMicroseconds.toFixed(1)})`;
      return pad(`${Math.round(perSecond)}${cpuText}`, 25);
    });
    console.log(
      `${pad(round, 5)} ${cells.join(' ')}   ${((results[2].perSecond / results[0].perSecond) * 100).toFixed(1)} %`,
    );
  }
  console.log('medians:');
  targets.forEach((target, index) => {
    const cpuText = cpu[index].length === 0 ? '' : `, server CPU ${median(cpu[index]).toFixed(1)} µs/request`;
    console.log(`  [${index}] ${(median(ratios[index]) * 100).toFixed(1)} % of [0]${cpuText}  ${target.name}`);
  });
  console.log(`median ratio: ${(median(ratios[2]) * 100).toFixed(1)} % of bare node:http (target ≥ 30 %)`);
  console.log(
    `  the token route's work alone, inline in node:http: ${(median(ratios[INLINE_ROW]) * 100).toFixed(1)} % ` +
      `(the host keeps ${((median(ratios[2]) / median(ratios[INLINE_ROW])) * 100).toFixed(0)} % of that)`,
  );
  console.log(
    `chat sendMessage median ratio: ${(median(ratios[CHAT_ROW]) * 100).toFixed(1)} % of bare node:http (target ≥ 30 %)`,
  );
} finally {
  for (const child of children) child.kill();
}
