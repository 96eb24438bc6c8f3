import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from './helpers/cli.js';
import { send, signed } from './helpers/client.js';

// The built `acs-emulator` command, as a user runs it.

const IDENTITY = 'api-version=2023-10-01';
let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'acs-emulator-cli-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('acs-emulator CLI', () => {
  it('prints one JSON ready line, serves HTTPS with a certificate for 127.0.0.1 and localhost, exits 0 on SIGTERM', async () => {
    const cli = await startCli(['--port', '0']);
    expect(Object.keys(cli.ready)).toEqual(['endpoint', 'connectionString', 'caCertPath', 'dashboard']);
    expect(cli.ready.dashboard).toBe(`${cli.ready.endpoint}emulator/`);
    expect(cli.ready.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    expect(cli.ready.connectionString).toBe(`endpoint=${cli.ready.endpoint};accesskey=${cli.accessKey}`);
    expect(Buffer.from(cli.accessKey, 'base64')).toHaveLength(64);

    const ca = await readFile(cli.ready.caCertPath as string, 'utf8');
    const certificate = new X509Certificate(ca);
    expect(certificate.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(certificate.checkHost('localhost')).toBe('localhost');
    const emulator = { endpoint: cli.ready.endpoint, accessKey: cli.accessKey };
    expect((await signed(emulator, 'POST', `/identities?${IDENTITY}`, undefined, { ca })).status).toBe(201);
    const viaLocalhost = cli.ready.endpoint.replace('127.0.0.1', 'localhost');
    expect(
      (await signed({ ...emulator, endpoint: viaLocalhost }, 'POST', `/identities?${IDENTITY}`, undefined, { ca }))
        .status,
    ).toBe(201);
    await expect(send(cli.ready.endpoint, { method: 'GET', target: '/' })).rejects.toThrow(/self-signed|certificate/i);

    cli.child.kill('SIGTERM');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.stdout().trimEnd().split('\n')).toHaveLength(1);
    expect(cli.stderr()).not.toContain(cli.accessKey);
    // The temporary certificate folder is removed on a clean stop.
    await expect(stat(cli.ready.caCertPath as string)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('--http: caCertPath is null; SIGINT exits 0', async () => {
    const cli = await startCli(['--http', '--port', '0', '--access-key', 'pw==']);
    expect(cli.ready).toEqual({
      endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/),
      connectionString: `endpoint=${cli.ready.endpoint};accesskey=pw==`,
      caCertPath: null,
      dashboard: `${cli.ready.endpoint}emulator/`,
    });
    cli.child.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
  });

  it('keeps a generated certificate and key beside --data and reuses them', async () => {
    const data = join(directory, 'tls', 'state.json');
    const first = await startCli(['--port', '0', '--data', data]);
    expect(first.ready.caCertPath).toBe(`${data}.cert.pem`);
    const cert = await readFile(`${data}.cert.pem`, 'utf8');
    expect((await stat(`${data}.key.pem`)).mode & 0o777).toBe(0o600);
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);

    const second = await startCli(['--port', '0', '--data', data]);
    expect(await readFile(`${data}.cert.pem`, 'utf8')).toBe(cert);
    expect(second.accessKey).toBe(first.accessKey);
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  });

  it('serves a given --cert/--key and names it as caCertPath', async () => {
    const data = join(directory, 'own', 'state.json');
    const generated = await startCli(['--port', '0', '--data', data]);
    generated.child.kill('SIGTERM');
    await generated.exited;
    const cli = await startCli(['--port', '0', '--cert', `${data}.cert.pem`, '--key', `${data}.key.pem`]);
    expect(cli.ready.caCertPath).toBe(`${data}.cert.pem`);
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
  });

  it.each([
    [['--port', 'abc'], '--port must be an integer'],
    [['--access-key', 'sekrit!'], '--access-key must be base64'],
    [['--cert', 'only.pem'], '--cert and --key go together'],
    [['--nope'], 'unknown option --nope'],
  ])('exits 2 on %j with a clear message and nothing on stdout', async (args, message) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).not.toContain('sekrit');
  });

  it('--help prints usage and exits 0', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: acs-emulator');
  });

  it('refuses a data file it did not write, and leaves it untouched', async () => {
    const data = join(directory, 'foreign.json');
    await writeFile(data, '{"hello":"world"}');
    const { code, stderr, stdout } = await runCli(['--http', '--port', '0', '--data', data]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('is not a usable acs-emulator data file');
    expect(await readFile(data, 'utf8')).toBe('{"hello":"world"}');
  });

  it('reports a port already in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const { code, stderr } = await runCli(['--http', '--port', String(port)]);
      expect(code).toBe(1);
      expect(stderr).toContain('EADDRINUSE');
    } finally {
      blocker.close();
    }
  });

  it('is linked by npm from a committed file, so `npx acs-emulator` works in a fresh clone after npm ci', async () => {
    const link = await readlink(fileURLToPath(new URL('../../../node_modules/.bin/acs-emulator', import.meta.url)));
    expect(link.replaceAll('\\', '/')).toMatch(/acs-emulator\/bin\/acs-emulator\.js$/);
    const { stdout } = await promisify(execFile)(process.execPath, [
      fileURLToPath(new URL('../bin/acs-emulator.js', import.meta.url)),
      '--help',
    ]);
    expect(stdout).toMatch(/^Usage: acs-emulator/);
    expect(stdout).toContain('--phone-number E164');
  });
});
