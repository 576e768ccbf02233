import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import type { CliIo } from '../../src/model/io.js';
import type { Report } from '../../src/model/report.js';
import { freePort } from '../package/ports.js';
import { until } from '../support/until.js';
import { bufferIo } from '../support/buffer-io.js';
import { RECEIVE_XML, send } from '../zoo/serve.js';
import { loopbackServers } from '../zoo/loopback-servers.js';

const servers = loopbackServers();
const countingServer = servers.counting;

describe('outputs that reach one file through symbolic links', () => {
  it.each([
    ['the report is a link to the server log (not yet written)', ['--server-log', 'r.json', '--reporter', 'json:rlink.json'], '--reporter json:rlink.json and --server-log'],
    ['the server log is a link to the report', ['--server-log', 'rlink.json', '--reporter', 'json:r.json'], '--reporter json:r.json and --server-log'],
    ['the report is a link to a link to the server log', ['--server-log', 'r.json', '--reporter', 'junit:chain.xml'], '--reporter junit:chain.xml and --server-log'],
  ])('refuses to start when %s, in one line, before any request', async (_case, flags, labels) => {
    const { url, requests } = await countingServer();
    const { io, stderr } = bufferIo();
    symlinkSync('r.json', join(io.cwd, 'rlink.json'));
    symlinkSync('rlink.json', join(io.cwd, 'chain.xml'));
    const code = await runCli(['check', url, '--start', 'touch started', ...flags], io);
    expect(code).toBe(2);
    expect(stderr()).toBe(`twiml-fax-kit: ${labels} write to the same file ${join(io.cwd, 'r.json')}; give each its own file\n`);
    expect(requests()).toBe(0);
    expect(existsSync(join(io.cwd, 'started'))).toBe(false);
    expect(existsSync(join(io.cwd, 'r.json'))).toBe(false);
    expect(lstatSync(join(io.cwd, 'rlink.json')).isSymbolicLink()).toBe(true);
  });

  it('refuses two reporters that write one file through a link, and leaves the file as it was', async () => {
    const { url, requests } = await countingServer();
    const { io, stderr } = bufferIo();
    writeFileSync(join(io.cwd, 'mine.txt'), 'kept\n');
    mkdirSync(join(io.cwd, 'reports'));
    symlinkSync('../mine.txt', join(io.cwd, 'reports', 'fax.xml'));
    const code = await runCli(['check', url, '--reporter', 'json:mine.txt', '--reporter', 'junit:reports/fax.xml'], io);
    expect(code).toBe(2);
    expect(stderr()).toBe(`twiml-fax-kit: --reporter json:mine.txt and --reporter junit:reports/fax.xml write to the same file ${join(io.cwd, 'mine.txt')}; give each its own file\n`);
    expect(requests()).toBe(0);
    expect(readFileSync(join(io.cwd, 'mine.txt'), 'utf8')).toBe('kept\n');
  });

  it('accepts a link to a file no other output writes', async () => {
    const { url } = await countingServer();
    const { io } = bufferIo();
    symlinkSync('real.json', join(io.cwd, 'link.json'));
    const code = await runCli(['check', url, '--runs', '1', '--checks', 'status-code', '--reporter', 'json:link.json', '--reporter', 'junit:r.xml'], io);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(join(io.cwd, 'link.json'), 'utf8')).ok).toBe(true);
  });
});

describe('reporters that would share stdout', () => {
  it.each([
    ['check', ['check', 'http://127.0.0.1:9/fax']],
    ['pact verify', ['pact', 'verify', 'http://127.0.0.1:9/fax']],
  ])('%s refuses them in one line that ends the line', async (_command, args) => {
    const { io, stderr } = bufferIo();
    expect(await runCli([...args, '--reporter', 'json', '--reporter', 'junit'], io)).toBe(2);
    expect(stderr()).toBe("twiml-fax-kit: reporters 'json' and 'junit' both write to stdout; give one a file (e.g. --reporter junit:report.xml)\n");
  });
});

/** A buffered CliIo whose Ctrl-C the test presses; the started command goes through the shell, which needs PATH. */
function interruptibleIo(): { io: CliIo; interrupt: () => void } {
  const { io } = bufferIo({ env: { PATH: process.env.PATH ?? '' } });
  const handlers = new Set<() => void>();
  return {
    io: { ...io, onInterrupt: (handler) => (handlers.add(handler), () => handlers.delete(handler)) },
    interrupt: () => [...handlers].forEach((handler) => handler()),
  };
}

const STALE = '{"ok": true, "note": "a report of an earlier run"}\n';
const IDLE = `${JSON.stringify(process.execPath)} -e "setInterval(() => {}, 1000)"`;

describe('an interrupted run with --start', () => {
  it('writes the interrupted report, as without --start, once requests are sent', async () => {
    const { io, interrupt } = interruptibleIo();
    writeFileSync(join(io.cwd, 'r.json'), STALE);
    // The started command only idles; the server the kit waits for and checks is this one, which listens once the
    // command has started (the kit refuses a port that answers before) and presses Ctrl-C at the first webhook.
    const port = await freePort();
    const server = createServer((req, res) => {
      req.resume();
      if (req.method === 'POST') interrupt();
      req.on('end', () => send(res, 200, RECEIVE_XML));
    });
    const url = `http://127.0.0.1:${port}`;
    const args = ['check', `${url}/fax`, '--start', IDLE, '--server-log', 'server.log', '--wait-for', `${url}/health`, '--runs', '50', '--seed', '1', '--concurrency', '1'];
    const code = runCli([...args, '--reporter', 'json:r.json', '--reporter', 'junit:r.xml'], io);
    await until(() => existsSync(join(io.cwd, 'server.log')), 'the server to be started');
    await new Promise<void>((listening) => server.listen(port, '127.0.0.1', listening));
    servers.track({ url: () => url, close: () => new Promise((closed) => (server.closeAllConnections(), server.close(() => closed()))) });
    expect(await code).toBe(130);
    expect(JSON.parse(readFileSync(join(io.cwd, 'r.json'), 'utf8')) as Report).toMatchObject({ ok: false, interrupted: true });
    expect(readFileSync(join(io.cwd, 'r.xml'), 'utf8')).toContain('<error message="the run was interrupted');
  });

  it('writes none while the server is still starting, and the earlier report is gone', async () => {
    const { io, interrupt } = interruptibleIo();
    writeFileSync(join(io.cwd, 'r.json'), STALE);
    const port = await freePort();
    const code = runCli(['check', `http://127.0.0.1:${port}/fax`, '--start', IDLE, '--server-log', 'server.log', '--reporter', 'json:r.json'], io);
    await until(() => existsSync(join(io.cwd, 'server.log')), 'the server to be started');
    interrupt();
    expect(await code).toBe(130);
    expect(existsSync(join(io.cwd, 'r.json'))).toBe(false);
  });
});
