import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { bufferIo } from '../support/buffer-io.js';
import { RECEIVE_XML, send, serve, type RunningServer } from '../zoo/serve.js';

const running: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(running.map((server) => server.close()));
});

/** A conforming server that counts the requests it gets: a refused command must send none. */
async function countingServer(): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  const server = await serve((req, res) => {
    requests += 1;
    req.resume();
    req.on('end', () => send(res, 200, RECEIVE_XML));
  });
  running.push(server);
  return { url: server.url(), requests: () => requests };
}

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
